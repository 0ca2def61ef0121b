// Test helpers for the router, targets, plan and indicator tests: an Api over the embedded
// dataset with a fixed today (2026-11-27), and requests answered with their JSON parsed.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "api/api.hpp"
#include "io/embedded.hpp"

namespace atlas::api::coretest {

/// The embedded dataset as a Snapshot of `version` (built once per version used).
inline std::shared_ptr<const Snapshot> embedded_snapshot(std::uint64_t version = 3) {
  auto read = io::read_embedded_dataset();
  if (!read) throw std::runtime_error("the embedded dataset does not read");
  auto built = Snapshot::build(std::move(read->data), version);
  if (!built) throw std::runtime_error(built.error().to_string());
  return *built;
}

inline std::shared_ptr<const Snapshot> shared_snapshot() {
  static const std::shared_ptr<const Snapshot> snapshot = embedded_snapshot(3);
  return snapshot;
}

inline DayNumber today() {
  return day_number(2026, 11, 27);
}

/// A response with its body parsed (null when it is not JSON).
struct Answer {
  Response response;
  boost::json::value body;
  [[nodiscard]] int status() const { return response.status; }
  [[nodiscard]] std::string header(std::string_view name) const {
    for (const auto& [n, v] : response.headers) {
      if (n == name) return v;
    }
    return {};
  }
};

/// A request with the given parts (the rest empty).
inline Request request(std::string method, std::string target, std::string body = {},
                       std::string content_type = {}, std::string accept_language = {},
                       std::string if_none_match = {}) {
  Request r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  r.accept_language = std::move(accept_language);
  r.if_none_match = std::move(if_none_match);
  return r;
}

inline Answer answer(const Api& api, const Request& request) {
  Answer a{api.handle(request), nullptr};
  boost::json::error_code ec;
  a.body = boost::json::parse(a.response.body, ec);
  if (ec) a.body = nullptr;
  return a;
}

/// One Api over the shared snapshot for the tests that do not count cache entries.
inline const Api& shared_api() {
  static const Api api(
      ApiContext{atlas::api::single_plan([] { return shared_snapshot(); }), [] { return today(); }, nullptr,
                 atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
      ApiOptions{});
  return api;
}

inline Answer get(std::string target) {
  return answer(shared_api(), request("GET", std::move(target)));
}

inline Answer post(std::string target, std::string body, std::string content_type = "application/json") {
  return answer(shared_api(), request("POST", std::move(target), std::move(body), std::move(content_type)));
}

}  // namespace atlas::api::coretest
