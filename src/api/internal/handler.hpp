// What every endpoint handler sees and returns. Private to api/: the router (api.cpp) parses the
// request into a ReadContext / WriteContext, calls the handler, and renders its Problem or JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "api/api.hpp"
#include "api/internal/forecast_cache.hpp"
#include "app/policy.hpp"
#include "model/error.hpp"
#include "model/records.hpp"
#include "model/snapshot.hpp"

namespace atlas::api::internal {

/// A failure to report as problem+json. `code` is the stable problem type name ("unknown-field",
/// "not-found", "malformed-json" …; for an atlas::Error, error_code_name(error.code)).
struct Problem {
  int status = 400;
  std::string code;
  std::string detail_en;
  std::string detail_zh;
  std::string field;         // the parameter or JSON member at fault, or empty
  std::uint32_t column = 0;  // 1-based character column (indicator expressions), 0 when none
};

/// A Problem from an atlas::Error: status 404 for kNotFound, 400 otherwise; the zh detail is made
/// from the code and field ("参数 county 引用了不存在的对象") followed by the English detail.
[[nodiscard]] Problem problem_from(const Error& error, int status = 0);

template <class T>
using Outcome = std::expected<T, Problem>;

/// Decoded query parameters (percent-decoding and '+' done). A handler declares the names it
/// accepts with `allow`; any other name is an `unknown-field` problem naming it.
class Params {
 public:
  Params() = default;
  explicit Params(std::vector<std::pair<std::string, std::string>> items) : items_(std::move(items)) {}

  /// The last value of `name`, or nullopt.
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const;
  /// Fails with unknown-field when a parameter is not in `names` (as_of and sample are always allowed).
  [[nodiscard]] Outcome<void> allow(std::initializer_list<std::string_view> names) const;
  /// A non-negative integer parameter: default when absent, invalid-value problem when not a number
  /// or above `max` (the problem names the parameter and the limit).
  [[nodiscard]] Outcome<std::size_t> get_size(std::string_view name, std::size_t fallback,
                                              std::size_t max) const;
  /// "true"/"false"/"1"/"0"; default when absent; invalid-value otherwise.
  [[nodiscard]] Outcome<bool> get_bool(std::string_view name, bool fallback) const;

  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

/// offset / limit of a list request.
struct Page {
  std::size_t offset = 0;
  std::size_t limit = 50;
};

/// Everything a GET handler reads. The Snapshot outlives the call.
struct ReadContext {
  const Snapshot& snapshot;  // the plan the request names (?plan=), or the default plan
  const PlanSet& plans;      // every plan of the same version
  Visibility visibility;     // from as_of and sample
  DayNumber as_of = 0;
  DayNumber today = 0;
  const Params& params;
  std::span<const std::string> path;  // the {id} segments of the route, decoded
  const ApiOptions& options;
  const std::shared_ptr<const Snapshot>& shared;  // `snapshot`, owned (for what outlives the request)
  ForecastCache& forecasts;
  const app::Principal* principal = nullptr;  // who asks; null: public (not signed in)

  /// True when the caller may read the figures of enterprise `id` (app::may_see_figures).
  [[nodiscard]] bool shows_figures_of(std::string_view id) const;
  /// True when the caller may read every enterprise's figures (to sort or filter by them).
  [[nodiscard]] bool shows_all_figures() const;

  /// offset and limit, checked against options.max_page_size.
  [[nodiscard]] Outcome<Page> page() const;
  /// {"snapshot_version", "as_of", "data_as_of", "sample"}.
  [[nodiscard]] boost::json::object meta() const;
};

/// A POST handler: the request body already parsed (depth-checked) into JSON.
struct WriteContext {
  const Snapshot& snapshot;
  DayNumber today = 0;
  const boost::json::value& body;
  const ApiOptions& options;
  const std::shared_ptr<const Snapshot>& shared;  // `snapshot`, owned (for what outlives the request)
  ForecastCache& forecasts;
  const app::Principal* principal = nullptr;  // who asks; null: public (not signed in)
};

/// Who a request comes from, as its session cookie says.
struct Caller {
  std::string token;                          // the session cookie's value ("" without one)
  std::optional<app::ActiveSession> session;  // the live session it names
  [[nodiscard]] bool stale() const {
    return !token.empty() && !session;
  }  // a cookie that names no live session
  const app::Principal* fallback =
      nullptr;  // who a request without a session is (ApiContext::without_session)
  [[nodiscard]] const app::Principal* principal() const { return session ? &session->principal : fallback; }
};

/// What a session endpoint (/api/v1/session, /api/v1/setup) sees: the request, its caller, the
/// parsed body (null for GET and DELETE), and the sessions service. It answers a whole Response
/// (it sets and clears the cookie).
struct AccountContext {
  const Request& request;
  const Caller& caller;
  const boost::json::value& body;
  app::Sessions& sessions;
  const ApiOptions& options;
  std::span<const std::string> path;  // the {…} segments of the route, decoded

  /// The problem+json answer to this request (its target as instance, the title in its language).
  [[nodiscard]] Response fail(const Problem& problem) const;
};

// JSON pieces shared by handlers.
[[nodiscard]] boost::json::object names_json(const Names& names);
/// A plan's declared unit: {id, measure, name, scales: [{factor, name}], provenance}.
[[nodiscard]] boost::json::object unit_json(const UnitRecord& unit);
[[nodiscard]] boost::json::object names_json(const Snapshot& s, StringId zh, StringId en);
/// {"id", "name", "unit"} of the metric the plan's zone, county and enterprise totals read (its
/// output_metric); name and unit null when the data hold no such metric.
[[nodiscard]] boost::json::object output_metric_json(const Snapshot& s);
[[nodiscard]] std::string date_text(DayNumber day);  // "2026-11-27"
/// {"id", "name"} of an enterprise / county / zone, or null for none().
[[nodiscard]] boost::json::value enterprise_ref(const Snapshot& s, EnterpriseId e);
[[nodiscard]] boost::json::value county_ref(const Snapshot& s, CountyId c);
[[nodiscard]] boost::json::value zone_ref(const Snapshot& s, ZoneId z);

// The handlers (one file each in src/api/). Each returns the whole response object.
Outcome<boost::json::object> get_plan(const ReadContext& ctx);
Outcome<boost::json::object> list_plans(const ReadContext& ctx);
Outcome<boost::json::object> get_map(const ReadContext& ctx);
Outcome<boost::json::object> list_targets(const ReadContext& ctx);
Outcome<boost::json::object> get_target(const ReadContext& ctx);         // path[0] = target id
Outcome<boost::json::object> get_target_groups(const ReadContext& ctx);  // path[0] = target id
Outcome<boost::json::object> list_enterprises(const ReadContext& ctx);
Outcome<boost::json::object> get_enterprise(const ReadContext& ctx);
Outcome<boost::json::object> list_projects(const ReadContext& ctx);
Outcome<boost::json::object> get_project(const ReadContext& ctx);
Outcome<boost::json::object> list_zones(const ReadContext& ctx);
Outcome<boost::json::object> get_taxonomy(const ReadContext& ctx);
Outcome<boost::json::object> list_chains(const ReadContext& ctx);
Outcome<boost::json::object> get_chain(const ReadContext& ctx);  // path[0] = chain id; ?county=, ?year=
Outcome<boost::json::object> list_chain_counties(const ReadContext& ctx);   // path[0] chain
Outcome<boost::json::object> list_link_candidates(const ReadContext& ctx);  // path[0] chain, path[1] link
Outcome<boost::json::object> evaluate_indicator(const WriteContext& ctx);
Outcome<boost::json::object> get_forecast(const ReadContext& ctx);       // ?runs=, ?seed=
Outcome<boost::json::object> forecast_what_if(const WriteContext& ctx);  // body: changes, as_of, runs, seed

Response get_session(const AccountContext& ctx);  // GET /session: who is signed in
Response sign_in(const AccountContext& ctx);      // POST /session {"user", "password"}
Response sign_out(const AccountContext& ctx);     // DELETE /session
Response get_setup(const AccountContext& ctx);    // GET /setup: is the first administrator still to be made
Response create_first_admin(const AccountContext& ctx);  // POST /setup {"token", "user", "password"}
Response list_users(const AccountContext& ctx);          // GET /users (administrators)
Response add_user(const AccountContext& ctx);     // POST /users {"name", "role", "enterprise", "password"}
Response change_user(const AccountContext& ctx);  // POST /users/{name} {"disabled"} or {"password"}

/// A file to download: its media type, the name a browser saves it under, the bytes.
struct Download {
  std::string content_type;
  std::string filename;  // ASCII
  std::string body;
};
Outcome<Download> get_catalogue(const ReadContext& ctx);  // path[0] kind; ?format=xlsx|csv, ?county=, ?year=

}  // namespace atlas::api::internal
