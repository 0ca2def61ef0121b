#include "app/policy.hpp"

#include <array>

namespace atlas::app {
namespace {

using enum Resource;
constexpr Scope kN = Scope::kNone;
constexpr Scope kO = Scope::kOwn;
constexpr Scope kA = Scope::kAll;
constexpr Action kR = Action::kRead;
constexpr Action kW = Action::kWrite;

// resource, action: public, enterprise, analyst, admin.
constexpr std::array<PolicyRow, 16> kPolicy{{
    {kPlan, kR, kA, kA, kA, kA},
    {kTargets, kR, kA, kA, kA, kA},
    {kRegister, kR, kA, kA, kA, kA},
    {kFigures, kR, kN, kO, kA, kA},
    {kFigures, kW, kN, kO, kA, kA},
    {kProjects, kR, kA, kA, kA, kA},
    {kZones, kR, kA, kA, kA, kA},
    {kChains, kR, kA, kA, kA, kA},
    {kIndicators, kR, kN, kN, kA, kA},
    {kUsers, kR, kN, kN, kN, kA},
    {kUsers, kW, kN, kN, kN, kA},
    {kAudit, kR, kN, kN, kN, kA},
    {kImports, kR, kN, kN, kA, kA},
    {kImports, kW, kN, kN, kA, kA},
    {kSession, kR, kA, kA, kA, kA},
    {kSession, kW, kA, kA, kA, kA},
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
