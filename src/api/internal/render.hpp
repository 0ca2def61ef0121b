// Turning handler results into HTTP responses: problem+json and JSON bodies. Private to api/.
#pragma once

#include <string_view>

#include <boost/json/object.hpp>

#include "api/api.hpp"
#include "api/internal/handler.hpp"

namespace atlas::api::internal {

/// True when an Accept-Language header's first language is Chinese ("zh", "zh-CN" …).
[[nodiscard]] bool prefers_chinese(std::string_view accept_language);

/// The RFC 9457 problem+json response for `problem` (docs/api.md "Errors"). `instance` is the
/// request target; the title is Chinese when `chinese`. An empty detail_zh is made from the code
/// and field. Thread-safe.
[[nodiscard]] Response problem_response(const Problem& problem, std::string_view instance, bool chinese);

/// A 200 application/json response with `body` serialised. Thread-safe.
[[nodiscard]] Response json_response(const boost::json::object& body);

}  // namespace atlas::api::internal
