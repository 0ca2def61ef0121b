// Reading the plan file (TOML) into a workspace.
#pragma once

#include <cstdint>
#include <string_view>

#include "io/internal/workspace.hpp"

namespace atlas::io::internal {

/// Parses `text` (the plan file of source `source`) into ws.plan, zones, targets, projects and
/// chains. A TOML syntax error or a wrong top-level key is a kFile issue (kMalformedPlan at
/// file:line:column); problems inside a record (unknown key with the closest known one, wrong type,
/// missing key, bad value) are issues of that record, at the key's or value's line:column.
void read_plan_toml(Workspace& ws, std::uint32_t source, std::string_view text);

}  // namespace atlas::io::internal
