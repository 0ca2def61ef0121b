#include "server/internal/static_files.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <system_error>
#include <utility>
#include <vector>

namespace atlas::server::internal {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kNoCache = "no-cache";

constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".gif", "image/gif"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
}};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The clean segments of a decoded path, or kBadPath.
std::expected<std::vector<std::string>, StaticMiss> segments_of(std::string_view path) {
  if (path.empty() || path[0] != '/') return std::unexpected(StaticMiss::kBadPath);
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) {
    return std::unexpected(StaticMiss::kBadPath);
  }
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view seg = path.substr(start, end - start);
    if (seg == "." || seg == "..") return std::unexpected(StaticMiss::kBadPath);
    if (!seg.empty()) segments.emplace_back(seg);
    start = end + 1;
  }
  return segments;
}

}  // namespace

std::string_view content_type_for(const fs::path& file) {
  std::string ext = file.extension().string();
  std::ranges::transform(ext, ext.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return type;
  }
  return "application/octet-stream";
}

std::expected<std::string, StaticMiss> decode_path(std::string_view encoded) {
  std::string out;
  out.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '%') {
      out += encoded[i];
      continue;
    }
    if (i + 2 >= encoded.size()) return std::unexpected(StaticMiss::kBadPath);
    const int hi = hex_value(encoded[i + 1]);
    const int lo = hex_value(encoded[i + 2]);
    if (hi < 0 || lo < 0) return std::unexpected(StaticMiss::kBadPath);
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

StaticFiles::StaticFiles(const fs::path& root) : given_(root) {
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return;
  root_ = fs::canonical(root, ec);
  if (ec) root_.clear();
}

bool StaticFiles::inside_root(const fs::path& p) const {
  const auto [root_end, p_it] = std::mismatch(root_.begin(), root_.end(), p.begin(), p.end());
  return root_end == root_.end() && p_it != p.end();
}

std::expected<StaticFile, StaticMiss> StaticFiles::index() const {
  std::error_code ec;
  const fs::path file = root_ / "index.html";
  if (root_.empty() || !fs::is_regular_file(file, ec)) return std::unexpected(StaticMiss::kNotBuilt);
  return StaticFile{file, content_type_for(file), kNoCache};
}

EncodedFile StaticFiles::encoded(const StaticFile& file, const AcceptEncoding* accept) const {
  if (accept == nullptr) return {file.path, {}};
  auto sibling = [&](std::string_view suffix) {
    fs::path p = file.path;
    p += suffix;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return fs::path{};
    p = fs::weakly_canonical(p, ec);
    return ec || !inside_root(p) ? fs::path{} : p;
  };
  const fs::path br = sibling(".br");
  const fs::path gz = sibling(".gz");
  switch (choose_coding(accept, !br.empty(), !gz.empty())) {
    case Coding::kBrotli:
      return {br, content_encoding_of(Coding::kBrotli)};
    case Coding::kGzip:
      return {gz, content_encoding_of(Coding::kGzip)};
    case Coding::kIdentity:
      break;
  }
  return {file.path, {}};
}

std::expected<StaticFile, StaticMiss> StaticFiles::resolve(std::string_view target) const {
  auto decoded = decode_path(target.substr(0, target.find_first_of("?#")));
  if (!decoded) return std::unexpected(decoded.error());
  auto segments = segments_of(*decoded);
  if (!segments) return std::unexpected(segments.error());
  if (root_.empty()) return std::unexpected(StaticMiss::kNotBuilt);
  if (segments->empty()) return index();

  fs::path relative;
  for (const auto& s : *segments)
    relative /= s;
  std::error_code ec;
  const fs::path file = fs::weakly_canonical(root_ / relative, ec);
  if (ec || !inside_root(file)) return std::unexpected(StaticMiss::kNotFound);
  if (fs::is_regular_file(file, ec)) {
    const bool hashed = segments->size() > 1 && segments->front() == "assets";
    const bool html = file.extension() == ".html";
    return StaticFile{file, content_type_for(file), hashed && !html ? kImmutable : kNoCache};
  }
  // A route of the single-page app (/enterprises/x): the app's index.html handles it.
  if (fs::path(segments->back()).extension().empty()) return index();
  return std::unexpected(StaticMiss::kNotFound);
}

}  // namespace atlas::server::internal
