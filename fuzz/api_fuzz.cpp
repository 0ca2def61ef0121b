// Fuzzes the API request path (api::Api::handle) over the Meizhou Snapshot. Input: the request line
// "METHOD TARGET [ACCEPT-LANGUAGE]" (a line without a space is a GET of that target), then the body.
// Every answer must be a 2xx/3xx/4xx (a 500 is an unexpected exception: a bug), and a JSON answer
// must be valid JSON (hence valid UTF-8).
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/parse.hpp>

#include "api/api.hpp"
#include "fuzz_support.hpp"

namespace {

atlas::api::Request request_of(std::string_view text) {
  const auto [line, body] = atlas::fuzz::split_first_line(text);
  atlas::api::Request request;
  request.method = "GET";
  request.target = std::string(line);
  request.body = std::string(body);
  request.content_type = "application/json";
  if (const auto space = line.find(' '); space != std::string_view::npos) {
    request.method = std::string(line.substr(0, space));
    const auto rest = line.substr(space + 1);
    const auto second = rest.find(' ');
    request.target = std::string(rest.substr(0, second));
    if (second != std::string_view::npos) request.accept_language = std::string(rest.substr(second + 1));
  }
  return request;
}

atlas::api::ApiOptions uncached() {
  // No answer cache: every input runs its handler (and replays are independent of their order).
  atlas::api::ApiOptions options;
  options.cache_entries = 0;
  return options;
}

const atlas::api::Api& fuzz_api() {
  static const atlas::api::Api api(
      atlas::api::ApiContext{atlas::api::single_plan([] { return atlas::fuzz::embedded_snapshot(); }),
                             [] { return atlas::day_number(2026, 11, 27); }, nullptr,
                             atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
      uncached());
  return api;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto request = request_of(atlas::fuzz::as_text(data, size));
  if (request.body.size() > fuzz_api().options().max_body_bytes) return 0;  // the server answers 413
  const auto response = fuzz_api().handle(request);
  atlas::fuzz::require(response.status >= 200 && response.status < 500, "the API answers 2xx-4xx");
  const std::string_view type = response.content_type;
  if (type.starts_with("application/json") || type.starts_with("application/problem+json")) {
    // Every JSON answer is valid UTF-8, whatever bytes the request had (issue 7, item 4: a target
    // that is not text is refused before anything echoes it).
    boost::system::error_code ec;
    (void)boost::json::parse(response.body, ec);
    atlas::fuzz::require(!ec, "a JSON answer is valid JSON and UTF-8");
  }
  if (response.status >= 400)
    atlas::fuzz::require(type.starts_with("application/problem+json"), "errors are problem+json");
  return 0;
}
