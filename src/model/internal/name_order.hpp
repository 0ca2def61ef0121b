// The order users expect names in: Chinese names by pinyin (CLDR's "zh" collation), other scripts
// by their usual alphabetical order, computed once per Snapshot.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace atlas::internal {

/// rank[i] = the position of names[i] when every name is sorted by the zh collation (ties keep
/// their index order), so sorting records by name is an integer comparison. Falls back to byte
/// order when the collator cannot be created. Thread-safe (a collator per call).
[[nodiscard]] std::vector<std::uint32_t> collation_ranks(std::span<const std::string_view> names);

}  // namespace atlas::internal
