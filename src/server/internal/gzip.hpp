// gzip (RFC 1952) for the API's JSON answers, through zlib. The web app's files are compressed at
// build time instead (accept_encoding.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace atlas::server::internal {

/// Answers smaller than this go out as they are: compressing them saves less than it costs.
inline constexpr std::size_t kGzipMinBytes = 1024;

/// `data` as one gzip member (zlib's default level); nullopt only when zlib fails (out of memory).
[[nodiscard]] std::optional<std::string> gzip(std::string_view data);

}  // namespace atlas::server::internal
