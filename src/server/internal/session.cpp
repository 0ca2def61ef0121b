#include "server/internal/session.hpp"

#include <exception>
#include <utility>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/buffers_generator.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "server/internal/listen.hpp"

namespace atlas::server::internal {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;

// After a refused request the client may still be sending its body; reading (and dropping) it for
// a while lets the client see the answer instead of a connection reset.
constexpr std::chrono::seconds kLingerTime{2};
constexpr std::size_t kMaxDrainBytes = 16U << 20;

bool is_http_syntax_error(beast::error_code ec) {
  return ec.category() == beast::http::make_error_code(http::error::bad_target).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message;
}

}  // namespace

// ---- SessionRegistry ----

void SessionRegistry::add(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(mutex_);
  sessions_.emplace(session.get(), session);
}

void SessionRegistry::remove(const Session* session) {
  bool now_empty = false;
  {
    std::lock_guard lock(mutex_);
    now_empty = sessions_.erase(session) > 0 && sessions_.empty();
  }
  if (now_empty && on_empty_) on_empty_();
}

std::vector<std::shared_ptr<Session>> SessionRegistry::live() const {
  std::vector<std::shared_ptr<Session>> out;
  std::lock_guard lock(mutex_);
  out.reserve(sessions_.size());
  for (const auto& [_, weak] : sessions_) {
    if (auto s = weak.lock()) out.push_back(std::move(s));
  }
  return out;
}

bool SessionRegistry::empty() const {
  std::lock_guard lock(mutex_);
  return sessions_.empty();
}

// ---- Session ----

Session::Session(net::ip::tcp::socket&& socket, ServerState& state)
    : stream_(std::move(socket)), state_(state) {
  beast::error_code ec;
  const auto remote = stream_.socket().remote_endpoint(ec);
  if (!ec) {
    remote_ = endpoint_text(remote);
    address_ = remote.address().to_string();
  }
  state_.metrics.connection_opened();
}

Session::~Session() {
  state_.metrics.connection_closed();
  state_.registry.remove(this);
}

template <class F>
void Session::guarded(F&& step) noexcept {
  try {
    step();
  } catch (const std::exception& e) {
    state_.log->error("connection {}: {}", remote_, e.what());
    close();
  } catch (...) {
    state_.log->error("connection {}: unknown exception", remote_);
    close();
  }
}

void Session::start() {
  state_.registry.add(shared_from_this());
  net::dispatch(stream_.get_executor(),
                [self = shared_from_this()] { self->guarded([&] { self->read_header(); }); });
}

void Session::stop() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    self->closing_ = true;
    beast::error_code ec;
    const bool quiet = self->buffer_.size() == 0 && self->stream_.socket().available(ec) == 0;
    if (self->phase_ == Phase::kIdle && quiet) self->close();
  });
}

void Session::abort() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->close(); });
}

void Session::read_header() {
  if (closing_ || state_.stopping.load()) return close();
  phase_ = Phase::kIdle;
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(state_.options.header_limit));
  parser_->body_limit(state_.api.options().max_body_bytes);
  stream_.expires_after(state_.options.idle_timeout);
  http::async_read_header(stream_, buffer_, *parser_,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                            self->guarded([&] { self->on_header(ec); });
                          });
}

void Session::on_header(beast::error_code ec) {
  if (ec) return on_read_error(ec);
  phase_ = Phase::kBusy;
  started_ = Clock::now();
  note_request();
  const auto& req = parser_->get();
  if (req.target().empty() || req.target()[0] != '/') {
    return send(Dispatcher::malformed(req.version(), false, "the target must be a path starting with /"),
                true);
  }
  if (parser_->is_done()) return answer();
  if (beast::iequals(req[http::field::expect], "100-continue")) return continue_then_read_body();
  read_body();
}

void Session::continue_then_read_body() {
  auto res =
      std::make_shared<http::response<http::empty_body>>(http::status::continue_, parser_->get().version());
  stream_.expires_after(state_.options.idle_timeout);
  http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
    self->guarded([&] { ec ? self->close() : self->read_body(); });
  });
}

void Session::read_body() {
  stream_.expires_after(state_.options.idle_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                     self->guarded([&] { ec ? self->on_read_error(ec) : self->answer(); });
                   });
}

void Session::on_read_error(beast::error_code ec) {
  if (phase_ == Phase::kIdle) {
    started_ = Clock::now();
    note_request();
  }
  const unsigned version = parser_ && parser_->get().version() == 10 ? 10 : 11;
  if (ec == http::error::body_limit) return send(state_.dispatcher.body_too_large(parser_->get()), true);
  if (ec == http::error::header_limit) return send(Dispatcher::malformed(version, true, ec.message()), true);
  if (is_http_syntax_error(ec)) return send(Dispatcher::malformed(version, false, ec.message()), true);
  close();  // end of stream, reset, idle timeout, stop: nothing to answer
}

void Session::note_request() {
  const auto& req = parser_->get();
  method_ = std::string(req.method_string());
  target_ = std::string(req.target());
}

void Session::answer() {
  const bool keep_alive = !closing_ && !state_.stopping.load();
  if (!parser_->get().target().starts_with("/api/")) {
    return send(state_.dispatcher.answer(parser_->release(), keep_alive, address_), false);
  }
  compute(keep_alive);
}

// An /api answer is computed on the compute pool, never on this I/O thread, and comes back to this
// connection's strand. The tracked executor keeps the io_context running until it has. A full
// queue is answered at once with 503.
void Session::compute(bool keep_alive) {
  auto request = std::make_shared<HttpRequest>(parser_->release());
  auto home = net::prefer(stream_.get_executor(), net::execution::outstanding_work.tracked);
  const bool queued =
      state_.compute.try_post([self = shared_from_this(), request, keep_alive, home = std::move(home)] {
        Reply reply = self->state_.dispatcher.answer(std::move(*request), keep_alive, self->address_);
        net::post(home, [self, reply = std::move(reply)]() mutable {
          self->guarded([&] { self->send(std::move(reply), false); });
        });
      });
  if (queued) return;
  send(Dispatcher::overloaded(*request, keep_alive, state_.compute.queue_limit(),
                              state_.options.busy_retry_after),
       false);
}

void Session::send(Reply reply, bool linger) {
  phase_ = Phase::kBusy;
  const bool keep_alive = reply.keep_alive && !linger;
  stream_.expires_after(state_.options.idle_timeout);
  beast::async_write(stream_, std::move(reply.message),
                     [self = shared_from_this(), status = reply.status, bytes = reply.body_bytes,
                      route = reply.route, keep_alive, linger](beast::error_code ec, std::size_t) {
                       self->guarded([&] { self->on_written(status, bytes, route, keep_alive, linger, ec); });
                     });
}

void Session::on_written(unsigned status, std::uint64_t bytes, Route route, bool keep_alive, bool linger,
                         beast::error_code ec) {
  const auto elapsed = Clock::now() - started_;
  state_.metrics.record(route, status, elapsed);
  if (state_.options.access_log) {
    state_.log->info("{} \"{} {}\" {} {} {:.3f}ms", remote_, method_, target_, status, bytes,
                     std::chrono::duration<double, std::milli>(elapsed).count());
  }
  if (ec) return close();
  if (linger) return this->linger();
  if (!keep_alive) return close();
  read_header();
}

void Session::linger() {
  phase_ = Phase::kBusy;
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
  if (ec) return close();
  drained_ = 0;
  stream_.expires_after(kLingerTime);  // one deadline for the whole drain
  drain();
}

void Session::drain() {
  stream_.async_read_some(net::buffer(drain_buffer_),
                          [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                            self->drained_ += n;
                            if (ec || self->drained_ > kMaxDrainBytes) return self->close();
                            self->guarded([&] { self->drain(); });
                          });
}

void Session::close() noexcept {
  if (phase_ == Phase::kClosed) return;
  phase_ = Phase::kClosed;
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
  stream_.close();  // also cancels the stream's timeout timer
}

}  // namespace atlas::server::internal
