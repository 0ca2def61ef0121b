#include "io/internal/assemble.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "io/internal/map_reader.hpp"
#include "io/internal/validator.hpp"

namespace atlas::io::internal {
namespace {

std::vector<Error> sorted_errors(std::vector<Issue>& issues) {
  std::ranges::stable_sort(issues, [](const Issue& a, const Issue& b) {
    return std::tie(a.source, a.error.where.line, a.error.where.column) <
           std::tie(b.source, b.error.where.line, b.error.where.column);
  });
  std::vector<Error> errors;
  errors.reserve(issues.size());
  for (Issue& issue : issues)
    errors.push_back(std::move(issue.error));
  return errors;
}

/// Drops the rows of record issues from `first` on; returns how many issues that was.
std::size_t drop_rows(Workspace& ws, std::size_t first) {
  std::size_t dropped = 0;
  for (std::size_t i = first; i < ws.issues.size(); ++i) {
    const Issue& issue = ws.issues[i];
    if (issue.scope != IssueScope::kRecord) continue;
    visit_table(ws, issue.table, [&](auto& table) { table.dropped[issue.row] = 1; });
    ++dropped;
  }
  return dropped;
}

std::vector<RejectedRow> rejected_rows(Workspace& ws) {
  std::vector<RejectedRow> rejected;
  std::map<std::pair<TableKind, std::uint32_t>, std::size_t> index;
  for (Issue& issue : ws.issues) {
    if (issue.scope == IssueScope::kLine) {
      Location where{issue.error.where.file, issue.error.where.line, 0};
      rejected.push_back(RejectedRow{std::string(table_name(issue.table)), std::move(where), {}});
      rejected.back().errors.push_back(std::move(issue.error));
      continue;
    }
    const auto [at, inserted] = index.try_emplace({issue.table, issue.row}, rejected.size());
    if (inserted) {
      Location where;
      visit_table(ws, issue.table, [&](auto& table) {
        const RowOrigin& origin = table.origins[issue.row];
        where = Location{ws.sources[origin.source].file, origin.line, 0};
      });
      rejected.push_back(RejectedRow{std::string(table_name(issue.table)), std::move(where), {}});
    }
    rejected[at->second].errors.push_back(std::move(issue.error));
  }
  return rejected;
}

/// The live rows, compacted in place (no second copy of a large table).
template <class R>
std::vector<R> take_live(Table<R>& table) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (!table.live(i)) continue;
    if (kept != i) table.rows[kept] = std::move(table.rows[i]);
    ++kept;
  }
  std::vector<R> out = std::move(table.rows);
  out.resize(kept);
  table = {};
  return out;
}

// Where each live target's `field` was read, by target id.
std::vector<std::pair<std::string, Location>> target_locations(const Workspace& ws, std::string_view field) {
  std::vector<std::pair<std::string, Location>> out;
  for (std::size_t i = 0; i < ws.targets.size(); ++i) {
    if (ws.targets.live(i)) out.emplace_back(ws.targets.rows[i].id, ws.locate(ws.targets, i, field));
  }
  return out;
}

Dataset take_dataset(Workspace& ws) {
  Dataset d;
  std::vector<PlanInfo> plans = take_live(ws.plan);
  if (!plans.empty()) d.plan = std::move(plans.front());
  if (!ws.maps.empty()) d.plan.map = std::move(ws.maps.front().geojson);
  d.counties = take_live(ws.counties);
  d.taxonomy = take_live(ws.taxonomy);
  d.metrics = take_live(ws.metrics);
  d.zones = take_live(ws.zones);
  d.enterprises = take_live(ws.enterprises);
  d.observations = take_live(ws.observations);
  d.facts = take_live(ws.facts);
  d.projects = take_live(ws.projects);
  d.milestones = take_live(ws.milestones);
  d.chains = take_live(ws.chains);
  d.carriers = take_live(ws.carriers);
  d.supplier_entries = take_live(ws.supplier_entries);
  d.candidates = take_live(ws.candidates);
  d.targets = take_live(ws.targets);
  d.supply_edges = take_live(ws.supply_edges);
  d.terms = take_live(ws.terms);
  d.units = take_live(ws.units);
  return d;
}

}  // namespace

ReadResult finish(Workspace& ws, const ReadOptions& options) {
  check_map(ws, options.existing);
  const bool fatal =
      std::ranges::any_of(ws.issues, [](const Issue& i) { return i.scope == IssueScope::kFile; });
  Validator validator(ws, options);
  if (options.mode == ImportMode::kAllOrNothing || fatal) {
    validator.run();
    if (!ws.issues.empty()) return std::unexpected(sorted_errors(ws.issues));
    auto indicators = target_locations(ws, "indicator");
    auto units = target_locations(ws, "unit");
    return ReadOutcome{take_dataset(ws), {}, std::move(indicators), std::move(units)};
  }
  std::size_t checked = 0;
  while (drop_rows(ws, checked) > 0 || checked == 0) {
    checked = ws.issues.size();
    if (validator.run() == 0) break;
  }
  std::ranges::stable_sort(ws.issues, [](const Issue& a, const Issue& b) {
    return std::tie(a.source, a.error.where.line) < std::tie(b.source, b.error.where.line);
  });
  std::vector<RejectedRow> rejected = rejected_rows(ws);
  auto indicators = target_locations(ws, "indicator");
  auto units = target_locations(ws, "unit");
  return ReadOutcome{take_dataset(ws), std::move(rejected), std::move(indicators), std::move(units)};
}

}  // namespace atlas::io::internal
