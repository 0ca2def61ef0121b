// JSON pieces and parameter helpers shared by the browse handlers (enterprises, projects, zones,
// taxonomy, chains). Private to api/.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "api/internal/handler.hpp"
#include "app/browse.hpp"

namespace atlas::api::internal {

/// An app Result as an Outcome: the error becomes its problem (400, or 404 for kNotFound).
template <class T>
Outcome<T> lift(Result<T> result) {
  if (!result) return std::unexpected(problem_from(result.error()));
  return std::move(*result);
}

/// The parameter `name` resolved by `resolve(text)` (an app resolver), or nullopt when absent.
template <class Resolve>
auto optional_param(const ReadContext& ctx, std::string_view name, Resolve resolve)
    -> Outcome<std::optional<typename decltype(resolve(std::string_view()))::value_type>> {
  using T = typename decltype(resolve(std::string_view()))::value_type;
  const auto text = ctx.params.get(name);
  if (!text) return std::optional<T>();
  auto value = resolve(*text);
  if (!value) return std::unexpected(problem_from(value.error()));
  return std::optional<T>(std::move(*value));
}

/// The `year` parameter, or the last complete year before as_of.
[[nodiscard]] Outcome<int> year_param(const ReadContext& ctx);

/// {"year", "value", "sample"} or null.
[[nodiscard]] boost::json::value year_value_json(const std::optional<app::YearValue>& v);

/// "2021-03" / "2021" / "2021-03-05" or null.
[[nodiscard]] boost::json::value date_json(const std::optional<Date>& date);

/// A Fact: {id, metric, period, value, unit, qualifier, quote, note {zh, en}, sample, provenance}; the
/// value is an integer (amounts in yuan, counts), a decimal (percentages) or the text as written.
[[nodiscard]] boost::json::object fact_json(const FactRecord& fact);

/// {"code", "level", "name"} of a taxonomy node.
[[nodiscard]] boost::json::object taxonomy_ref(const Snapshot& s, ClassId node);

/// A note in both languages: {"zh", "en"} (either may be empty).
[[nodiscard]] boost::json::object note_json(std::string_view zh, std::string_view en);

/// A string, or null when empty.
[[nodiscard]] boost::json::value text_or_null(std::string_view text);

}  // namespace atlas::api::internal
