#include "io/dataset_reader.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <system_error>

#include <fmt/format.h>

#include "io/internal/assemble.hpp"
#include "io/internal/map_reader.hpp"
#include "io/internal/mapped_file.hpp"
#include "io/internal/plan_reader.hpp"
#include "io/internal/suggest.hpp"
#include "io/internal/tables.hpp"

namespace atlas::io {
namespace {

using internal::TableKind;

std::string_view base_name(std::string_view name) {
  const auto slash = name.find_last_of('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

/// The table of an input by its file name; kPlan for any `*.toml`, kMap for any `*.geojson`.
Result<TableKind> classify(std::string_view name) {
  const std::string_view base = base_name(name);
  if (base.ends_with(".toml")) return TableKind::kPlan;
  if (base.ends_with(".geojson")) return TableKind::kMap;
  if (auto kind = internal::table_of_file_name(base)) return *kind;
  std::vector<std::string_view> known(internal::csv_file_names().begin(), internal::csv_file_names().end());
  known.push_back("<plan-id>.toml");
  known.push_back("<plan-id>.geojson");
  return fail(ErrorCode::kInvalidArgument,
              fmt::format("'{}' is not a dataset file: expected one of {}{}", base,
                          internal::join_words(known), internal::did_you_mean(base, known)),
              {}, Location{std::string(name)});
}

/// Units for observations: metrics.csv read so far, then the caller's, then the existing
/// dataset's, then the defaults.
internal::MetricUnits metric_units(const internal::Workspace& ws, const ReadOptions& options) {
  internal::MetricUnits units;
  for (std::size_t i = 0; i < ws.metrics.size(); ++i)
    units.add(ws.metrics.rows[i].id, ws.metrics.rows[i].unit);
  for (const auto& [id, unit] : options.metric_units)
    units.add(id, unit);
  if (options.existing != nullptr) {
    for (const MetricRecord& m : options.existing->metrics)
      units.add(m.id, m.unit);
  }
  units.add_defaults();
  return units;
}

struct Classified {
  const InputFile* file;
  TableKind kind;
};

void read_input(internal::Workspace& ws, const Classified& input, const ReadOptions& options,
                std::optional<internal::MetricUnits>& units) {
  const std::uint32_t source = ws.add_source(input.file->name);
  if (input.kind == TableKind::kPlan) return internal::read_plan_toml(ws, source, input.file->bytes);
  if (input.kind == TableKind::kMap) return internal::read_map_geojson(ws, source, input.file->bytes);
  if (input.kind == TableKind::kObservations && !units) units = metric_units(ws, options);
  const bool metrics_known =
      ws.was_read(TableKind::kMetrics) || options.existing != nullptr || !options.metric_units.empty();
  internal::read_csv(input.kind, ws, source, input.file->bytes, units ? *units : internal::MetricUnits{},
                     metrics_known);
}

/// The inputs of `path`: itself, or for a directory its table files, plan files and boundary maps.
std::vector<std::filesystem::path> expand(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return {path};
  std::vector<std::filesystem::path> out;
  for (std::string_view name : internal::csv_file_names()) {
    if (std::filesystem::is_regular_file(path / name, ec)) out.push_back(path / name);
  }
  for (const auto& dir : {path, path / "plans"}) {
    std::vector<std::filesystem::path> plans;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      const auto extension = entry.path().extension();
      if (entry.is_regular_file(ec) && (extension == ".toml" || extension == ".geojson")) {
        plans.push_back(entry.path());
      }
    }
    std::ranges::sort(plans);
    out.insert(out.end(), plans.begin(), plans.end());
  }
  return out;
}

}  // namespace

std::span<const std::string_view> table_file_names() {
  return internal::csv_file_names();
}

ReadResult read_dataset(std::span<const InputFile> files, const ReadOptions& options) {
  std::vector<Classified> inputs;
  std::vector<Error> errors;
  for (const InputFile& file : files) {
    auto kind = classify(file.name);
    if (kind) {
      inputs.push_back(Classified{&file, *kind});
    } else {
      errors.push_back(std::move(kind.error()));
    }
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  std::ranges::stable_sort(inputs, {}, &Classified::kind);
  internal::Workspace ws;
  ws.check_indicator = options.check_indicator;
  std::optional<internal::MetricUnits> units;
  for (const Classified& input : inputs)
    read_input(ws, input, options, units);
  return internal::finish(ws, options);
}

ReadResult read_dataset(std::span<const std::filesystem::path> paths, const ReadOptions& options) {
  std::deque<internal::MappedFile> mapped;  // a deque: views into earlier files stay valid
  std::vector<InputFile> files;
  std::vector<Error> errors;
  for (const std::filesystem::path& path : paths) {
    const std::vector<std::filesystem::path> expanded = expand(path);
    if (expanded.empty()) {
      errors.push_back(
          Error{ErrorCode::kNotFound, "no dataset files in this directory", Location{path.string()}, {}});
    }
    for (const std::filesystem::path& file : expanded) {
      auto map = internal::MappedFile::open(file);
      if (!map) {
        errors.push_back(std::move(map.error()));
        continue;
      }
      mapped.push_back(std::move(*map));
      files.push_back(InputFile{file.string(), mapped.back().bytes()});
    }
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return read_dataset(std::span<const InputFile>(files), options);
}

}  // namespace atlas::io
