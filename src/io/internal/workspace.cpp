#include "io/internal/workspace.hpp"

#include <algorithm>

namespace atlas::io::internal {

std::string_view table_name(TableKind kind) {
  switch (kind) {
    case TableKind::kPlan:
      return "plan";
    case TableKind::kTerms:
      return "vocabulary";
    case TableKind::kUnits:
      return "unit";
    case TableKind::kZones:
      return "zone";
    case TableKind::kTargets:
      return "target";
    case TableKind::kProjects:
      return "project";
    case TableKind::kChains:
      return "chain";
    case TableKind::kCounties:
      return "counties";
    case TableKind::kTaxonomy:
      return "taxonomy";
    case TableKind::kMetrics:
      return "metrics";
    case TableKind::kEnterprises:
      return "enterprises";
    case TableKind::kObservations:
      return "observations";
    case TableKind::kFacts:
      return "facts";
    case TableKind::kMilestones:
      return "milestones";
    case TableKind::kCarriers:
      return "carriers";
    case TableKind::kSupplierEntries:
      return "supplier_entries";
    case TableKind::kCandidates:
      return "candidates";
    case TableKind::kSupplyEdges:
      return "supply_edges";
    case TableKind::kMap:
      return "map";
  }
  return "?";
}

std::uint32_t Workspace::add_source(std::string file) {
  sources.push_back(Source{std::move(file), {}});
  return static_cast<std::uint32_t>(sources.size() - 1);
}

Location Workspace::locate(const RowOrigin& origin, const std::vector<FieldPos>* fields,
                           std::string_view field) const {
  const Source& source = sources[origin.source];
  if (fields != nullptr) {
    auto found = std::ranges::find(*fields, field, &FieldPos::field);
    if (found != fields->end()) return Location{source.file, found->line, found->column};
    return Location{source.file, origin.line, origin.column};
  }
  auto column = std::ranges::find(source.columns, field);
  const auto index =
      column == source.columns.end() ? 0U : static_cast<std::uint32_t>(column - source.columns.begin()) + 1;
  return Location{source.file, origin.line, index};
}

void Workspace::report_file(TableKind kind, std::uint32_t source, Error error) {
  issues.push_back(Issue{kind, IssueScope::kFile, 0, source, std::move(error)});
}

void Workspace::report_line(TableKind kind, std::uint32_t source, Error error) {
  issues.push_back(Issue{kind, IssueScope::kLine, 0, source, std::move(error)});
}

}  // namespace atlas::io::internal
