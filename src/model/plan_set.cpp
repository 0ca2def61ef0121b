#include "model/plan_set.hpp"

#include <utility>

#include <fmt/format.h>

namespace atlas {

PlanSet::PlanSet(std::uint64_t version, std::vector<std::shared_ptr<const Snapshot>> plans,
                 std::string default_id)
    : version_(version), plans_(std::move(plans)), default_id_(std::move(default_id)) {
}

std::shared_ptr<const PlanSet> PlanSet::single(std::shared_ptr<const Snapshot> snapshot) {
  const std::uint64_t version = snapshot->version;
  std::vector<std::shared_ptr<const Snapshot>> plans{std::move(snapshot)};
  return std::make_shared<const PlanSet>(version, std::move(plans), std::string());
}

std::string PlanSet::ids() const {
  std::string out;
  for (const auto& p : plans_) {
    if (!out.empty()) out += ", ";
    out += p->plan.id;
  }
  return out;
}

std::shared_ptr<const Snapshot> PlanSet::default_plan() const {
  if (plans_.size() == 1) return plans_.front();
  for (const auto& p : plans_) {
    if (!default_id_.empty() && p->plan.id == default_id_) return p;
  }
  return nullptr;
}

Result<std::shared_ptr<const Snapshot>> PlanSet::find(std::string_view id) const {
  if (id.empty()) {
    if (auto p = default_plan()) return p;
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("the database holds {} plans and none is the default: name one ({})",
                            plans_.size(), ids()),
                "plan");
  }
  for (const auto& p : plans_) {
    if (p->plan.id == id) return p;
  }
  return fail(ErrorCode::kUnknownReference, fmt::format("no plan '{}' (plans: {})", id, ids()), "plan");
}

}  // namespace atlas
