// A fixture for API tests over HTTP: the real Server and Api, in-process, on 127.0.0.1 port 0, over
// a fresh temporary workspace seeded with the embedded Meizhou data. One server per test suite
// (seeding takes a moment); tests only read, so they do not disturb each other.
//
//   class Enterprises : public atlas::testing::ApiHttpTest {};
//   TEST_F(Enterprises, ListsMeixianMakers) {
//     const auto r = get("/api/v1/enterprises?county=meixian");
//     ASSERT_EQ(r.status, 200) << r.body;
//     EXPECT_GT(r.json.at("total").as_int64(), 0);
//   }
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <unistd.h>

#include "api/api.hpp"
#include "app/workspace.hpp"
#include "model/period.hpp"
#include "server/server.hpp"

namespace atlas::testing {

/// One HTTP answer as a test sees it.
struct HttpResult {
  int status = 0;
  std::string content_type;
  std::string body;
  boost::json::value json;  // the parsed body when it is JSON (application/json, …+json), else null
  std::vector<std::pair<std::string, std::string>> headers;

  /// The value of header `name` (case-insensitive), or "".
  [[nodiscard]] std::string header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
      if (boost::beast::iequals(n, name)) return v;
    }
    return {};
  }
};

class ApiHttpTest : public ::testing::Test {
 public:
  /// The day the Api takes as today (the default as_of): fixed, so answers do not drift with the clock.
  static DayNumber today() { return day_number(2026, 11, 27); }

  static void SetUpTestSuite() {
    auto& e = env();
    static int suites = 0;  // one directory per suite of this process
    e.dir = std::filesystem::temp_directory_path() /
            ("atlas-api-http-" + std::to_string(::getpid()) + "-" + std::to_string(++suites));
    std::filesystem::remove_all(e.dir);
    std::filesystem::create_directories(e.dir);
    auto ws = app::Workspace::open((e.dir / "atlas.db").string());
    ASSERT_TRUE(ws.has_value()) << ws.error().to_string();
    e.snapshot = ws->snapshot();
    e.plans = ws->plans();
    e.api = std::make_unique<api::Api>(
        api::ApiContext{[] { return env().plans; }, [] { return today(); }, nullptr,
                        atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
        api::ApiOptions{});
    server::ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.threads = 2;
    options.access_log = false;
    auto started = server::Server::start(
        *e.api, [] { return env().snapshot; }, options);
    ASSERT_TRUE(started.has_value()) << started.error().to_string();
    e.server = std::move(*started);
  }

  static void TearDownTestSuite() {
    auto& e = env();
    e.server.reset();  // stops and waits
    e.api.reset();
    e.snapshot.reset();
    e.plans.reset();
    std::filesystem::remove_all(e.dir);
  }

 protected:
  static const Snapshot& snapshot() { return *env().snapshot; }
  static const api::Api& api() { return *env().api; }
  static std::uint16_t port() { return env().server->port(); }

  static HttpResult get(const std::string& target) { return request("GET", target); }
  static HttpResult post(const std::string& target, const std::string& body,
                         const std::string& content_type = "application/json") {
    return request("POST", target, body, {{"Content-Type", content_type}});
  }

  /// Sends one request on a new connection and reads the answer (status 0 when there was none).
  static HttpResult request(const std::string& method, const std::string& target,
                            const std::string& body = {},
                            const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    namespace http = boost::beast::http;
    boost::asio::io_context ioc;
    boost::beast::tcp_stream stream(ioc);
    boost::beast::error_code ec;
    stream.socket().connect({boost::asio::ip::make_address("127.0.0.1"), port()}, ec);
    if (ec) return {};
    http::request<http::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers)
      req.set(name, value);
    req.body() = body;
    req.prepare_payload();
    http::response_parser<http::string_body> parser;
    parser.body_limit(boost::none);
    parser.skip(method == "HEAD");
    boost::beast::flat_buffer buffer;
    stream.expires_after(std::chrono::seconds(60));  // a stuck server fails the test, not hangs it
    http::async_write(stream, req, [&](boost::beast::error_code wec, std::size_t) {
      if (wec) {
        ec = wec;
        return;
      }
      http::async_read(stream, buffer, parser, [&](boost::beast::error_code rec, std::size_t) { ec = rec; });
    });
    ioc.run();
    if (ec) return {};
    return to_result(parser.release());
  }

 private:
  struct Env {
    std::filesystem::path dir;
    std::shared_ptr<const Snapshot> snapshot;
    std::shared_ptr<const PlanSet> plans;
    std::unique_ptr<api::Api> api;
    std::unique_ptr<server::Server> server;
  };
  static Env& env() {
    static Env e;
    return e;
  }

  static HttpResult to_result(boost::beast::http::response<boost::beast::http::string_body>&& res) {
    HttpResult r;
    r.status = static_cast<int>(res.result_int());
    for (const auto& field : res)
      r.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    r.content_type = r.header("Content-Type");
    r.body = std::move(res.body());
    const std::string_view type = std::string_view(r.content_type).substr(0, r.content_type.find(';'));
    if (type == "application/json" || type.ends_with("+json")) {
      boost::system::error_code ec;
      r.json = boost::json::parse(r.body, ec);
    }
    return r;
  }
};

}  // namespace atlas::testing
