// The Accept-Encoding request header (RFC 9110 §12.5.3) and the content coding to answer it with:
// the web app's files are stored precompressed (x.js.br, x.js.gz beside x.js, built by Vite), and
// StaticFiles sends the sibling the client accepts best.
#pragma once

#include <cstddef>
#include <string_view>

namespace atlas::server::internal {

/// The codings a static file can be sent in. Sibling files: "<file>.br", "<file>.gz".
enum class Coding { kIdentity, kGzip, kBrotli };

/// A quality value in thousandths (q=0.5 → 500), or kUnstated when the header does not name it.
inline constexpr int kUnstated = -1;

/// What one Accept-Encoding header states about the codings the server knows. Names are
/// case-insensitive; "x-gzip" is gzip. An entry with a malformed weight is ignored (as if absent),
/// other parameters are ignored; past kMaxEntries entries or kMaxHeaderBytes bytes the rest of the
/// header is ignored.
struct AcceptEncoding {
  int br = kUnstated;
  int gzip = kUnstated;
  int identity = kUnstated;
  int any = kUnstated;  // "*": every coding not named

  /// The weight the header gives `coding` (0–1000): its own entry, else "*", else 0 for a
  /// compression and 1000 for identity (identity is acceptable unless refused by name or by "*;q=0").
  [[nodiscard]] int quality(Coding coding) const;

  friend bool operator==(const AcceptEncoding&, const AcceptEncoding&) = default;
};

inline constexpr std::size_t kMaxAcceptEncodingEntries = 64;
inline constexpr std::size_t kMaxAcceptEncodingBytes = 4096;

/// Parses a header value ("gzip, deflate, br;q=0.9", "*;q=0, identity"). Never fails: what it
/// cannot read it ignores. Pure.
[[nodiscard]] AcceptEncoding parse_accept_encoding(std::string_view value);

/// The coding to send a file in: the available one with the highest weight above 0; on a tie
/// brotli, then gzip (the smaller), then identity. When the header accepts nothing available
/// (every weight 0) the answer is identity anyway, as most servers do, rather than 406. `header`
/// null: the request has no Accept-Encoding, and gets identity.
[[nodiscard]] Coding choose_coding(const AcceptEncoding* header, bool br_available, bool gzip_available);

/// "br", "gzip" or "" (identity) for the Content-Encoding header.
[[nodiscard]] std::string_view content_encoding_of(Coding coding);

}  // namespace atlas::server::internal
