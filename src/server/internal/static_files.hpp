// Files of the built web app (web/dist): request path → a file inside the root, never outside.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

#include "server/internal/accept_encoding.hpp"

namespace atlas::server::internal {

/// A file to send and how to label it.
struct StaticFile {
  std::filesystem::path path;      // canonical, inside the root
  std::string_view content_type;   // "text/html; charset=utf-8" …
  std::string_view cache_control;  // immutable for /assets/*, "no-cache" otherwise
};

/// The bytes to send for a StaticFile: the file itself or a precompressed sibling.
struct EncodedFile {
  std::filesystem::path path;         // the file, or "<file>.br" / "<file>.gz" beside it
  std::string_view content_encoding;  // "br", "gzip", or "" (the file itself)
};

/// Why no file answers a path.
enum class StaticMiss {
  kBadPath,   // not a clean path: bad %-escape, NUL, backslash, a "." or ".." segment
  kNotFound,  // no such file (and not a page route of the app)
  kNotBuilt,  // the root or its index.html is missing
};

/// Resolves request targets against one root directory. Immutable after construction;
/// thread-safe.
class StaticFiles {
 public:
  /// `root` may be empty or missing: every lookup then misses with kNotBuilt (or kBadPath).
  explicit StaticFiles(const std::filesystem::path& root);

  /// Maps an origin-form target ("/assets/app-1a2b.js?v=1", percent-encoded) to a file. A path
  /// whose last segment has no extension and names no file is a route of the single-page app and
  /// gets index.html. The result always lies inside the root (symlinks resolved).
  [[nodiscard]] std::expected<StaticFile, StaticMiss> resolve(std::string_view target) const;

  /// What to send for `file` to a client whose Accept-Encoding is `accept` (null: the request has
  /// none): the precompressed sibling "<file>.br" or "<file>.gz" (built by Vite) that the client
  /// accepts best, when it is a regular file inside the root; else the file itself.
  [[nodiscard]] EncodedFile encoded(const StaticFile& file, const AcceptEncoding* accept) const;

  /// The root as given to the constructor (for messages).
  [[nodiscard]] const std::filesystem::path& given_root() const { return given_; }

 private:
  [[nodiscard]] std::expected<StaticFile, StaticMiss> index() const;
  [[nodiscard]] bool inside_root(const std::filesystem::path& p) const;

  std::filesystem::path given_;
  std::filesystem::path root_;  // canonical, or empty when there is no such directory
};

/// The Content-Type for a file name by its extension (application/octet-stream when unknown).
[[nodiscard]] std::string_view content_type_for(const std::filesystem::path& file);

/// Percent-decodes a URL path (no '+' rule: that is for query strings). kBadPath on a malformed
/// escape ("%2", "%zz"). Pure.
[[nodiscard]] std::expected<std::string, StaticMiss> decode_path(std::string_view encoded);

}  // namespace atlas::server::internal
