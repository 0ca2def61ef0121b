#include "server/internal/listen.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <gtest/gtest.h>

namespace {

namespace net = boost::asio;
using atlas::server::internal::tune_connection;
using net::ip::tcp;

// Every request after the first on a keep-alive connection waited ≥ 40 ms for the client's
// delayed ACK (Nagle's algorithm on the server's side): accepted connections get TCP_NODELAY.
TEST(TuneConnection, SetsNoDelayOnAnAcceptedConnection) {
  net::io_context ioc;
  tcp::acceptor acceptor(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
  tcp::socket client(ioc);
  client.connect(acceptor.local_endpoint());
  tcp::socket accepted = acceptor.accept();
  tcp::no_delay before;
  accepted.get_option(before);
  ASSERT_FALSE(before.value()) << "a new connection has Nagle's algorithm on";
  EXPECT_FALSE(tune_connection(accepted));
  tcp::no_delay after;
  accepted.get_option(after);
  EXPECT_TRUE(after.value());
}

TEST(TuneConnection, ReportsTheErrorOfAClosedSocketInsteadOfThrowing) {
  net::io_context ioc;
  tcp::socket closed(ioc);
  EXPECT_TRUE(tune_connection(closed));
}

TEST(ParseListen, ReadsHostAndPortAndNamesTheStringWhenItIsNot) {
  const auto ok = atlas::server::internal::parse_listen("127.0.0.1:8080");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->port(), 8080);
  const auto bad = atlas::server::internal::parse_listen("8080");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("\"8080\""), std::string::npos) << bad.error().message;
}

}  // namespace
