// An Api over the embedded Meizhou dataset with a fixed "today", for the browse handler tests.
// Test-only.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "api/api.hpp"
#include "io/embedded.hpp"

namespace atlas::api::testing {

inline std::shared_ptr<const Snapshot> meizhou_snapshot() {
  static const std::shared_ptr<const Snapshot> snap = [] {
    auto read = io::read_embedded_dataset();
    if (!read) std::abort();
    auto built = Snapshot::build(std::move(read->data), 3);
    if (!built) std::abort();
    return std::move(*built);
  }();
  return snap;
}

/// The Api, today = 2026-11-27.
inline const Api& api() {
  static const Api instance(ApiContext{atlas::api::single_plan([] { return meizhou_snapshot(); }),
                                       [] { return day_number(2026, 11, 27); }, nullptr,
                                       atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
                            ApiOptions{});
  return instance;
}

struct Answer {
  int status = 0;
  std::string content_type;
  boost::json::value body;
};

/// GETs `target` ("/api/v1/enterprises?county=meixian") and parses the body.
inline Answer get(const std::string& target) {
  Request request;
  request.method = "GET";
  request.target = target;
  const Response r = api().handle(request);
  boost::system::error_code ec;
  boost::json::value body = boost::json::parse(r.body, ec);
  return Answer{r.status, r.content_type, ec ? boost::json::value(r.body) : std::move(body)};
}

}  // namespace atlas::api::testing
