// The plans of one database, each as its own immutable Snapshot (the plan's records and the part
// of the shared registers that its scope takes), published together: readers hold a
// std::shared_ptr<const PlanSet> and pick a plan by id.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/snapshot.hpp"

namespace atlas {

/// The plan a reader gets among `ids` (a database's plans, in order): `requested` when it names one;
/// when it names none, the plan marked default (`default_id`), else the only plan. Errors:
/// kUnknownReference (field "plan") for an id not among them, kInvalidArgument when none is named
/// and several plans have no default — each message lists the plans. `ids` must not be empty.
[[nodiscard]] Result<std::size_t> choose_plan(std::span<const std::string_view> ids,
                                              std::string_view default_id, std::string_view requested);

class PlanSet {
 public:
  /// `plans` in id order, all of the same `version` (a database without plans: one Snapshot of
  /// the registers alone, with an empty plan id). `default_id`: the plan marked default, if any.
  PlanSet(std::uint64_t version, std::vector<std::shared_ptr<const Snapshot>> plans, std::string default_id);

  /// One Snapshot holding everything of a one-plan (or no-plan) dataset.
  static std::shared_ptr<const PlanSet> single(std::shared_ptr<const Snapshot> snapshot);

  [[nodiscard]] std::uint64_t version() const { return version_; }
  [[nodiscard]] const std::vector<std::shared_ptr<const Snapshot>>& plans() const { return plans_; }

  /// The plan named `id`; with an empty id the default plan, else the only plan. Errors:
  /// kUnknownReference (field "plan") for an id the set lacks, kInvalidArgument when no id is given
  /// and several plans have no default — each message lists the plans.
  [[nodiscard]] Result<std::shared_ptr<const Snapshot>> find(std::string_view id) const;

  /// The plan readers get when they name none, or null when several have no default.
  [[nodiscard]] std::shared_ptr<const Snapshot> default_plan() const;

 private:
  std::uint64_t version_ = 0;
  std::vector<std::shared_ptr<const Snapshot>> plans_;
  std::string default_id_;
};

}  // namespace atlas
