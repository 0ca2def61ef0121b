#include "app/plan_views.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/snapshot.hpp"

namespace atlas::app {

PlanScope::PlanScope(const PlanInfo& plan, const std::vector<PlanMemberRecord>& members)
    : scope_(plan.scope.begin(), plan.scope.end()) {
  for (const PlanMemberRecord& m : members) {
    (m.kind == MemberKind::kEnterprise ? enterprises_ : carriers_).insert(m.id);
  }
}

bool PlanScope::counts(const EnterpriseRecord& e) const {
  if (e.outside) return false;
  if (!e.county.empty()) return scope_.contains(e.county);
  return enterprises_.contains(e.id);
}

bool PlanScope::claims_carrier(std::string_view id) const {
  return carriers_.contains(std::string(id));
}

bool PlanScope::claims_enterprise(std::string_view id) const {
  return enterprises_.contains(std::string(id));
}

namespace {

// One plan's filter over the registers, fed in two passes over the enterprises.
class ViewFilter {
 public:
  explicit ViewFilter(Dataset small) : scope_(small.plan, small.plan_members), small_(std::move(small)) {
    for (const ZoneRecord& z : small_.zones)
      zones_.insert(z.id);
    for (const ProjectRecord& p : small_.projects) {
      if (!p.sponsor.empty()) referred_.insert(p.sponsor);
    }
    for (const CarrierRecord& c : small_.carriers) {
      if (!c.enterprise.empty()) asked_.insert(c.enterprise);
    }
    for (const SupplierEntryRecord& s : small_.supplier_entries)
      asked_.insert(s.enterprise);
  }

  // Pass 1: learns which enterprises the plan's own enterprises refer to (their groups) and which
  // of the enterprises that carriers and supplier entries name count.
  void note(const EnterpriseRecord& e) {
    if (!scope_.counts(e)) return;
    if (!e.group.empty()) referred_.insert(e.group);
    if (asked_.contains(e.id)) counted_asked_.insert(e.id);
  }

  // After pass 1: the small tables of the plan's view (consumed).
  Dataset take_small_tables() {
    std::erase_if(small_.carriers, [&](const CarrierRecord& c) {
      return c.enterprise.empty() ? !scope_.claims_carrier(c.id) : !counted_asked_.contains(c.enterprise);
    });
    std::erase_if(small_.supplier_entries,
                  [&](const SupplierEntryRecord& s) { return !counted_asked_.contains(s.enterprise); });
    std::unordered_set<std::string> counties(small_.plan.scope.begin(), small_.plan.scope.end());
    for (const ZoneRecord& z : small_.zones)
      counties.insert(z.counties.begin(), z.counties.end());
    for (const ProjectRecord& p : small_.projects) {
      if (!p.county.empty()) counties.insert(p.county);
    }
    std::erase_if(small_.counties, [&](const CountyRecord& c) { return !counties.contains(c.id); });
    view_counties_ = std::move(counties);
    small_.plan_members.clear();
    return std::move(small_);
  }

  // Pass 2: the enterprise as the plan's view holds it, or nullopt when the view leaves it out.
  [[nodiscard]] std::optional<EnterpriseRecord> view_of(const EnterpriseRecord& e) const {
    if (scope_.counts(e)) {
      if (e.zone.empty() || zones_.contains(e.zone)) return e;
      EnterpriseRecord own = e;
      own.zone.clear();  // a zone of another plan
      return own;
    }
    if (!referred_.contains(e.id) && !(e.outside && scope_.claims_enterprise(e.id))) return std::nullopt;
    EnterpriseRecord other = e;
    other.outside = true;
    if (!view_counties_.contains(other.county)) other.county.clear();
    other.zone.clear();
    other.group.clear();
    return other;
  }

 private:
  PlanScope scope_;
  Dataset small_;
  std::unordered_set<std::string> zones_;
  std::unordered_set<std::string> referred_;  // groups and sponsors the view must hold
  std::unordered_set<std::string> asked_;     // enterprises named by carriers and supplier entries
  std::unordered_set<std::string> counted_asked_;
  std::unordered_set<std::string> view_counties_;
};

// Says whether a rebuild should end early, looking at the stop token every kRowsPerCheck rows.
class StopCheck {
 public:
  explicit StopCheck(std::stop_token stop) : stop_(std::move(stop)) {}
  Result<void> operator()() {
    if (rows_++ % kRowsPerCheck != 0 || !stop_.stop_requested()) return {};
    return fail(ErrorCode::kIo, "rebuild stopped: the Snapshot was not finished");
  }

 private:
  static constexpr std::uint64_t kRowsPerCheck = 4096;
  std::stop_token stop_;
  std::uint64_t rows_ = 0;
};

// Builds one Snapshot of everything (a database without plans).
Result<std::shared_ptr<const Snapshot>> whole_store(Store& store, std::uint64_t version, StopCheck& stopped) {
  auto small = store.load_small_tables();
  if (!small) return std::unexpected(small.error());
  SnapshotBuilder builder(std::move(*small), version);
  auto r = store.scan_enterprises([&](const EnterpriseRecord& e) {
    auto go_on = stopped();
    return go_on ? builder.add_enterprise(e) : go_on;
  });
  if (r) {
    r = store.scan_observations([&](const ObservationRecord& o) {
      auto go_on = stopped();
      return go_on ? builder.add_observation(o) : go_on;
    });
  }
  if (r) {
    r = store.scan_supply_edges([&](const SupplyEdgeRecord& e) {
      auto go_on = stopped();
      return go_on ? builder.add_supply_edge(e) : go_on;
    });
  }
  if (!r) return std::unexpected(r.error());
  return std::move(builder).finish();
}

// Names the plan in an error from building its Snapshot.
Error in_plan(Error e, std::string_view plan) {
  if (!plan.empty()) e.message = "plan " + std::string(plan) + ": " + e.message;
  return e;
}

Result<std::shared_ptr<const PlanSet>> build_plan_set(Store& store, StopCheck& stopped) {
  auto plans = store.plans();
  if (!plans) return std::unexpected(plans.error());
  auto version = store.data_version();
  if (!version) return std::unexpected(version.error());
  const auto v = static_cast<std::uint64_t>(*version);
  if (plans->empty()) {
    auto whole = whole_store(store, v, stopped);
    if (!whole) return std::unexpected(whole.error());
    return PlanSet::single(std::move(*whole));
  }
  std::vector<ViewFilter> filters;
  std::string default_id;
  for (const PlanInfo& p : *plans) {
    auto small = store.load_small_tables(p.id);
    if (!small) return std::unexpected(small.error());
    filters.emplace_back(std::move(*small));
    if (p.is_default) default_id = p.id;
  }
  auto r = store.scan_enterprises([&](const EnterpriseRecord& e) -> Result<void> {
    if (auto go_on = stopped(); !go_on) return go_on;
    for (ViewFilter& f : filters)
      f.note(e);
    return {};
  });
  if (!r) return std::unexpected(r.error());
  std::vector<SnapshotBuilder> builders;
  builders.reserve(filters.size());
  for (ViewFilter& f : filters)
    builders.emplace_back(f.take_small_tables(), v);
  const auto each = [&](auto&& add) -> Result<void> {
    for (std::size_t i = 0; i < builders.size(); ++i) {
      if (auto ok = add(i); !ok) return std::unexpected(in_plan(ok.error(), (*plans)[i].id));
    }
    return {};
  };
  r = store.scan_enterprises([&](const EnterpriseRecord& e) -> Result<void> {
    if (auto go_on = stopped(); !go_on) return go_on;
    return each([&](std::size_t i) -> Result<void> {
      auto view = filters[i].view_of(e);
      return view ? builders[i].add_enterprise(*view) : Result<void>{};
    });
  });
  if (!r) return std::unexpected(r.error());
  // Observations come grouped by enterprise: which builders count it is decided once per group.
  std::string current;
  std::vector<std::uint8_t> counted(builders.size(), 0);
  r = store.scan_observations([&](const ObservationRecord& o) -> Result<void> {
    if (auto go_on = stopped(); !go_on) return go_on;
    if (o.enterprise != current) {
      current = o.enterprise;
      for (std::size_t i = 0; i < builders.size(); ++i)
        counted[i] = builders[i].enterprise_outside(o.enterprise) == std::optional<bool>(false) ? 1 : 0;
    }
    return each(
        [&](std::size_t i) { return counted[i] != 0 ? builders[i].add_observation(o) : Result<void>{}; });
  });
  if (!r) return std::unexpected(r.error());
  r = store.scan_supply_edges([&](const SupplyEdgeRecord& e) -> Result<void> {
    if (auto go_on = stopped(); !go_on) return go_on;
    return each([&](std::size_t i) -> Result<void> {
      const bool both =
          builders[i].enterprise_outside(e.supplier) && builders[i].enterprise_outside(e.customer);
      return both ? builders[i].add_supply_edge(e) : Result<void>{};
    });
  });
  if (!r) return std::unexpected(r.error());
  std::vector<std::shared_ptr<const Snapshot>> snapshots;
  for (std::size_t i = 0; i < builders.size(); ++i) {
    auto built = std::move(builders[i]).finish();
    if (!built) return std::unexpected(in_plan(built.error(), (*plans)[i].id));
    snapshots.push_back(std::move(*built));
  }
  return std::make_shared<const PlanSet>(v, std::move(snapshots), std::move(default_id));
}

}  // namespace

Result<void> claim_for_plan(Dataset& read, const std::vector<PlanInfo>& stored, std::string_view plan_flag) {
  if (!plan_flag.empty() && !read.plan.id.empty() && read.plan.id != plan_flag) {
    return fail(
        ErrorCode::kInvalidArgument,
        fmt::format("--plan {} names another plan than the plan file read ({})", plan_flag, read.plan.id),
        "plan");
  }
  const auto stored_plan = [&](std::string_view id) -> const PlanInfo* {
    const auto it = std::ranges::find(stored, id, &PlanInfo::id);
    return it == stored.end() ? nullptr : &*it;
  };
  const bool plan_file = !read.plan.title.zh.empty() || !read.plan.title.en.empty();
  if (plan_file && read.plan.scope.empty()) {
    if (!read.counties.empty()) {
      for (const CountyRecord& c : read.counties)
        read.plan.scope.push_back(c.id);
    } else if (const PlanInfo* old = stored_plan(read.plan.id)) {
      read.plan.scope = old->scope;
    }
  }
  // A plan file read without its map keeps the map stored for it (and, unless it names another,
  // the map's source): importing plan.toml alone does not erase the boundary map.
  if (plan_file && read.plan.map.empty()) {
    if (const PlanInfo* old = stored_plan(read.plan.id); old != nullptr && !old->map.empty()) {
      read.plan.map = old->map;
      if (read.plan.map_source.empty()) {
        read.plan.map_source = old->map_source;
        read.plan.map_review_number = old->map_review_number;
      }
    }
  }
  std::vector<PlanMemberRecord> members;
  for (const EnterpriseRecord& e : read.enterprises) {
    if (e.county.empty() || e.outside) members.push_back({MemberKind::kEnterprise, e.id});
  }
  for (const CarrierRecord& c : read.carriers) {
    if (c.enterprise.empty()) members.push_back({MemberKind::kCarrier, c.id});
  }
  std::string owner = !read.plan.id.empty() ? read.plan.id : std::string(plan_flag);
  if (owner.empty() && stored.size() == 1) owner = stored.front().id;
  if (owner.empty() && !members.empty() && stored.size() > 1) {
    return fail(
        ErrorCode::kInvalidArgument,
        fmt::format("{} record(s) without a region ({} '{}' first) count for the plan that claims them, and "
                    "the database holds {} plans: name one with --plan",
                    members.size(), to_string(members.front().kind), members.front().id, stored.size()),
        "plan");
  }
  if (owner.empty()) return {};
  if (read.plan.id.empty()) read.plan.id = owner;  // names the plan without rewriting it
  read.plan_members = std::move(members);
  return {};
}

Result<std::shared_ptr<const PlanSet>> plan_set_from_store(Store& store, std::stop_token stop) {
  std::shared_ptr<const PlanSet> set;
  StopCheck stopped(std::move(stop));
  // One read transaction: the version and every row streamed are the same committed state.
  auto streamed = store.with_read_transaction([&]() -> Result<void> {
    auto built = build_plan_set(store, stopped);
    if (!built) return std::unexpected(built.error());
    set = std::move(*built);
    return {};
  });
  if (!streamed) return std::unexpected(streamed.error());
  return set;
}

Result<Dataset> plan_view(Store& store, std::string_view plan) {
  auto whole = store.load(plan);
  if (!whole) return whole;
  if (whole->plan.id.empty()) return whole;  // no plans: everything
  Dataset small = *whole;
  small.enterprises.clear();
  small.observations.clear();
  small.supply_edges.clear();
  ViewFilter filter(std::move(small));
  for (const EnterpriseRecord& e : whole->enterprises)
    filter.note(e);
  Dataset view = filter.take_small_tables();
  view.plan_members = whole->plan_members;
  std::unordered_set<std::string> held, counted;
  for (const EnterpriseRecord& e : whole->enterprises) {
    if (auto v = filter.view_of(e)) {
      held.insert(v->id);
      if (!v->outside) counted.insert(v->id);
      view.enterprises.push_back(std::move(*v));
    }
  }
  for (ObservationRecord& o : whole->observations) {
    if (counted.contains(o.enterprise)) view.observations.push_back(std::move(o));
  }
  for (SupplyEdgeRecord& e : whole->supply_edges) {
    if (held.contains(e.supplier) && held.contains(e.customer)) view.supply_edges.push_back(std::move(e));
  }
  return view;
}

}  // namespace atlas::app
