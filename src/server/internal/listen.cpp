#include "server/internal/listen.hpp"

#include <charconv>
#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace atlas::server::internal {
namespace net = boost::asio;

namespace {

std::unexpected<Error> bad_listen(std::string_view listen, std::string_view why) {
  return fail(
      ErrorCode::kInvalidArgument,
      fmt::format("listen address \"{}\": {} (expected HOST:PORT such as 127.0.0.1:8080)", listen, why),
      "listen");
}

}  // namespace

Result<net::ip::tcp::endpoint> parse_listen(std::string_view listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string_view::npos) return bad_listen(listen, "no port");
  std::string_view host = listen.substr(0, colon);
  const std::string_view port_text = listen.substr(colon + 1);
  std::uint16_t port = 0;
  const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc{} || end != port_text.data() + port_text.size()) {
    return bad_listen(listen, "the port is not a number from 0 to 65535");
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  if (host.empty()) return bad_listen(listen, "no host");
  boost::system::error_code address_ec;
  const auto address = net::ip::make_address(std::string(host), address_ec);
  if (address_ec) return bad_listen(listen, "the host is not an IP address or localhost");
  return net::ip::tcp::endpoint(address, port);
}

std::string endpoint_text(const net::ip::tcp::endpoint& endpoint) {
  const auto address = endpoint.address();
  return address.is_v6() ? fmt::format("[{}]:{}", address.to_string(), endpoint.port())
                         : fmt::format("{}:{}", address.to_string(), endpoint.port());
}

boost::system::error_code tune_connection(net::ip::tcp::socket& socket) {
  boost::system::error_code ec;
  socket.set_option(net::ip::tcp::no_delay(true), ec);
  return ec;
}

}  // namespace atlas::server::internal
