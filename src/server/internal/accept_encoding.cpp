#include "server/internal/accept_encoding.hpp"

#include <array>
#include <cctype>

namespace atlas::server::internal {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// A weight (RFC 9110 §12.4.2): "0" ["." up to 3 digits] or "1" ["." up to 3 zeros], in thousandths;
// kUnstated when malformed.
int parse_weight(std::string_view text) {
  if (text.empty() || (text[0] != '0' && text[0] != '1')) return kUnstated;
  const bool one = text[0] == '1';
  int value = one ? 1000 : 0;
  if (text.size() == 1) return value;
  if (text[1] != '.' || text.size() > 5) return kUnstated;
  int scale = 100;
  for (const char c : text.substr(2)) {
    if (c < '0' || c > '9' || (one && c != '0')) return kUnstated;
    value += (c - '0') * scale;
    scale /= 10;
  }
  return value;
}

// One entry: "coding *( OWS ';' OWS param )". Sets the coding's weight unless the entry is
// malformed or the coding is none the server knows.
void read_entry(std::string_view entry, AcceptEncoding& out) {
  const std::size_t semi = entry.find(';');
  const std::string_view name = trim(entry.substr(0, semi));
  if (name.empty()) return;
  int weight = 1000;
  std::string_view params = semi == std::string_view::npos ? std::string_view{} : entry.substr(semi + 1);
  while (!params.empty()) {
    const std::size_t next = params.find(';');
    const std::string_view param = trim(params.substr(0, next));
    params = next == std::string_view::npos ? std::string_view{} : params.substr(next + 1);
    const std::size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;  // a bare token: not a weight
    if (!iequals(trim(param.substr(0, eq)), "q")) continue;
    weight = parse_weight(trim(param.substr(eq + 1)));
    if (weight == kUnstated) return;  // a malformed weight: the entry says nothing
  }
  if (iequals(name, "br")) {
    out.br = weight;
  } else if (iequals(name, "gzip") || iequals(name, "x-gzip")) {
    out.gzip = weight;
  } else if (iequals(name, "identity")) {
    out.identity = weight;
  } else if (name == "*") {
    out.any = weight;
  }
}

}  // namespace

int AcceptEncoding::quality(Coding coding) const {
  const int named = coding == Coding::kBrotli ? br : coding == Coding::kGzip ? gzip : identity;
  if (named != kUnstated) return named;
  if (any != kUnstated) return any;
  return coding == Coding::kIdentity ? 1000 : 0;
}

AcceptEncoding parse_accept_encoding(std::string_view value) {
  AcceptEncoding out;
  if (value.size() > kMaxAcceptEncodingBytes) value = value.substr(0, kMaxAcceptEncodingBytes);
  std::size_t entries = 0;
  while (!value.empty() && entries < kMaxAcceptEncodingEntries) {
    const std::size_t comma = value.find(',');
    const std::string_view entry = value.substr(0, comma);
    value = comma == std::string_view::npos ? std::string_view{} : value.substr(comma + 1);
    if (trim(entry).empty()) continue;  // "gzip,,br": empty list elements do not count
    ++entries;
    read_entry(entry, out);
  }
  return out;
}

Coding choose_coding(const AcceptEncoding* header, bool br_available, bool gzip_available) {
  if (header == nullptr) return Coding::kIdentity;
  Coding best = Coding::kIdentity;
  int best_weight = header->quality(Coding::kIdentity);
  // In order of preference on a tie: a later candidate must weigh strictly more to win, so the
  // list runs from the least to the most preferred and uses >=.
  const std::array<std::pair<Coding, bool>, 2> candidates{
      {{Coding::kGzip, gzip_available}, {Coding::kBrotli, br_available}}};
  for (const auto& [coding, available] : candidates) {
    const int weight = header->quality(coding);
    if (available && weight > 0 && weight >= best_weight) {
      best = coding;
      best_weight = weight;
    }
  }
  return best;
}

std::string_view content_encoding_of(Coding coding) {
  switch (coding) {
    case Coding::kBrotli:
      return "br";
    case Coding::kGzip:
      return "gzip";
    case Coding::kIdentity:
      break;
  }
  return "";
}

}  // namespace atlas::server::internal
