// Who may do what (issue 12, docs/security.md "Who may do what"): one table of role × resource ×
// action, read by the API for every endpoint. Not signed in is "public". The scope says on which
// records: all of them, or an enterprise user's own enterprise only.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "app/sessions.hpp"

namespace atlas::app {

/// What a request is about.
enum class Resource : std::uint8_t {
  kPlan,        // the plan, its map, vocabularies, taxonomy, the API document
  kTargets,     // targets and their aggregates (status, series, groups), the forecast and what-ifs
  kRegister,    // enterprises as the register describes them: names, places, classes, links — no figures
  kFigures,     // one enterprise's figures: output, employees, monthly figures, its part of a target
  kProjects,    // key projects and their milestones
  kZones,       // zones and counties with their aggregates
  kChains,      // chains, link verdicts, candidates and the catalogues
  kIndicators,  // ad-hoc indicator expressions (one can single out an enterprise's figures)
  kUsers,       // accounts
  kAudit,       // the audit trail
  kImports,     // bulk imports
  kSession,     // signing in and out, the first administrator's link: open to all
};

enum class Action : std::uint8_t { kRead, kWrite };

/// On which records an action is allowed.
enum class Scope : std::uint8_t {
  kNone,  // not at all
  kOwn,   // an enterprise user's own enterprise only
  kAll,   // every record
};

/// One row of the table: the scope of each audience.
struct PolicyRow {
  Resource resource;
  Action action;
  Scope public_scope;  // not signed in
  Scope enterprise;
  Scope analyst;
  Scope admin;
};

/// The table, in documentation order (docs/security.md shows it; a test checks they agree).
[[nodiscard]] std::span<const PolicyRow> policy();

/// The scope of `who` (null: public) for `action` on `resource`. A pair the table does not list
/// is kNone.
[[nodiscard]] Scope allowed(const Principal* who, Resource resource, Action action);

/// True when `who` may read the figures of the enterprise with id `enterprise`: analysts and
/// administrators every enterprise's, an enterprise user its own, the public none.
[[nodiscard]] bool may_see_figures(const Principal* who, std::string_view enterprise);

/// "plan", "targets", "register", "figures" … (docs and problems).
[[nodiscard]] std::string_view to_string(Resource resource);
[[nodiscard]] std::string_view to_string(Action action);
[[nodiscard]] std::string_view to_string(Scope scope);

}  // namespace atlas::app
