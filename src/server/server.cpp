#include "server/server.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "server/internal/listen.hpp"
#include "server/internal/session.hpp"
#include "server/internal/state.hpp"

namespace atlas::server {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr std::chrono::milliseconds kAcceptRetry{50};

std::shared_ptr<spdlog::logger> make_logger() {
  auto logger =
      std::make_shared<spdlog::logger>("atlas.http", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  logger->flush_on(spdlog::level::info);
  return logger;
}

unsigned thread_count(unsigned wanted) {
  return wanted != 0 ? wanted : std::max(1U, std::thread::hardware_concurrency());
}

}  // namespace

struct Server::Impl {
  Impl(const api::Api& api, SnapshotSource snapshot, ServerOptions options)
      : threads_wanted(thread_count(options.threads)),
        state(api, std::move(snapshot), std::move(options), make_logger(), [this] { on_last_session(); }),
        ioc(static_cast<int>(threads_wanted)),
        acceptor(net::make_strand(ioc)),
        accept_retry(acceptor.get_executor()),
        control(net::make_strand(ioc)),
        grace(control) {}

  Result<void> bind(const tcp::endpoint& endpoint);
  void accept();
  void on_accept(boost::system::error_code ec, tcp::socket socket);
  void stop();
  void wait();
  void on_last_session();

  const unsigned threads_wanted;
  // Declared first, destroyed last: sessions unregister from it while the io_context is destroyed.
  internal::ServerState state;
  net::io_context ioc;
  tcp::acceptor acceptor;
  net::steady_timer accept_retry;
  net::strand<net::io_context::executor_type> control;
  net::steady_timer grace;
  tcp::endpoint bound;
  std::vector<std::thread> threads;
  std::mutex wait_mutex;
  std::atomic<bool> joined{false};
};

Result<void> Server::Impl::bind(const tcp::endpoint& endpoint) {
  boost::system::error_code ec;
  const auto failed = [&](std::string_view step) {
    return fail(
        ErrorCode::kIo,
        fmt::format("cannot listen on {}: {} ({})", internal::endpoint_text(endpoint), ec.message(), step),
        "listen");
  };
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return failed("open");
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return failed("SO_REUSEADDR");
  acceptor.bind(endpoint, ec);
  if (ec) return failed("bind");
  acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return failed("listen");
  bound = acceptor.local_endpoint(ec);
  if (ec) return failed("local address");
  return {};
}

void Server::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](boost::system::error_code ec, tcp::socket socket) {
    on_accept(ec, std::move(socket));
  });
}

void Server::Impl::on_accept(boost::system::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || state.stopping.load()) return;
  if (ec) {  // out of file descriptors and the like: try again shortly rather than spin
    state.log->warn("accept on {}: {}", internal::endpoint_text(bound), ec.message());
    accept_retry.expires_after(kAcceptRetry);
    accept_retry.async_wait([this](boost::system::error_code wait_ec) {
      if (!wait_ec && !state.stopping.load()) accept();
    });
    return;
  }
  if (const auto tune_ec = internal::tune_connection(socket)) {
    state.log->debug("TCP_NODELAY on a new connection: {}", tune_ec.message());
  }
  try {
    std::make_shared<internal::Session>(std::move(socket), state)->start();
  } catch (const std::exception& e) {
    state.log->error("new connection: {}", e.what());
  }
  accept();
}

void Server::Impl::stop() {
  if (state.stopping.exchange(true)) return;
  net::post(acceptor.get_executor(), [this] {
    boost::system::error_code ec;
    acceptor.close(ec);
    accept_retry.cancel();
  });
  for (const auto& session : state.registry.live())
    session->stop();
  net::post(control, [this] {
    grace.expires_after(state.options.shutdown_grace);
    grace.async_wait([this](boost::system::error_code ec) {
      if (ec) return;  // every connection closed in time
      for (const auto& session : state.registry.live())
        session->abort();
    });
    if (state.registry.empty()) grace.cancel();
  });
}

void Server::Impl::on_last_session() {
  // Runs in a Session's destructor; after wait() the io_context takes no more work.
  if (!state.stopping.load() || joined.load()) return;
  net::post(control, [this] { grace.cancel(); });
}

void Server::Impl::wait() {
  std::lock_guard lock(wait_mutex);
  // The I/O threads return only once no compute task is left to hand an answer back to them.
  for (auto& t : threads) {
    if (t.joinable()) t.join();
  }
  state.compute.stop();
  joined = true;
}

Result<std::unique_ptr<Server>> Server::start(const api::Api& api, SnapshotSource snapshot,
                                              ServerOptions options) {
  auto endpoint = internal::parse_listen(options.listen);
  if (!endpoint) return std::unexpected(endpoint.error());
  const std::string listen = options.listen;
  std::unique_ptr<Impl> impl;
  try {
    impl = std::make_unique<Impl>(api, std::move(snapshot), std::move(options));
  } catch (const std::exception& e) {
    return fail(ErrorCode::kIo, fmt::format("cannot start the server on {}: {}", listen, e.what()));
  }
  if (auto bound = impl->bind(*endpoint); !bound) return std::unexpected(bound.error());
  impl->accept();
  Impl* self = impl.get();
  for (unsigned i = 0; i < self->threads_wanted; ++i) {
    self->threads.emplace_back([self] {
      for (;;) {
        try {
          self->ioc.run();
          return;
        } catch (const std::exception& e) {  // a handler threw past its own guard: log, keep serving
          self->state.log->error("worker: {}", e.what());
        } catch (...) {
          self->state.log->error("worker: unknown exception");
        }
      }
    });
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
}

// stop() and wait() throw only when joining a worker thread fails (a bug: terminate is right).
Server::~Server() {  // NOLINT(bugprone-exception-escape)
  stop();
  wait();
}

std::uint16_t Server::port() const {
  return impl_->bound.port();
}

std::string Server::address() const {
  return internal::endpoint_text(impl_->bound);
}

void Server::stop() {
  impl_->stop();
}

void Server::wait() {
  impl_->wait();
}

}  // namespace atlas::server
