// The plan file (TOML, docs/formats.md): [plan], [[zone]], [[target]], [[project]], [[chain]].
#pragma once

#include <string>
#include <string_view>

#include "io/dataset_reader.hpp"
#include "model/records.hpp"

namespace atlas::io {

/// Parses one plan file into a Dataset whose plan, zones, targets, projects and chains are filled.
/// Every problem is collected: TOML syntax errors and unknown keys (with the closest known key) at
/// file:line:column, wrong types, missing keys, bad enum words or amounts, duplicate ids, edges
/// between links the chain lacks. References to other tables (counties, enterprises, classes)
/// are not checked here: read_dataset checks them with the tables. Thread-safe.
[[nodiscard]] ReadResult read_plan(std::string_view text, std::string file,
                                   ImportMode mode = ImportMode::kAllOrNothing);

/// The plan part of `data` as plan-file text: sections and keys in the order of docs/formats.md,
/// empty optional keys left out, amounts in the plan's units (format_amount). read_plan gives the
/// same records back. Thread-safe.
[[nodiscard]] std::string write_plan(const Dataset& data);

/// True when `data` has anything that belongs in a plan file.
[[nodiscard]] bool has_plan(const Dataset& data);

}  // namespace atlas::io
