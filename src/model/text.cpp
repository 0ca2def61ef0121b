#include "model/text.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

namespace atlas {
namespace {

std::vector<std::uint32_t> code_points(std::string_view s) {
  std::vector<std::uint32_t> out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80 && !out.empty()) {
      out.back() = (out.back() << 6) | (byte & 0x3F);
    } else {
      out.push_back(byte);
    }
  }
  return out;
}

std::uint32_t fold_ascii(std::uint32_t c) {
  return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

}  // namespace

std::optional<std::size_t> approximate_substring_distance(std::string_view needle, std::string_view text,
                                                          std::size_t limit) {
  if (character_count(needle) > kMaxApproximateText || character_count(text) > kMaxApproximateText) {
    return std::nullopt;
  }
  auto a = code_points(needle);
  auto b = code_points(text);
  for (auto& c : a)
    c = fold_ascii(c);
  for (auto& c : b)
    c = fold_ascii(c);
  // column[i]: the distance of needle[0, i) to the best substring of text ending at the current
  // position. A substring may start anywhere, so row 0 is 0 for every position.
  std::vector<std::size_t> column(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i)
    column[i] = i;
  std::size_t best = column[a.size()];
  for (const std::uint32_t t : b) {
    std::size_t diagonal = column[0];  // previous column, row i - 1
    column[0] = 0;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      const std::size_t above = column[i];  // previous column, row i
      const std::size_t cost = a[i - 1] == t ? 0 : 1;
      column[i] = std::min({above + 1, column[i - 1] + 1, diagonal + cost});
      diagonal = above;
    }
    best = std::min(best, column[a.size()]);
  }
  if (best > limit) return std::nullopt;
  return best;
}

std::size_t character_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::size_t edit_distance(std::string_view a_text, std::string_view b_text) {
  const auto a = code_points(a_text);
  const auto b = code_points(b_text);
  const std::size_t width = b.size() + 1;
  // Three rows: the one before the previous one is needed for transpositions.
  std::vector<std::size_t> before(width), previous(width), current(width);
  for (std::size_t j = 0; j < width; ++j)
    previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j < width; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<CodePoint> decode_utf8(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return CodePoint{lead, 1};
  std::size_t size = 0;
  std::uint32_t value = 0;
  std::uint32_t min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    size = 2, value = lead & 0x1FU, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    size = 3, value = lead & 0x0FU, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    size = 4, value = lead & 0x07U, min = 0x10000;
  } else {
    return std::nullopt;  // a continuation byte, an overlong lead (C0, C1) or F5–FF
  }
  if (text.size() < size) return std::nullopt;
  for (std::size_t i = 1; i < size; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return std::nullopt;
    value = (value << 6) | (byte(i) & 0x3FU);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
  return CodePoint{value, size};
}

bool is_refused_control(std::uint32_t cp) {
  if (cp == '\t' || cp == '\n') return false;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

std::optional<TextFault> check_input_text(std::string_view text) {
  std::size_t characters = 0;
  for (std::size_t at = 0; at < text.size(); ++characters) {
    // ASCII fast path: most input is plain ASCII.
    const auto c = static_cast<unsigned char>(text[at]);
    if (c >= 0x20 && c < 0x7F) {
      ++at;
      continue;
    }
    const auto cp = decode_utf8(text.substr(at));
    if (!cp) {
      return TextFault{at, characters, fmt::format("invalid UTF-8 byte \\x{:02X}", c)};
    }
    const bool crlf = cp->value == '\r' && at + 1 < text.size() && text[at + 1] == '\n';
    if (is_refused_control(cp->value) && !crlf) {
      return TextFault{at, characters, fmt::format("control character U+{:04X} is not allowed", cp->value)};
    }
    at += cp->size;
  }
  return std::nullopt;
}

std::string echo_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const auto cp = decode_utf8(text.substr(at));
    if (!cp) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[at]));
      ++at;
      continue;
    }
    if (cp->value == '\t') {
      out += "\\t";
    } else if (cp->value == '\n') {
      out += "\\n";
    } else if (cp->value == '\r') {
      out += "\\r";
    } else if (is_refused_control(cp->value)) {
      out += fmt::format("\\u{{{:X}}}", cp->value);
    } else {
      out.append(text.substr(at, cp->size));
    }
    at += cp->size;
  }
  return out;
}

}  // namespace atlas
