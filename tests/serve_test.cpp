// `atlas serve` as an operator runs it: a real process on port 0, its first stdout line, a
// request, SIGTERM, exit code 0.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

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

}  // namespace
