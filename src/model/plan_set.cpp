#include "model/plan_set.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

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

Result<std::size_t> choose_plan(std::span<const std::string_view> ids, std::string_view default_id,
                                std::string_view requested) {
  const std::string_view wanted = requested.empty() ? default_id : requested;
  if (!wanted.empty()) {
    const auto it = std::ranges::find(ids, wanted);
    if (it != ids.end()) return static_cast<std::size_t>(it - ids.begin());
  }
  if (requested.empty() && ids.size() == 1) return 0;
  if (!requested.empty()) {
    return fail(ErrorCode::kUnknownReference,
                ids.empty() ? fmt::format("no plan '{}': the database holds no plan", requested)
                            : fmt::format("no plan '{}' in the database (plans: {})", requested,
                                          fmt::join(ids, ", ")),
                "plan");
  }
  return fail(ErrorCode::kInvalidArgument,
              fmt::format("the database holds {} plans and none is the default: name one ({})", ids.size(),
                          fmt::join(ids, ", ")),
              "plan");
}

std::shared_ptr<const Snapshot> PlanSet::default_plan() const {
  auto found = find("");
  return found ? *found : nullptr;
}

Result<std::shared_ptr<const Snapshot>> PlanSet::find(std::string_view id) const {
  std::vector<std::string_view> ids;
  ids.reserve(plans_.size());
  for (const auto& p : plans_)
    ids.push_back(p->plan.id);
  auto index = choose_plan(ids, default_id_, id);
  if (!index) return std::unexpected(index.error());
  return plans_[*index];
}

}  // namespace atlas
