// The `--listen` string: "host:port", and the options every accepted connection gets.
#pragma once

#include <string_view>

#include <boost/asio/ip/tcp.hpp>

#include "model/error.hpp"

namespace atlas::server::internal {

/// Parses "127.0.0.1:8080", "[::1]:0", "0.0.0.0:80" or "localhost:8080" (= 127.0.0.1). No DNS.
/// Errors: kInvalidArgument naming the string and what a valid one looks like. Pure.
[[nodiscard]] Result<boost::asio::ip::tcp::endpoint> parse_listen(std::string_view listen);

/// "127.0.0.1:8080" or "[::1]:8080".
[[nodiscard]] std::string endpoint_text(const boost::asio::ip::tcp::endpoint& endpoint);

/// Sets TCP_NODELAY on an accepted connection. An answer goes out in more than one write (the
/// header, then a file body in pieces), and with Nagle's algorithm the last small segment waits
/// for the client's ACK of the previous one, which the client delays by up to 40 ms: every
/// request after the first on a keep-alive connection took ≥ 40 ms, and a page's 50 assets over
/// the browser's 6 connections ≈ 0.4 s (docs/performance.md, "Nagle"). Errors: the option's
/// error (the connection still works, only slower).
boost::system::error_code tune_connection(boost::asio::ip::tcp::socket& socket);

}  // namespace atlas::server::internal
