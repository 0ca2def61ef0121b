// Reading the parts of a request that several places share: dates and JSON bodies. Private to api/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/value.hpp>

#include "api/internal/handler.hpp"

namespace atlas::api::internal {

/// A day written exactly YYYY-MM-DD ("2026-11-27"); an invalid-date problem naming `field`
/// otherwise (also for real dates such as 2021-02-30 that do not exist). Thread-safe.
[[nodiscard]] Outcome<DayNumber> parse_day(std::string_view text, std::string_view field);

/// Parses a request body as one JSON value, at most `max_depth` levels deep: malformed-json (the
/// detail gives the byte offset, line and column) or json-too-deep otherwise. Thread-safe.
[[nodiscard]] Outcome<boost::json::value> parse_json_body(std::string_view body, std::size_t max_depth);

/// A 400 problem about one member of a request body (`field`: the member's path, e.g.
/// "changes[0].project"; empty for the body as a whole).
[[nodiscard]] inline Problem member_problem(std::string code, std::string_view field, std::string en,
                                            std::string zh) {
  return Problem{400, std::move(code), std::move(en), std::move(zh), std::string(field), 0};
}

/// True when a Content-Type header names application/json (parameters such as charset ignored,
/// case-insensitive).
[[nodiscard]] bool is_json_media_type(std::string_view content_type);

}  // namespace atlas::api::internal
