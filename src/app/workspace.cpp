#include "app/workspace.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "app/check.hpp"
#include "app/plan_views.hpp"
#include "io/dataset_reader.hpp"
#include "io/dataset_writer.hpp"
#include "io/embedded.hpp"
#include "query/parser.hpp"

namespace atlas::app {
namespace {

Errors errors_of(const Error& e) {
  return Errors{e};
}

// Everything a new import may refer to, without the observations: the registers and the records of
// every plan (an enterprise may sit in any plan's zone; the store keeps a plan's own references
// within the plan).
Result<Dataset> referable_records(Store& store) {
  auto plans = store.plans();
  if (!plans) return std::unexpected(plans.error());
  auto data =
      store.load_small_tables(plans->empty() ? std::string_view() : std::string_view(plans->front().id));
  if (!data) return data;
  for (std::size_t i = 1; i < plans->size(); ++i) {
    auto other = store.load_small_tables((*plans)[i].id);
    if (!other) return other;
    const auto append = [](auto& to, auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    append(data->zones, other->zones);
    append(data->facts, other->facts);
    append(data->projects, other->projects);
    append(data->milestones, other->milestones);
    append(data->chains, other->chains);
    append(data->candidates, other->candidates);
    append(data->targets, other->targets);
  }
  auto scanned = store.scan_enterprises([&](const EnterpriseRecord& e) -> Result<void> {
    data->enterprises.push_back(e);
    return {};
  });
  if (!scanned) return std::unexpected(scanned.error());
  return data;
}

// An indicator that does not parse within query::Limits is refused at import. Names are checked
// later, against the data (a target that names a figure not yet imported is status error).
std::optional<Error> syntax_problem(std::string_view indicator) {
  auto parsed = query::parse_indicator(indicator);
  if (parsed) return std::nullopt;
  return std::move(parsed.error());
}

// The targets of `read` that cannot be evaluated on their plan's data in `set`, each at its
// indicator (`file:line:column: target.indicator: …`) with what is wrong.
using Locations = std::vector<std::pair<std::string, Location>>;

Location location_of(const Locations& locations, const std::string& target) {
  const auto at = std::ranges::find(locations, target, &std::pair<std::string, Location>::first);
  return at == locations.end() ? Location{} : at->second;
}

Errors target_problems(const PlanSet& set, const io::ReadOutcome& read) {
  Errors out;
  if (read.data.targets.empty()) return out;
  auto plan = set.find(read.data.plan.id);
  if (!plan) return errors_of(plan.error());
  for (const TargetRecord& t : read.data.targets) {
    auto problem = target_problem(**plan, t);
    if (!problem) continue;
    Error e = std::move(*problem);
    if (e.field == "unit") {  // the indicator is fine; the unit the target declares is not
      e.where = location_of(read.unit_locations, t.id);
      e.field = "target.unit";
      e.message = fmt::format("target {}: {}", t.id, e.message);
      out.push_back(std::move(e));
      continue;
    }
    const std::uint32_t column = e.where.column;
    e.where = location_of(read.indicator_locations, t.id);
    if (column > 0) {
      e.message = fmt::format("character {} of the indicator: {}", column, e.message);
    }
    e.field = "target.indicator";
    e.message = fmt::format(
        "target {}: {} (it cannot be evaluated on the plan's data; fix the indicator or "
        "import the data it names first)",
        t.id, e.message);
    out.push_back(std::move(e));
  }
  return out;
}

std::uint64_t written(const ApplySummary& s) {
  std::uint64_t n = 0;
  for (const auto& t : s.tables)
    n += t.inserted + t.updated + t.unchanged;
  return n;
}

}  // namespace

std::shared_ptr<const Snapshot> Workspace::snapshot() const {
  if (auto p = plans_->default_plan()) return p;
  return plans_->plans().front();
}

Result<Workspace> Workspace::open(const std::string& path, const OpenOptions& options) {
  auto store = Store::open(path, options.store);
  if (!store) return std::unexpected(store.error());
  Workspace ws(std::move(*store));
  if (options.seed_if_empty) {
    auto empty = ws.store_.is_empty();
    if (!empty) return std::unexpected(empty.error());
    if (*empty) {
      auto embedded = io::read_embedded_dataset();
      if (!embedded) {
        const auto& errs = embedded.error();
        return fail(ErrorCode::kInvalidValue,
                    fmt::format("the embedded dataset is invalid ({} errors), first: {}", errs.size(),
                                errs.empty() ? std::string("?") : errs.front().to_string()));
      }
      if (auto claimed = claim_for_plan(embedded->data, {}, {}); !claimed)
        return std::unexpected(claimed.error());
      auto applied = ws.store_.apply(embedded->data, {"atlas", "seed"});
      if (!applied) return std::unexpected(applied.error());
      ws.seeded_ = true;
    }
  }
  if (auto r = ws.publish(); !r) return std::unexpected(r.error());
  return ws;
}

Result<void> Workspace::publish() {
  auto set = plan_set_from_store(store_);
  if (!set) return std::unexpected(set.error());
  plans_ = std::move(*set);
  return {};
}

std::expected<ImportReport, Errors> Workspace::import_files(const std::vector<std::filesystem::path>& paths,
                                                            const ImportOptions& options) {
  auto existing = referable_records(store_);
  if (!existing) return std::unexpected(errors_of(existing.error()));
  io::ReadOptions read_options;
  read_options.mode = options.skip_invalid ? io::ImportMode::kSkipInvalid : io::ImportMode::kAllOrNothing;
  read_options.existing = &*existing;
  read_options.check_indicator = syntax_problem;
  for (const auto& m : existing->metrics)
    read_options.metric_units.emplace(m.id, m.unit);
  auto read = io::read_dataset(std::span<const std::filesystem::path>(paths), read_options);
  if (!read) return std::unexpected(std::move(read.error()));

  ImportReport report;
  for (auto& r : read->rejected)
    report.rejected.push_back({r.table, std::move(r.errors)});
  if (read->data == Dataset{}) return report;  // nothing valid to write
  auto stored = store_.plans();
  if (!stored) return std::unexpected(errors_of(stored.error()));
  if (auto claimed = claim_for_plan(read->data, *stored, options.plan); !claimed) {
    return std::unexpected(errors_of(claimed.error()));
  }
  // Before it commits, the import builds the plans as they will be and checks every target it
  // read against its plan's data (names, types, references): a target that could not be evaluated
  // refuses the whole import, at its indicator's file:line:column. The plans built are published.
  std::shared_ptr<const PlanSet> built;
  Errors unfit;
  const auto check_targets_read = [&]() -> Result<void> {
    auto set = plan_set_from_store(store_);
    if (!set) return std::unexpected(set.error());
    unfit = target_problems(**set, *read);
    if (!unfit.empty()) return fail(ErrorCode::kInvalidValue, "a target read does not fit its plan's data");
    built = std::move(*set);
    return {};
  };
  auto applied = store_.apply(read->data, {options.actor, "import"}, {}, check_targets_read);
  if (!applied) return std::unexpected(unfit.empty() ? errors_of(applied.error()) : std::move(unfit));
  report.applied = std::move(*applied);
  report.records = written(report.applied);
  if (report.applied.event_id == 0) return report;  // nothing changed: the Snapshot stands
  // Something changed, so the check ran and built the plans as committed.
  plans_ = std::move(built);
  return report;
}

Result<bool> Workspace::refresh(std::stop_token stop) {
  auto stored = store_.data_version();
  if (!stored) return std::unexpected(stored.error());
  if (static_cast<std::uint64_t>(*stored) == plans_->version()) return false;
  auto set = plan_set_from_store(store_, std::move(stop));
  if (!set) return std::unexpected(set.error());
  plans_ = std::move(*set);
  return true;
}

Result<void> Workspace::export_to(const std::filesystem::path& dir, std::string_view plan) {
  auto data = plan_view(store_, plan);
  if (!data) return std::unexpected(data.error());
  return io::write_dataset(*data, dir);
}

}  // namespace atlas::app
