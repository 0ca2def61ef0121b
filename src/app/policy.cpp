#include "app/policy.hpp"

#include <array>

namespace atlas::app {
namespace {

using enum Resource;
constexpr Scope N = Scope::kNone;
constexpr Scope O = Scope::kOwn;
constexpr Scope A = Scope::kAll;
constexpr Action R = Action::kRead;
constexpr Action W = Action::kWrite;

// resource, action: public, enterprise, analyst, admin.
constexpr std::array<PolicyRow, 16> kPolicy{{
    {kPlan, R, A, A, A, A},
    {kTargets, R, A, A, A, A},
    {kRegister, R, A, A, A, A},
    {kFigures, R, N, O, A, A},
    {kFigures, W, N, O, A, A},
    {kProjects, R, A, A, A, A},
    {kZones, R, A, A, A, A},
    {kChains, R, A, A, A, A},
    {kIndicators, R, N, N, A, A},
    {kUsers, R, N, N, N, A},
    {kUsers, W, N, N, N, A},
    {kAudit, R, N, N, N, A},
    {kImports, R, N, N, A, A},
    {kImports, W, N, N, A, A},
    {kSession, R, A, A, A, A},
    {kSession, W, A, A, A, A},
}};

}  // namespace

std::span<const PolicyRow> policy() {
  return kPolicy;
}

Scope allowed(const Principal* who, Resource resource, Action action) {
  for (const PolicyRow& row : kPolicy) {
    if (row.resource != resource || row.action != action) continue;
    if (who == nullptr) return row.public_scope;
    switch (who->role) {
      case Role::kEnterprise:
        return row.enterprise;
      case Role::kAnalyst:
        return row.analyst;
      case Role::kAdmin:
        return row.admin;
    }
  }
  return Scope::kNone;
}

bool may_see_figures(const Principal* who, std::string_view enterprise) {
  switch (allowed(who, Resource::kFigures, Action::kRead)) {
    case Scope::kAll:
      return true;
    case Scope::kOwn:
      return !who->enterprise.empty() && who->enterprise == enterprise;
    case Scope::kNone:
      return false;
  }
  return false;
}

std::string_view to_string(Resource resource) {
  switch (resource) {
    case kPlan:
      return "plan";
    case kTargets:
      return "targets";
    case kRegister:
      return "register";
    case kFigures:
      return "figures";
    case kProjects:
      return "projects";
    case kZones:
      return "zones";
    case kChains:
      return "chains";
    case kIndicators:
      return "indicators";
    case kUsers:
      return "users";
    case kAudit:
      return "audit";
    case kImports:
      return "imports";
    case kSession:
      return "session";
  }
  return "?";
}

std::string_view to_string(Action action) {
  return action == Action::kRead ? "read" : "write";
}

std::string_view to_string(Scope scope) {
  switch (scope) {
    case Scope::kNone:
      return "none";
    case Scope::kOwn:
      return "own";
    case Scope::kAll:
      return "all";
  }
  return "?";
}

}  // namespace atlas::app
