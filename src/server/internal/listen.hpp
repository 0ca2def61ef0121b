// The `--listen` string: "host:port".
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

}  // namespace atlas::server::internal
