// The transport in-process: a real Server on 127.0.0.1 port 0, a small Beast client, the real Api
// over the embedded Meizhou data. These checks hold whatever the API handlers answer.
#include "server/server.hpp"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include "io/embedded.hpp"
#include "server/internal/test_gate.hpp"

namespace {

namespace fs = std::filesystem;
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using Response = http::response<http::string_body>;
using atlas::server::Server;
using atlas::server::ServerOptions;

// ---- a tiny client: every operation is bounded by a deadline so a server bug fails, not hangs ----

class Client {
 public:
  explicit Client(std::uint16_t port) : stream_(ioc_) {
    stream_.expires_after(std::chrono::seconds(30));
    stream_.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }

  void send_raw(std::string_view bytes) {
    beast::error_code result;
    run([&](auto done) { net::async_write(stream_, net::buffer(bytes.data(), bytes.size()), done); }, result);
    ASSERT_FALSE(result) << result.message();
  }

  /// Reads one response; nullopt when the server closed the connection (or did not answer).
  std::optional<Response> read(bool head = false) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(boost::none);
    parser.skip(head);
    run([&](auto done) { http::async_read(stream_, buffer_, parser, done); }, last_error_);
    if (last_error_) return std::nullopt;
    return parser.release();
  }

  /// Why the last read() gave nothing: end_of_stream when the server closed the connection.
  [[nodiscard]] beast::error_code last_error() const { return last_error_; }

  std::optional<Response> request(http::verb method, const std::string& target, std::string body = {},
                                  const std::string& content_type = "application/json") {
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1");
    if (!body.empty()) req.set(http::field::content_type, content_type);
    req.body() = std::move(body);
    req.prepare_payload();
    beast::error_code result;
    run([&](auto done) { http::async_write(stream_, req, done); }, result);
    if (result) return std::nullopt;
    return read(method == http::verb::head);
  }

  std::optional<Response> get(const std::string& target) { return request(http::verb::get, target); }

  /// A GET (or HEAD) with an Accept-Encoding header.
  std::optional<Response> get_encoded(const std::string& target, const std::string& accept_encoding,
                                      http::verb method = http::verb::get) {
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::accept_encoding, accept_encoding);
    beast::error_code result;
    run([&](auto done) { http::async_write(stream_, req, done); }, result);
    if (result) return std::nullopt;
    return read(method == http::verb::head);
  }

 private:
  template <class Start>
  void run(Start start, beast::error_code& result) {
    stream_.expires_after(std::chrono::seconds(30));
    start([&result](beast::error_code ec, std::size_t) { result = ec; });
    ioc_.restart();
    ioc_.run();
  }

  net::io_context ioc_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  beast::error_code last_error_;
};

std::shared_ptr<const atlas::Snapshot> embedded_snapshot() {
  static const std::shared_ptr<const atlas::Snapshot> snapshot = [] {
    auto read = atlas::io::read_embedded_dataset();
    EXPECT_TRUE(read.has_value());
    auto built = atlas::Snapshot::build(std::move(read->data), 7);
    EXPECT_TRUE(built.has_value());
    return *built;
  }();
  return snapshot;
}

std::string header(const Response& r, http::field f) {
  return std::string(r[f]);
}

std::string gunzip(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(8 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("atlas-server-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "dist" / "assets");
    write("dist/index.html", "<!doctype html><title>Cluster Atlas</title>");
    write("dist/assets/index-4f2a9c.js", "console.log('atlas')");
    write("dist/assets/index-77aa01.css", "body{margin:0}");
    write("dist/favicon.ico", "ico");
    write("secret.txt", "TOP-SECRET");
    api_ = std::make_unique<atlas::api::Api>(
        atlas::api::ApiContext{atlas::api::single_plan([] { return embedded_snapshot(); }),
                               [] { return atlas::DayNumber{20'000}; }, nullptr,
                               atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
        atlas::api::ApiOptions{});
  }

  void TearDown() override {
    server_.reset();
    fs::remove_all(dir_);
  }

  void write(const std::string& relative, const std::string& text) const {
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }

  Server& start(ServerOptions options = {}, bool access_log = false) {
    options.listen = "127.0.0.1:0";
    options.threads = 2;
    options.access_log = access_log;
    if (options.static_root.empty()) options.static_root = dir_ / "dist";
    auto server = Server::start(
        *api_, [] { return embedded_snapshot(); }, options);
    EXPECT_TRUE(server.has_value()) << server.error().to_string();
    server_ = std::move(*server);
    return *server_;
  }

  Client client() const { return Client(server_->port()); }

  fs::path dir_;
  std::unique_ptr<atlas::api::Api> api_;
  std::unique_ptr<Server> server_;
};

// ---- start ----

TEST_F(ServerTest, BindsAnEphemeralPortWhenAskedForPortZero) {
  start();
  EXPECT_NE(server_->port(), 0);
  EXPECT_EQ(server_->address(), "127.0.0.1:" + std::to_string(server_->port()));
}

TEST_F(ServerTest, ReportsAnAddressInUseNamingTheAddress) {
  start();
  ServerOptions options;
  options.listen = "127.0.0.1:" + std::to_string(server_->port());
  options.access_log = false;
  auto second = Server::start(
      *api_, [] { return embedded_snapshot(); }, options);
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, atlas::ErrorCode::kIo);
  EXPECT_NE(second.error().message.find(options.listen), std::string::npos) << second.error().message;
}

TEST_F(ServerTest, RejectsAListenStringThatIsNotHostAndPort) {
  for (const std::string bad : {"nonsense", "127.0.0.1:http", "127.0.0.1:70000", "example.org:80", ":80"}) {
    ServerOptions options;
    options.listen = bad;
    auto server = Server::start(
        *api_, [] { return embedded_snapshot(); }, options);
    ASSERT_FALSE(server.has_value()) << bad;
    EXPECT_EQ(server.error().code, atlas::ErrorCode::kInvalidArgument);
    EXPECT_NE(server.error().message.find(bad), std::string::npos) << server.error().message;
  }
}

// ---- operations endpoints ----

TEST_F(ServerTest, HealthzSaysOkWithTheSnapshotVersion) {
  start();
  auto c = client();
  const auto r = c.get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 200u);
  EXPECT_EQ(header(*r, http::field::content_type), "application/json");
  const auto body = boost::json::parse(r->body()).as_object();
  EXPECT_EQ(body.at("status").as_string(), "ok");
  EXPECT_EQ(body.at("snapshot_version").as_int64(), 7);
}

TEST_F(ServerTest, KeepsTheConnectionOpenForASecondRequest) {
  start();
  auto c = client();
  const auto first = c.get("/healthz");
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->keep_alive());
  const auto second = c.get("/assets/index-4f2a9c.js");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->result_int(), 200u);
  EXPECT_EQ(second->body(), "console.log('atlas')");
}

std::uint64_t counter(const std::string& metrics, const std::string& series) {
  const auto at = metrics.find("\n" + series + " ");  // a sample line, not a # HELP line
  if (at == std::string::npos) return 0;
  return std::stoull(metrics.substr(at + series.size() + 2));
}

TEST_F(ServerTest, MetricsCountRequestsByRoutePatternNeverByRawPath) {
  start();
  auto c = client();
  ASSERT_TRUE(c.get("/api/v1/enterprises/some-id-123"));
  ASSERT_TRUE(c.get("/api/v1/no-such-endpoint/abc"));
  ASSERT_TRUE(c.get("/healthz"));
  const auto before = c.get("/metrics");
  ASSERT_TRUE(before);
  EXPECT_EQ(header(*before, http::field::content_type), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& m = before->body();
  EXPECT_NE(m.find("# TYPE atlas_http_requests_total counter"), std::string::npos) << m;
  EXPECT_NE(m.find("# TYPE atlas_http_request_duration_seconds histogram"), std::string::npos);
  EXPECT_NE(m.find("atlas_http_requests_total{route=\"/api/v1/enterprises/{id}\",status=\""),
            std::string::npos);
  EXPECT_EQ(m.find("some-id-123"), std::string::npos);
  EXPECT_EQ(m.find("no-such-endpoint"), std::string::npos);
  EXPECT_EQ(counter(m, "atlas_http_requests_total{route=\"other\",status=\"404\"}"), 1u) << m;
  EXPECT_EQ(counter(m, "atlas_http_requests_total{route=\"healthz\",status=\"200\"}"), 1u) << m;
  EXPECT_EQ(counter(m, "atlas_http_request_duration_seconds_count{route=\"healthz\"}"), 1u);
  EXPECT_EQ(counter(m, "atlas_http_request_duration_seconds_bucket{route=\"healthz\",le=\"+Inf\"}"), 1u);
  EXPECT_EQ(counter(m, "atlas_http_connections_open"), 1u);
  EXPECT_EQ(counter(m, "atlas_snapshot_version"), 7u);
  EXPECT_EQ(counter(m, "atlas_snapshot_enterprises"), embedded_snapshot()->enterprises.size());

  ASSERT_TRUE(c.get("/healthz"));
  const auto after = c.get("/metrics");
  ASSERT_TRUE(after);
  EXPECT_EQ(counter(after->body(), "atlas_http_requests_total{route=\"healthz\",status=\"200\"}"), 2u);
  EXPECT_EQ(counter(after->body(), "atlas_http_requests_total{route=\"metrics\",status=\"200\"}"), 1u);
}

TEST_F(ServerTest, MetricsShowTheComputePoolAndTheLiveReload) {
  ServerOptions options;
  options.compute_threads = 3;
  options.compute_queue = 17;
  options.reload_status = [] { return atlas::server::ReloadStatus{4, 2, 9, true}; };
  start(options);
  const auto r = client().get("/metrics");
  ASSERT_TRUE(r);
  const std::string& m = r->body();
  EXPECT_EQ(counter(m, "atlas_compute_threads"), 3u) << m;
  EXPECT_EQ(counter(m, "atlas_compute_queue_limit"), 17u);
  EXPECT_EQ(counter(m, "atlas_compute_busy"), 0u);
  EXPECT_EQ(counter(m, "atlas_compute_queued"), 0u);
  EXPECT_NE(m.find("\natlas_compute_rejected_total 0\n"), std::string::npos);
  EXPECT_EQ(counter(m, "atlas_snapshot_reloads_total"), 4u);
  EXPECT_EQ(counter(m, "atlas_snapshot_reload_failures_total"), 2u);
  EXPECT_EQ(counter(m, "atlas_snapshot_reload_failing"), 1u);
  EXPECT_EQ(counter(m, "atlas_store_data_version"), 9u);
}

// ---- the compute pool: nothing a client sends keeps the server from answering others ----

// Every Api request is held inside the handler by gate_ until opened (the Api reads its Snapshot there).
class BusyServerTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    api_ = std::make_unique<atlas::api::Api>(
        atlas::api::ApiContext{atlas::api::single_plan([this] {
                                 gate_.pass();
                                 return embedded_snapshot();
                               }),
                               [] { return atlas::DayNumber{20'000}; }, nullptr,
                               atlas::app::Principal{"test", atlas::Role::kAnalyst, {}}},
        atlas::api::ApiOptions{});
  }
  void TearDown() override {
    gate_.open();
    for (auto& t : clients_)
      t.join();
    ServerTest::TearDown();
  }

  // A GET on its own connection and thread; its answer lands in `out`.
  void get_in_background(const std::string& target, std::optional<Response>& out) {
    const std::uint16_t port = server_->port();
    clients_.emplace_back([port, target, &out] { out = Client(port).get(target); });
  }

  // Polls /metrics until `series` reads `value` (bounded); whether it did.
  bool metric_reaches(const std::string& series, std::uint64_t value) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < until) {
      const auto r = client().get("/metrics");
      if (r && counter(r->body(), series) == value) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
  }

  atlas::server::internal::TestGate gate_;
  std::vector<std::thread> clients_;
};

TEST_F(BusyServerTest, AnswersHealthzMetricsAndFilesWhileEveryComputeThreadIsBusy) {
  ServerOptions options;
  options.compute_threads = 1;
  options.compute_queue = 4;
  start(options);  // two I/O threads, both busy with API work before the compute pool existed
  std::optional<Response> first;
  std::optional<Response> second;
  get_in_background("/api/v1/enterprises", first);
  ASSERT_TRUE(gate_.wait_inside(1));
  get_in_background("/api/v1/enterprises?limit=1", second);
  ASSERT_TRUE(metric_reaches("atlas_compute_queued", 1));

  const auto started = std::chrono::steady_clock::now();
  const auto health = client().get("/healthz");
  const auto page = client().get("/");
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(health);
  EXPECT_EQ(health->result_int(), 200u);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->result_int(), 200u);
  EXPECT_LT(elapsed, std::chrono::seconds(1));

  gate_.open();
  for (auto& t : clients_)
    t.join();
  clients_.clear();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->result_int(), 200u);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->result_int(), 200u);
}

TEST_F(BusyServerTest, RefusesApiRequestsBeyondTheQueueWith503AndRetryAfter) {
  ServerOptions options;
  options.compute_threads = 1;
  options.compute_queue = 1;
  start(options);
  std::optional<Response> running;
  std::optional<Response> waiting;
  get_in_background("/api/v1/enterprises", running);
  ASSERT_TRUE(gate_.wait_inside(1));
  get_in_background("/api/v1/enterprises?limit=2", waiting);
  ASSERT_TRUE(metric_reaches("atlas_compute_queued", 1));

  auto c = client();
  const auto refused = c.get("/api/v1/enterprises?limit=3");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->result_int(), 503u);
  EXPECT_EQ(header(*refused, http::field::retry_after), "1");
  EXPECT_EQ(header(*refused, http::field::content_type), "application/problem+json");
  const auto problem = boost::json::parse(refused->body()).as_object();
  EXPECT_EQ(problem.at("code").as_string(), "overloaded");
  EXPECT_TRUE(refused->keep_alive());  // the request was read whole: the connection stays usable
  const auto health = c.get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->result_int(), 200u);

  const auto m = c.get("/metrics");
  ASSERT_TRUE(m);
  EXPECT_EQ(counter(m->body(), "atlas_compute_rejected_total"), 1u);
  EXPECT_EQ(counter(m->body(), "atlas_http_requests_total{route=\"/api/v1/enterprises\",status=\"503\"}"),
            1u);
  gate_.open();
  for (auto& t : clients_)
    t.join();
  clients_.clear();
  ASSERT_TRUE(running && waiting);
  EXPECT_EQ(running->result_int(), 200u);
  EXPECT_EQ(waiting->result_int(), 200u);
}

TEST_F(BusyServerTest, StopWaitsForTheApiAnswerBeingComputed) {
  ServerOptions options;
  options.compute_threads = 1;
  options.shutdown_grace = std::chrono::seconds(600);
  start(options);
  std::optional<Response> answer;
  get_in_background("/api/v1/enterprises", answer);
  ASSERT_TRUE(gate_.wait_inside(1));
  server_->stop();
  gate_.open();
  server_->wait();  // returns only once the answer has been handed back and written
  for (auto& t : clients_)
    t.join();
  clients_.clear();
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->result_int(), 200u);
}

// ---- the web app's files ----

TEST_F(ServerTest, ServesHashedAssetsAsImmutableWithTheirContentType) {
  start();
  auto c = client();
  const auto js = c.get("/assets/index-4f2a9c.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->result_int(), 200u);
  EXPECT_EQ(header(*js, http::field::content_type), "text/javascript; charset=utf-8");
  EXPECT_EQ(header(*js, http::field::cache_control), "public, max-age=31536000, immutable");
  const auto css = c.get("/assets/index-77aa01.css?v=2");
  ASSERT_TRUE(css);
  EXPECT_EQ(header(*css, http::field::content_type), "text/css; charset=utf-8");
  const auto ico = c.get("/favicon.ico");
  ASSERT_TRUE(ico);
  EXPECT_EQ(header(*ico, http::field::content_type), "image/x-icon");
  EXPECT_EQ(header(*ico, http::field::cache_control), "no-cache");
}

TEST_F(ServerTest, ServesIndexHtmlUncachedAtTheRoot) {
  start();
  auto c = client();
  const auto index = c.get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->result_int(), 200u);
  EXPECT_EQ(header(*index, http::field::content_type), "text/html; charset=utf-8");
  EXPECT_EQ(header(*index, http::field::cache_control), "no-cache");
  EXPECT_NE(index->body().find("Cluster Atlas"), std::string::npos);
}

TEST_F(ServerTest, HeadGivesTheLengthWithoutTheBody) {
  start();
  auto c = client();
  const auto r = c.request(http::verb::head, "/assets/index-4f2a9c.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 200u);
  EXPECT_EQ(header(*r, http::field::content_length),
            std::to_string(std::string("console.log('atlas')").size()));
  EXPECT_TRUE(r->body().empty());
  EXPECT_TRUE(c.get("/healthz"));  // the connection is still in step
}

// Vite writes x.js.br and x.js.gz beside x.js (web/vite.config.ts); the server sends the one the
// client accepts best, labelled, and every file answer varies by Accept-Encoding.
TEST_F(ServerTest, SendsThePrecompressedSiblingTheClientAccepts) {
  write("dist/assets/index-4f2a9c.js.br", "BROTLI-BYTES");
  write("dist/assets/index-4f2a9c.js.gz", "GZIP-BYTES!");
  write("dist/index.html.gz", "GZIP-INDEX");
  start();
  auto c = client();
  const auto br = c.get_encoded("/assets/index-4f2a9c.js", "gzip, deflate, br, zstd");
  ASSERT_TRUE(br);
  EXPECT_EQ(br->result_int(), 200u);
  EXPECT_EQ(br->body(), "BROTLI-BYTES");
  EXPECT_EQ(header(*br, http::field::content_encoding), "br");
  EXPECT_EQ(header(*br, http::field::content_type), "text/javascript; charset=utf-8");
  EXPECT_EQ(header(*br, http::field::vary), "Accept-Encoding");
  EXPECT_EQ(header(*br, http::field::cache_control), "public, max-age=31536000, immutable");

  const auto gz = c.get_encoded("/assets/index-4f2a9c.js", "gzip;q=1, br;q=0.5");
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->body(), "GZIP-BYTES!");
  EXPECT_EQ(header(*gz, http::field::content_encoding), "gzip");

  const auto head = c.get_encoded("/assets/index-4f2a9c.js", "gzip", http::verb::head);
  ASSERT_TRUE(head);
  EXPECT_EQ(header(*head, http::field::content_length), std::to_string(std::string("GZIP-BYTES!").size()));
  EXPECT_EQ(header(*head, http::field::content_encoding), "gzip");

  for (const std::string refuse : {"identity", "br;q=0, gzip;q=0", "", "compress"}) {
    const auto plain = c.get_encoded("/assets/index-4f2a9c.js", refuse);
    ASSERT_TRUE(plain) << refuse;
    EXPECT_EQ(plain->body(), "console.log('atlas')") << refuse;
    EXPECT_EQ(header(*plain, http::field::content_encoding), "") << refuse;
    EXPECT_EQ(header(*plain, http::field::vary), "Accept-Encoding") << refuse;
  }
  const auto none = c.get("/assets/index-4f2a9c.js");  // no Accept-Encoding at all
  ASSERT_TRUE(none);
  EXPECT_EQ(none->body(), "console.log('atlas')");
  EXPECT_EQ(header(*none, http::field::content_encoding), "");

  const auto css = c.get_encoded("/assets/index-77aa01.css", "br, gzip");  // no sibling built
  ASSERT_TRUE(css);
  EXPECT_EQ(css->body(), "body{margin:0}");
  EXPECT_EQ(header(*css, http::field::content_encoding), "");

  const auto route = c.get_encoded("/enterprises/x", "br, gzip");  // a route of the app: index.html
  ASSERT_TRUE(route);
  EXPECT_EQ(route->body(), "GZIP-INDEX");
  EXPECT_EQ(header(*route, http::field::content_encoding), "gzip");
  EXPECT_EQ(header(*route, http::field::content_type), "text/html; charset=utf-8");
}

TEST_F(ServerTest, GzipsLargeApiAnswersForClientsThatAcceptGzip) {
  start();
  auto c = client();
  const auto plain = c.get("/api/v1/targets");
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->result_int(), 200u);
  EXPECT_EQ(header(*plain, http::field::content_encoding), "");
  EXPECT_EQ(header(*plain, http::field::vary), "Accept-Encoding");
  ASSERT_GT(plain->body().size(), 1024u);

  const auto packed = c.get_encoded("/api/v1/targets", "gzip, deflate, br, zstd");
  ASSERT_TRUE(packed);
  EXPECT_EQ(packed->result_int(), 200u);
  EXPECT_EQ(header(*packed, http::field::content_encoding), "gzip");
  EXPECT_EQ(header(*packed, http::field::vary), "Accept-Encoding");
  EXPECT_EQ(header(*packed, http::field::content_type), "application/json");
  EXPECT_LT(packed->body().size(), plain->body().size() / 3);
  EXPECT_EQ(gunzip(packed->body()), plain->body());
  const std::string etag = header(*packed, http::field::etag);
  EXPECT_EQ(etag, "W/" + header(*plain, http::field::etag));  // another representation: weak

  // Revalidation with the weak tag still answers 304.
  http::request<http::string_body> again{http::verb::get, "/api/v1/targets", 11};
  again.set(http::field::host, "127.0.0.1");
  again.set(http::field::accept_encoding, "gzip");
  again.set(http::field::if_none_match, etag);
  std::ostringstream raw;
  raw << again;
  c.send_raw(raw.str());
  const auto revalidated = c.read();
  ASSERT_TRUE(revalidated);
  EXPECT_EQ(revalidated->result_int(), 304u);
  EXPECT_EQ(header(*revalidated, http::field::etag), etag);

  for (const std::string refuse : {"identity", "gzip;q=0", "br"}) {
    const auto r = c.get_encoded("/api/v1/targets", refuse);
    ASSERT_TRUE(r) << refuse;
    EXPECT_EQ(header(*r, http::field::content_encoding), "") << refuse;
    EXPECT_EQ(r->body(), plain->body()) << refuse;
  }
  const auto small = c.get_encoded("/api/v1/targets/no-such-target", "gzip");  // under 1 KB: as it is
  ASSERT_TRUE(small);
  EXPECT_EQ(header(*small, http::field::content_encoding), "");
}

TEST_F(ServerTest, NeverSendsACompressedSiblingThatLiesOutsideTheRoot) {
  write("outside.gz", "TOP-SECRET");
  fs::create_symlink(dir_ / "outside.gz", dir_ / "dist" / "assets" / "index-4f2a9c.js.gz");
  start();
  auto c = client();
  const auto r = c.get_encoded("/assets/index-4f2a9c.js", "gzip");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body(), "console.log('atlas')");
  EXPECT_EQ(header(*r, http::field::content_encoding), "");
}

TEST_F(ServerTest, AnswersAppRoutesWithIndexHtml) {
  start();
  auto c = client();
  const auto r = c.get("/enterprises/meixian-abc?tab=figures");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 200u);
  EXPECT_NE(r->body().find("Cluster Atlas"), std::string::npos);
  const auto missing = c.get("/assets/missing-1234.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->result_int(), 404u);
  EXPECT_EQ(header(*missing, http::field::content_type), "application/problem+json");
}

TEST_F(ServerTest, RefusesWritesToTheWebApp) {
  start();
  auto c = client();
  const auto r = c.request(http::verb::post, "/index.html", "{}");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 405u);
  EXPECT_EQ(header(*r, http::field::allow), "GET, HEAD");
}

TEST_F(ServerTest, NeverServesAFileOutsideTheRoot) {
  fs::create_directory_symlink(dir_, dir_ / "dist" / "escape");
  start();
  for (const std::string target : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                                   "/assets/%2E%2E/%2e%2e/secret.txt", "/..%5csecret.txt", "/%00secret.txt",
                                   "/../etc/passwd", "/escape/secret.txt", "/./secret.txt", "/%zz"}) {
    auto c = client();
    c.send_raw("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto r = c.read();
    ASSERT_TRUE(r) << target;
    EXPECT_TRUE(r->result_int() == 400u || r->result_int() == 404u) << target << " → " << r->result_int();
    EXPECT_EQ(r->body().find("TOP-SECRET"), std::string::npos) << target;
    EXPECT_EQ(header(*r, http::field::content_type), "application/problem+json") << target;
  }
}

TEST_F(ServerTest, SaysTheWebAppIsNotBuiltWhenTheRootIsMissing) {
  ServerOptions options;
  options.static_root = dir_ / "no-such-dist";
  start(options);
  auto c = client();
  const auto r = c.get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 404u);
  EXPECT_EQ(header(*r, http::field::content_type), "application/problem+json");
  const auto body = boost::json::parse(r->body()).as_object();
  EXPECT_EQ(body.at("code").as_string(), "web-app-not-built");
  EXPECT_TRUE(c.get("/healthz"));
}

// ---- security headers (docs/server.md#security-headers) ----

// The page policy: no inline or foreign script, no framing; everything else loads and runs nothing.
void expect_security_headers(const Response& r, bool page, const std::string& what) {
  const std::string csp(r["Content-Security-Policy"]);
  if (page) {
    EXPECT_NE(csp.find("script-src 'self';"), std::string::npos) << what << ": " << csp;
    EXPECT_NE(csp.find("default-src 'self';"), std::string::npos) << what << ": " << csp;
  } else {
    EXPECT_EQ(csp.find("default-src 'none';"), 0u) << what << ": " << csp;
    EXPECT_EQ(csp.find("'self'"), std::string::npos) << what << ": " << csp;
  }
  const auto script_src =
      csp.substr(csp.find("script-src") == std::string::npos ? 0 : csp.find("script-src"));
  EXPECT_EQ(script_src.substr(0, script_src.find(';')).find("unsafe"), std::string::npos)
      << what << ": " << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << what << ": " << csp;
  EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos) << what << ": " << csp;
  EXPECT_EQ(r["X-Frame-Options"], "DENY") << what;
  EXPECT_EQ(r["X-Content-Type-Options"], "nosniff") << what;
  EXPECT_EQ(r["Referrer-Policy"], "no-referrer") << what;
}

TEST_F(ServerTest, PutsTheSecurityHeadersOnPagesAndFiles) {
  start();
  auto c = client();
  for (const std::string target : {"/", "/index.html", "/enterprises/meixian-abc?tab=figures"}) {
    const auto r = c.get(target);
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->result_int(), 200u) << target;
    expect_security_headers(*r, true, target);
    const auto head = c.request(http::verb::head, target);
    ASSERT_TRUE(head) << target;
    expect_security_headers(*head, true, "HEAD " + target);
  }
  for (const std::string target : {"/assets/index-4f2a9c.js", "/assets/index-77aa01.css", "/favicon.ico"}) {
    const auto r = c.get(target);
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->result_int(), 200u) << target;
    expect_security_headers(*r, false, target);
    const auto head = c.request(http::verb::head, target);
    ASSERT_TRUE(head) << target;
    expect_security_headers(*head, false, "HEAD " + target);
  }
  const auto missing = c.get("/assets/missing-1234.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->result_int(), 404u);
  expect_security_headers(*missing, false, "404 file");
  const auto write = c.request(http::verb::post, "/index.html", "{}");
  ASSERT_TRUE(write);
  EXPECT_EQ(write->result_int(), 405u);
  expect_security_headers(*write, false, "405");
}

TEST_F(ServerTest, PutsTheSecurityHeadersOnApiAndOperationsAnswers) {
  start();
  auto c = client();
  for (const std::string target :
       {"/api/v1/enterprises", "/api/v1/no-such-endpoint", "/healthz", "/metrics"}) {
    const auto r = c.get(target);
    ASSERT_TRUE(r) << target;
    expect_security_headers(*r, false, target + " → " + std::to_string(r->result_int()));
  }
  const auto bad = c.request(http::verb::post, "/api/v1/indicators", "{not json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->result_int() / 100, 4u);
  expect_security_headers(*bad, false, "POST bad JSON");

  c.send_raw("GET /api/v1/enterprises HTTP/1.1\r\nHost: x\r\nIf-None-Match: *\r\n\r\n");
  const auto not_modified = c.read();
  ASSERT_TRUE(not_modified);
  EXPECT_EQ(not_modified->result_int(), 304u);
  expect_security_headers(*not_modified, false, "304");
}

TEST_F(ServerTest, PutsTheSecurityHeadersOnTransportProblems) {
  start();
  {
    auto c = client();
    c.send_raw("GARBAGE\r\n\r\n");
    const auto r = c.read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->result_int(), 400u);
    expect_security_headers(*r, false, "400");
  }
  {
    auto c = client();
    c.send_raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(32 * 1024, 'a') + "\r\n\r\n");
    const auto r = c.read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->result_int(), 431u);
    expect_security_headers(*r, false, "431");
  }
  {
    auto c = client();
    const auto r = c.request(http::verb::post, "/api/v1/indicators", std::string((1U << 20) + 1, ' '));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->result_int(), 413u);
    expect_security_headers(*r, false, "413");
  }
}

TEST_F(ServerTest, PutsTheSecurityHeadersOnTheNotBuiltProblem) {
  ServerOptions options;
  options.static_root = dir_ / "no-such-dist";
  start(options);
  auto c = client();
  const auto r = c.get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 404u);
  expect_security_headers(*r, false, "web-app-not-built");
}

// ---- limits and malformed input ----

TEST_F(ServerTest, RefusesAnOversizedBodyWith413AndCloses) {
  start();
  auto c = client();
  const auto r = c.request(http::verb::post, "/api/v1/indicators", std::string((1U << 20) + 1, ' '));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 413u);
  EXPECT_EQ(header(*r, http::field::content_type), "application/problem+json");
  EXPECT_FALSE(r->keep_alive());
  EXPECT_FALSE(c.read());  // closed
}

TEST_F(ServerTest, RefusesAnOversizedChunkedBodyWith413) {
  start();
  auto c = client();
  c.send_raw(
      "POST /api/v1/indicators HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n");
  const std::string chunk(64 * 1024, 'x');
  for (int i = 0; i < 20; ++i)
    c.send_raw("10000\r\n" + chunk + "\r\n");
  c.send_raw("0\r\n\r\n");
  const auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 413u);
}

TEST_F(ServerTest, AnswersAMalformedRequestWith400) {
  start();
  for (const std::string raw : {"GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
                                "GET http://example.org/ HTTP/1.1\r\nHost: x\r\n\r\n"}) {
    auto c = client();
    c.send_raw(raw);
    const auto r = c.read();
    ASSERT_TRUE(r) << raw;
    EXPECT_EQ(r->result_int(), 400u) << raw;
    EXPECT_EQ(header(*r, http::field::content_type), "application/problem+json");
    EXPECT_FALSE(c.read()) << raw;  // and closes
  }
}

TEST_F(ServerTest, AnswersHugeHeadersWith431) {
  start();
  auto c = client();
  c.send_raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(32 * 1024, 'a') + "\r\n\r\n");
  const auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 431u);
}

TEST_F(ServerTest, ClosesAConnectionThatStaysSilent) {
  ServerOptions options;
  options.idle_timeout = std::chrono::seconds(1);
  start(options);
  auto c = client();
  EXPECT_FALSE(c.read());
  EXPECT_EQ(c.last_error(), http::error::end_of_stream);  // closed by the server, not the client's deadline
}

// ---- the access log ----

TEST_F(ServerTest, WritesOneAccessLogLinePerRequest) {
  ::testing::internal::CaptureStderr();
  start({}, true);
  {
    auto c = client();
    ASSERT_TRUE(c.get("/healthz?probe=1"));
    ASSERT_TRUE(c.get("/no-such-file.png"));
  }
  server_.reset();  // every line is written once the workers are done
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(log.find("127.0.0.1:"), std::string::npos) << log;
  EXPECT_NE(log.find("\"GET /healthz?probe=1\" 200 "), std::string::npos) << log;
  EXPECT_NE(log.find("\"GET /no-such-file.png\" 404 "), std::string::npos) << log;
  EXPECT_NE(log.find("ms"), std::string::npos) << log;
}

TEST_F(ServerTest, WritesNoAccessLogWhenSwitchedOff) {
  ::testing::internal::CaptureStderr();
  start();
  ASSERT_TRUE(client().get("/healthz"));
  server_.reset();
  EXPECT_EQ(::testing::internal::GetCapturedStderr().find("/healthz"), std::string::npos);
}

// ---- the API ----

TEST_F(ServerTest, SendsContinueBeforeReadingABodyThatFits) {
  start();
  auto c = client();
  const std::string body = R"j({"expression": "count(enterprises)"})j";
  c.send_raw(
      "POST /api/v1/indicators HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Expect: 100-continue\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  const auto interim = c.read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->result_int(), 100u);
  c.send_raw(body);
  const auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_NE(r->result_int(), 100u);
  EXPECT_NE(r->result_int(), 413u);
}

TEST_F(ServerTest, ForwardsApiPathsToTheApiUnchanged) {
  start();
  auto c = client();
  const auto r = c.get("/api/v1/no-such-endpoint?x=1");
  ASSERT_TRUE(r);
  const auto direct = api_->handle([] {
    atlas::api::Request r;
    r.method = "GET";
    r.target = "/api/v1/no-such-endpoint?x=1";
    return r;
  }());
  EXPECT_EQ(r->result_int(), static_cast<unsigned>(direct.status));
  EXPECT_EQ(header(*r, http::field::content_type), direct.content_type);
  EXPECT_EQ(r->body(), direct.body);
}

// ---- stopping ----

TEST_F(ServerTest, StopFinishesTheRequestInFlightAndClosesIdleConnections) {
  ServerOptions options;
  options.shutdown_grace = std::chrono::seconds(600);  // a connection left open would hang wait()
  start(options);
  auto idle = client();
  ASSERT_TRUE(idle.get("/healthz"));
  auto busy = client();
  const std::string body = R"j({"expression": "count(enterprises)"})j";
  busy.send_raw(
      "POST /api/v1/indicators HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10));
  ASSERT_TRUE(client().get("/healthz"));  // lets the server take in the partial request

  server_->stop();
  busy.send_raw(body.substr(10));
  const auto r = busy.read();
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->keep_alive());  // answered, then closed
  EXPECT_FALSE(idle.read());      // the idle keep-alive connection was closed
  server_->wait();
  EXPECT_THROW(client(), boost::system::system_error);  // no longer accepting
}

}  // namespace
