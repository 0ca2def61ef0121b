// `atlas serve` as an operator runs it: a real process on port 0, its first stdout line, a
// request, SIGTERM, exit code 0; an `atlas import` by another process, published while it runs;
// SIGKILLs of the server while it publishes and of an import while the server watches.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.hpp"

namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One GET on a new connection; status 0 when nothing came back.
std::pair<unsigned, std::string> http_get(std::uint16_t port, const std::string& target) {
  boost::asio::io_context ioc;
  boost::beast::tcp_stream stream(ioc);
  boost::beast::error_code ec;
  stream.socket().connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
  if (ec) return {0, ec.message()};
  http::request<http::empty_body> req{http::verb::get, target, 11};
  req.set(http::field::host, "127.0.0.1");
  http::response<http::string_body> res;
  boost::beast::flat_buffer buffer;
  stream.expires_after(std::chrono::seconds(60));
  http::async_write(stream, req, [&](boost::beast::error_code wec, std::size_t) {
    if (wec) {
      ec = wec;
      return;
    }
    http::async_read(stream, buffer, res, [&](boost::beast::error_code rec, std::size_t) { ec = rec; });
  });
  ioc.run();
  if (ec) return {0, ec.message()};
  return {res.result_int(), res.body()};
}

std::optional<std::int64_t> healthz_version(std::uint16_t port) {
  const auto [status, body] = http_get(port, "/healthz");
  if (status != 200) return std::nullopt;
  return boost::json::parse(body).at("snapshot_version").as_int64();
}

// Polls `done` until it holds or `limit` passes; whether it held.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

// Runs `atlas ARGS` to its end: its exit code, stderr in `err`.
int atlas_cli(const std::string& args, const fs::path& dir, std::string& err) {
  const fs::path err_file = dir / "cli-stderr.txt";
  const std::string cmd = std::string(ATLAS_BINARY) + " " + args + " >/dev/null 2>" + err_file.string();
  const int status = std::system(cmd.c_str());
  err = slurp(err_file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// PRAGMA integrity_check of a database file, read-only: "ok" or what is wrong.
std::string integrity(const std::string& db) {
  sqlite3* handle = nullptr;
  std::string result = "cannot open";
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    } else {
      result = sqlite3_errmsg(handle);
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(handle);
  return result;
}

// An enterprises.csv that renames bpw-germany (of the embedded data) to `name_en`.
fs::path renaming_csv(const fs::path& dir, const std::string& name_en) {
  const fs::path file = dir / "enterprises.csv";
  std::ofstream(file, std::ios::binary)
      << "id,credit_code,name_zh,name_en,county,zone,segment,above_size,high_tech,classes,processes,"
         "certifications,customers,employees,group,provenance\n"
      << "bpw-germany,,德国BPW公司,\"" << name_en << "\",,,trailer,,,,,,,,,plan §3(1)3\n";
  return file;
}

constexpr const char* kBigRename = "BPW Germany (big import)";

// An import whose Snapshot takes a while to build: a monthly head count for 1900–2099 of up to 40
// enterprises (≈ 96,000 figures, different for each `variant`), and bpw-germany renamed to
// kBigRename.
atlas::Dataset big_import(const std::string& db, int variant = 0) {
  auto store = atlas::Store::open(db);
  EXPECT_TRUE(store) << store.error().to_string();
  atlas::Dataset delta;
  std::vector<std::string> ids;
  auto scanned = store->scan_enterprises([&](const atlas::EnterpriseRecord& e) -> atlas::Result<void> {
    ids.push_back(e.id);
    if (e.id == "bpw-germany") {
      delta.enterprises.push_back(e);
      delta.enterprises.back().name.en = kBigRename;
    }
    return {};
  });
  EXPECT_TRUE(scanned);
  ids.resize(std::min<std::size_t>(ids.size(), 40));
  for (const auto& id : ids) {
    for (int y = 1900; y < 2100; ++y) {
      for (int m = 1; m <= 12; ++m) {
        const auto month = atlas::month_index(y, m);
        delta.observations.push_back({id, "employees", atlas::Period{atlas::PeriodKind::kMonth, month, month},
                                      100 + m + 1000 * variant, std::nullopt, "sample: crash test"});
      }
    }
  }
  return delta;
}

constexpr std::uint64_t kKillAfter = 60'000;  // records an import applies before it is killed

// A child process: applies `delta` on its own connection and, at kKillAfter records (its
// transaction open, pages spilled to the WAL), tells the parent and waits to be killed.
[[noreturn]] void import_until_killed(const std::string& db, const atlas::Dataset& delta, int report_fd) {
  ::alarm(60);  // never outlive a broken parent
  atlas::StoreOptions small_cache;
  small_cache.cache_kib = 1024;
  auto store = atlas::Store::open(db, small_cache);
  if (!store) ::_exit(2);
  auto applied = store->apply(delta, {"crash test", "import"}, [&](std::string_view, std::uint64_t done) {
    if (done < kKillAfter) return;
    const char byte = 'x';
    if (::write(report_fd, &byte, 1) != 1) ::_exit(4);
    for (;;)
      ::pause();
  });
  ::_exit(applied ? 3 : 5);  // reaching here means the kill never came
}

// Kills and reaps a child if the test ends before it did so itself.
struct ChildGuard {
  pid_t pid = -1;
  ChildGuard() = default;
  ChildGuard(const ChildGuard&) = delete;
  ChildGuard& operator=(const ChildGuard&) = delete;
  ~ChildGuard() {
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  }
};

class AtlasServe : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("atlas-serve-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "atlas.db").string();
  }
  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) ::close(out_);
    fs::remove_all(dir_);
  }

  // Starts `atlas serve ARGS` with stdout on a pipe and stderr in a file.
  void spawn(const std::vector<std::string>& args) {
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    const std::string err = (dir_ / "stderr.txt").string();
    pid_ = ::fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      ::dup2(pipe_fds[1], STDOUT_FILENO);
      std::freopen(err.c_str(), "w", stderr);
      ::close(pipe_fds[0]);
      std::vector<char*> argv{const_cast<char*>(ATLAS_BINARY), const_cast<char*>("serve")};
      for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(ATLAS_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    out_ = pipe_fds[0];
  }

  // The first stdout line, or nullopt when the process ends (or is silent for a minute) first.
  std::optional<std::string> first_line() const {
    std::string line;
    char c = 0;
    while (true) {
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, 60'000) <= 0) return std::nullopt;
      if (::read(out_, &c, 1) != 1) return std::nullopt;
      if (c == '\n') return line;
      line += c;
    }
  }

  // Exit code after a signal, or -1 when the process does not end within a minute.
  int stop_with(int signal) {
    ::kill(pid_, signal);
    for (int i = 0; i < 600; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      ::usleep(100'000);
    }
    return -1;
  }

  // Runs `ENV atlas serve ARGS` to its end; its exit code, stderr in `err`.
  int run_to_end(const std::string& args, std::string& err, const std::string& env = "") const {
    const fs::path err_file = dir_ / "stderr.txt";
    const std::string cmd = env + " " + std::string(ATLAS_BINARY) + " serve " + args + " >" +
                            (dir_ / "stdout.txt").string() + " 2>" + err_file.string();
    const int status = std::system(cmd.c_str());
    err = slurp(err_file);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // Starts `atlas serve` on a free port over db_ (seeding it when new) with `extra` flags; its port,
  // 0 when it did not start.
  std::uint16_t serve(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"--db", db_, "--listen", "127.0.0.1:0", "--no-access-log"};
    args.insert(args.end(), extra.begin(), extra.end());
    spawn(args);
    const auto line = first_line();
    if (!line) return 0;
    return static_cast<std::uint16_t>(std::stoi(line->substr(line->rfind(':') + 1)));
  }

  void kill_server() {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
    ::close(out_);
    out_ = -1;
  }

  [[nodiscard]] std::string server_log() const { return slurp(dir_ / "stderr.txt"); }

  fs::path dir_;
  std::string db_;
  pid_t pid_ = -1;
  int out_ = -1;
};

TEST_F(AtlasServe, PrintsItsAddressAnswersAndStopsCleanlyOnSigterm) {
  spawn({"--db", db_, "--listen", "127.0.0.1:0", "--no-access-log"});
  const auto line = first_line();
  ASSERT_TRUE(line) << slurp(dir_ / "stderr.txt");
  const std::string prefix = "Cluster Atlas serving " + db_ + " on http://127.0.0.1:";
  ASSERT_TRUE(line->starts_with(prefix)) << *line;
  ASSERT_TRUE(line->ends_with("/")) << *line;
  const int port = std::stoi(line->substr(prefix.size()));
  ASSERT_GT(port, 0);

  const auto [status, body] = http_get(static_cast<std::uint16_t>(port), "/healthz");
  ASSERT_EQ(status, 200u) << body;
  EXPECT_EQ(boost::json::parse(body).at("status").as_string(), "ok");

  EXPECT_EQ(stop_with(SIGTERM), 0);
  EXPECT_NE(slurp(dir_ / "stderr.txt").find("stopped"), std::string::npos);
  EXPECT_TRUE(fs::exists(db_));  // the empty database was created and seeded
}

TEST_F(AtlasServe, StopsCleanlyOnSigintToo) {
  spawn({"--db", db_, "--listen", "127.0.0.1:0"});
  ASSERT_TRUE(first_line()) << slurp(dir_ / "stderr.txt");
  EXPECT_EQ(stop_with(SIGINT), 0);
}

TEST_F(AtlasServe, ExplainsAListenAddressThatIsNotHostAndPort) {
  std::string err;
  EXPECT_EQ(run_to_end("--db " + db_ + " --listen nonsense", err), 1);
  EXPECT_NE(err.find("\"nonsense\""), std::string::npos) << err;
  EXPECT_NE(err.find("HOST:PORT"), std::string::npos) << err;
}

TEST_F(AtlasServe, TakesTheListenAddressFromTheEnvironment) {
  std::string err;
  EXPECT_EQ(run_to_end("--db " + db_, err, "ATLAS_LISTEN=bogus:1:2"), 1);
  EXPECT_NE(err.find("bogus:1:2"), std::string::npos) << err;
}

TEST_F(AtlasServe, ReportsAnAddressAlreadyInUse) {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor taken(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
  const std::string address = "127.0.0.1:" + std::to_string(taken.local_endpoint().port());
  std::string err;
  EXPECT_EQ(run_to_end("--db " + db_ + " --listen " + address, err), 1);
  EXPECT_NE(err.find("cannot listen on " + address), std::string::npos) << err;
}

// ---- live reload ----

TEST_F(AtlasServe, PublishesAnImportCommittedByAnotherProcessWithinASecond) {
  const std::uint16_t port = serve();
  ASSERT_NE(port, 0) << server_log();
  ASSERT_EQ(healthz_version(port).value_or(-1), 1);

  std::string err;
  ASSERT_EQ(atlas_cli("import --db " + db_ + " " + renaming_csv(dir_, "BPW Germany (reloaded)").string(),
                      dir_, err),
            0)
      << err;
  const auto committed = std::chrono::steady_clock::now();
  ASSERT_TRUE(eventually([&] { return healthz_version(port) == 2; }, std::chrono::seconds(5)))
      << server_log();
  EXPECT_LT(std::chrono::steady_clock::now() - committed, std::chrono::milliseconds(1500));

  const auto [status, body] = http_get(port, "/api/v1/enterprises/bpw-germany");
  ASSERT_EQ(status, 200u) << body;
  EXPECT_NE(body.find("BPW Germany (reloaded)"), std::string::npos) << body;
  // the reload is counted by the time the new version is served (the watcher counts it first)
  const auto [metrics_status, metrics] = http_get(port, "/metrics");
  EXPECT_NE(metrics.find("\natlas_snapshot_reloads_total 1\n"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("\natlas_store_data_version 2\n"), std::string::npos) << metrics;
  // The line is written just after the new Snapshot is swapped in, so it may follow the answers.
  EXPECT_TRUE(
      eventually([&] { return server_log().find("published Snapshot version 2") != std::string::npos; },
                 std::chrono::seconds(2)))
      << server_log();
  EXPECT_EQ(stop_with(SIGTERM), 0);  // the reload thread stops with the server
}

// ---- crashes ----

// The kill must land between "rebuilding" and "published": the server is frozen (SIGSTOP) as soon
// as it logs the rebuild, and killed only if it has not published yet; otherwise it goes on and the
// next import is tried (a rebuild takes long enough that the first try nearly always lands).
TEST_F(AtlasServe, KilledWhilePublishingASnapshotItRestartsOnTheCommittedData) {
  const std::uint16_t port = serve();
  ASSERT_NE(port, 0) << server_log();
  ASSERT_EQ(healthz_version(port).value_or(-1), 1);
  std::int64_t committed = 1;
  bool killed_mid_rebuild = false;
  for (int attempt = 0; attempt < 5 && !killed_mid_rebuild; ++attempt) {
    auto store = atlas::Store::open(db_);  // another connection commits, as `atlas import` would
    ASSERT_TRUE(store);
    auto applied = store->apply(big_import(db_, attempt), {"crash test", "import"});
    ASSERT_TRUE(applied) << applied.error().to_string();
    committed = applied->data_version;
    const std::string rebuilding = "data version " + std::to_string(committed) + " committed";
    ASSERT_TRUE(eventually([&] { return server_log().find(rebuilding) != std::string::npos; },
                           std::chrono::seconds(10)))
        << server_log();
    ASSERT_EQ(::kill(pid_, SIGSTOP), 0);
    const std::string published = "published Snapshot version " + std::to_string(committed);
    killed_mid_rebuild = server_log().find(published) == std::string::npos;
    if (killed_mid_rebuild) {
      kill_server();
    } else {
      ASSERT_EQ(::kill(pid_, SIGCONT), 0);
    }
  }
  ASSERT_TRUE(killed_mid_rebuild) << "every rebuild was published before the kill: " << server_log();
  EXPECT_EQ(integrity(db_), "ok");

  const std::uint16_t again = serve();
  ASSERT_NE(again, 0) << server_log();
  EXPECT_EQ(healthz_version(again).value_or(-1), committed);
  const auto [status, body] = http_get(again, "/api/v1/enterprises/bpw-germany");
  ASSERT_EQ(status, 200u) << body;
  EXPECT_NE(body.find(kBigRename), std::string::npos) << body;
  EXPECT_EQ(stop_with(SIGTERM), 0);
}

TEST_F(AtlasServe, AKilledImportLeavesTheServerOnTheLastCommittedVersion) {
  const std::uint16_t port = serve({"--reload-ms", "20"});
  ASSERT_NE(port, 0) << server_log();
  ASSERT_EQ(healthz_version(port).value_or(-1), 1);
  const atlas::Dataset delta = big_import(db_);

  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ChildGuard child;
  child.pid = ::fork();
  ASSERT_GE(child.pid, 0);
  if (child.pid == 0) {
    ::close(fds[0]);
    import_until_killed(db_, delta, fds[1]);
  }
  ::close(fds[1]);
  std::set<std::int64_t> versions;  // every version /healthz showed
  const auto watch = [&](std::chrono::milliseconds how_long) {
    const auto until = std::chrono::steady_clock::now() + how_long;
    while (std::chrono::steady_clock::now() < until)
      versions.insert(healthz_version(port).value_or(-1));
  };
  bool in_transaction = false;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!in_transaction && std::chrono::steady_clock::now() < give_up) {
    versions.insert(healthz_version(port).value_or(-1));
    pollfd p{fds[0], POLLIN, 0};
    if (::poll(&p, 1, 5) <= 0) continue;
    char byte = 0;
    in_transaction = ::read(fds[0], &byte, 1) == 1;
    if (!in_transaction) break;  // the child died before the middle of its transaction
  }
  ::close(fds[0]);
  ASSERT_TRUE(in_transaction);
  watch(std::chrono::milliseconds(200));  // ten polls of the server while the transaction is open
  ASSERT_EQ(::kill(child.pid, SIGKILL), 0);
  ASSERT_EQ(::waitpid(child.pid, nullptr, 0), child.pid);
  child.pid = -1;
  watch(std::chrono::milliseconds(200));
  EXPECT_EQ(versions, std::set<std::int64_t>{1});

  const auto [status, body] = http_get(port, "/api/v1/enterprises/bpw-germany");
  ASSERT_EQ(status, 200u) << body;
  EXPECT_EQ(body.find(kBigRename), std::string::npos) << body;
  const auto [metrics_status, metrics] = http_get(port, "/metrics");
  EXPECT_NE(metrics.find("\natlas_snapshot_reload_failures_total 0\n"), std::string::npos) << metrics;
  EXPECT_EQ(integrity(db_), "ok");

  // The server still follows the database: the next committed import is published.
  std::string err;
  ASSERT_EQ(
      atlas_cli("import --db " + db_ + " " + renaming_csv(dir_, "BPW Germany (after the kill)").string(),
                dir_, err),
      0)
      << err;
  ASSERT_TRUE(eventually([&] { return healthz_version(port) == 2; }, std::chrono::seconds(5)))
      << server_log();
  EXPECT_NE(http_get(port, "/api/v1/enterprises/bpw-germany").second.find("BPW Germany (after the kill)"),
            std::string::npos);
  EXPECT_EQ(stop_with(SIGTERM), 0);
}

}  // namespace
