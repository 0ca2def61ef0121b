#include "model/internal/name_order.hpp"

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace atlas::internal {
namespace {

// Sort keys of every name in one buffer: key i is keys[offsets[i] .. offsets[i+1]).
struct SortKeys {
  std::vector<std::uint32_t> offsets{0};
  std::string keys;
};

SortKeys sort_keys(const icu::Collator& collator, std::span<const std::string_view> names) {
  SortKeys out;
  out.offsets.reserve(names.size() + 1);
  std::vector<std::uint8_t> buffer(256);
  for (std::string_view name : names) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), name.size()));
    auto length = static_cast<std::size_t>(
        collator.getSortKey(text, buffer.data(), static_cast<std::int32_t>(buffer.size())));
    if (length > buffer.size()) {
      buffer.resize(length);
      length = static_cast<std::size_t>(
          collator.getSortKey(text, buffer.data(), static_cast<std::int32_t>(buffer.size())));
    }
    out.keys.append(reinterpret_cast<const char*>(buffer.data()), length);
    out.offsets.push_back(static_cast<std::uint32_t>(out.keys.size()));
  }
  return out;
}

std::vector<std::uint32_t> ranks_of(const std::vector<std::uint32_t>& order) {
  std::vector<std::uint32_t> rank(order.size());
  for (std::uint32_t pos = 0; pos < order.size(); ++pos)
    rank[order[pos]] = pos;
  return rank;
}

}  // namespace

std::vector<std::uint32_t> collation_ranks(std::span<const std::string_view> names) {
  std::vector<std::uint32_t> order(names.size());
  std::iota(order.begin(), order.end(), 0U);
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status) || collator == nullptr) {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return names[a] < names[b]; });
    return ranks_of(order);
  }
  const SortKeys keys = sort_keys(*collator, names);
  const auto key = [&](std::uint32_t i) {
    return std::string_view(keys.keys).substr(keys.offsets[i], keys.offsets[i + 1] - keys.offsets[i]);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
  return ranks_of(order);
}

}  // namespace atlas::internal
