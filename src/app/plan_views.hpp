// Each plan's view of a store: its own records plus the part of the shared registers its scope
// takes, built into one Snapshot per plan (docs/storage.md, "Plans").
//
// An enterprise COUNTS for a plan when it is not outside and its county is in the plan's scope, or
// it has no county and the plan claims it as a member. A plan's Snapshot holds the enterprises that
// count, plus — marked outside, with no county, zone or group, and without figures — those it
// refers to without counting them: the outside enterprises it claims (the parents and partners
// elsewhere that its own files name), the groups of its enterprises and the sponsors of its projects
// that lie in other regions. Another plan's outside enterprises stay out of its view. Carriers count with
// their enterprise (or as members when they have none), supplier entries with their enterprise; a supply edge
// is kept when both its ends are in the view. The plan's counties are its scope plus any county its zones and
// projects name.
#pragma once

#include <memory>
#include <stop_token>
#include <string>
#include <string_view>
#include <unordered_set>

#include "model/error.hpp"
#include "model/plan_set.hpp"
#include "model/records.hpp"
#include "store/store.hpp"

namespace atlas::app {

/// Which register records count for one plan.
class PlanScope {
 public:
  PlanScope(const PlanInfo& plan, const std::vector<PlanMemberRecord>& members);

  /// The enterprise counts for the plan (see the top of this file).
  [[nodiscard]] bool counts(const EnterpriseRecord& e) const;
  /// A carrier without an enterprise counts when the plan claims it.
  [[nodiscard]] bool claims_carrier(std::string_view id) const;
  /// The plan claims the enterprise: one without a county that counts, or an outside one that its
  /// view holds.
  [[nodiscard]] bool claims_enterprise(std::string_view id) const;
  [[nodiscard]] bool in_scope(std::string_view county) const { return scope_.contains(std::string(county)); }

 private:
  std::unordered_set<std::string> scope_;
  std::unordered_set<std::string> enterprises_;
  std::unordered_set<std::string> carriers_;
};

/// Completes what an import read before it is written: its plan's scope (none given: the counties
/// read with it, else the scope already stored), its boundary map (none read: the one stored) and
/// the members its plan claims (the enterprises
/// read without a county or marked outside; the carriers read without an enterprise). The plan is the
/// one read, else `plan_flag` (`atlas import --plan`), else the database's only plan. Errors:
/// kInvalidArgument when `plan_flag` names another plan than the file, or when there are members to
/// claim and the database holds several plans and none is named.
[[nodiscard]] Result<void> claim_for_plan(Dataset& read, const std::vector<PlanInfo>& stored,
                                          std::string_view plan_flag);

/// Builds every plan's Snapshot by streaming the store once per register table, in one read
/// transaction (so every Snapshot has the same, exact data version). A database without plans
/// gives one Snapshot of all registers. A stop requested on `stop` ends early with kIo "rebuild
/// stopped".
[[nodiscard]] Result<std::shared_ptr<const PlanSet>> plan_set_from_store(Store& store,
                                                                         std::stop_token stop = {});

/// What one plan holds, for `atlas plans` and its JSON.
struct PlanSummary {
  PlanInfo plan;
  bool is_default = false;      // the plan readers get when they name none
  std::size_t counties = 0;     // counties of its scope
  std::size_t enterprises = 0;  // enterprises that count for it
  std::size_t targets = 0;
  std::size_t projects = 0;
};
[[nodiscard]] std::vector<PlanSummary> summarize(const PlanSet& plans);
/// `atlas plans --json`: {"default": id|null, "plans": [{id, title, document, start_year, end_year,
/// default, scope, counts: {counties, enterprises, targets, projects}}]}.
[[nodiscard]] std::string plans_json(const PlanSet& plans);

/// One plan's view as a Dataset (what export writes): the same records its Snapshot holds.
/// `plan` empty: the default or only plan.
[[nodiscard]] Result<Dataset> plan_view(Store& store, std::string_view plan);

}  // namespace atlas::app
