// One client connection: read a request, answer it, repeat while keep-alive holds.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "server/internal/dispatch.hpp"
#include "server/internal/state.hpp"

namespace atlas::server::internal {

/// Owns its socket; kept alive by the shared_ptrs its pending operations hold. Every member runs on
/// the socket's strand; stop() and abort() may be called from any thread.
class Session : public std::enable_shared_from_this<Session> {
 public:
  /// `socket` must have a strand executor; `state` outlives the Session.
  Session(boost::asio::ip::tcp::socket&& socket, ServerState& state);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Registers the connection and starts reading its first request.
  void start();
  /// The server is stopping: close now when idle, else close after the answer in flight.
  void stop();
  /// Close now, whatever is in flight (the shutdown grace period is over).
  void abort();

 private:
  enum class Phase { kIdle, kBusy, kClosed };
  using Clock = std::chrono::steady_clock;

  void read_header();
  void on_header(boost::beast::error_code ec);
  void continue_then_read_body();
  void read_body();
  void on_read_error(boost::beast::error_code ec);
  void answer();
  void compute(bool keep_alive);
  void send(Reply reply, bool linger);
  void on_written(unsigned status, std::uint64_t bytes, Route route, bool keep_alive, bool linger,
                  boost::beast::error_code ec);
  void linger();
  void drain();
  void close() noexcept;
  void note_request();  // method_ and target_ for the access log
  template <class F>
  void guarded(F&& step) noexcept;

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  ServerState& state_;
  std::string remote_;   // "address:port", for the log
  std::string address_;  // the address alone, for the API (sign-in attempts are counted per address)
  std::string method_;
  std::string target_;
  Phase phase_ = Phase::kIdle;
  bool closing_ = false;  // answer what is in flight with Connection: close, then close
  Clock::time_point started_{};
  std::array<char, 8192> drain_buffer_{};
  std::size_t drained_ = 0;
};

}  // namespace atlas::server::internal
