#include "io/internal/toml_prescan.hpp"

#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include "model/text.hpp"

namespace atlas::io::internal {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

enum class Mode : std::uint8_t { kNormal, kComment, kBasic, kLiteral, kMultiBasic, kMultiLiteral };

std::optional<std::uint32_t> hex_value(std::string_view digits) {
  std::uint32_t value = 0;
  for (const char c : digits) {
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<std::uint32_t>(digit);
  }
  return value;
}

// One pass over the text, one code point at a time, with the position toml++ would report.
class Scanner {
 public:
  Scanner(std::string_view text, const std::string& file, const TomlLimits& limits)
      : text_(text), file_(file), limits_(limits) {}

  std::optional<Error> run() {
    if (text_.starts_with(kByteOrderMark)) at_ = line_start_ = kByteOrderMark.size();
    while (at_ < text_.size() && !error_) {
      step();
    }
    return error_;
  }

 private:
  void problem(std::string reason) {
    if (!error_) error_ = Error{ErrorCode::kMalformedPlan, std::move(reason), {file_, line_, column_}, {}};
  }

  // Decodes and checks the code point at at_, then hands it to the current mode.
  void step() {
    const auto cp = decode_utf8(text_.substr(at_));
    if (!cp)
      return problem(fmt::format("invalid UTF-8 byte \\x{:02X}", static_cast<unsigned char>(text_[at_])));
    const bool crlf = cp->value == '\r' && text_.substr(at_ + 1).starts_with('\n');
    if (is_refused_control(cp->value) && !crlf) {
      return problem(fmt::format("control character U+{:04X} is not allowed", cp->value));
    }
    if (at_ + cp->size - line_start_ > limits_.max_line_bytes) {
      return problem(fmt::format("line longer than {} bytes", limits_.max_line_bytes));
    }
    const std::size_t consumed = handle(cp->value);
    if (error_) return;
    advance(consumed == 0 ? cp->size : consumed);
  }

  // Moves past `bytes` bytes of the current line (no newline inside but possibly at the end).
  void advance(std::size_t bytes) {
    for (const std::size_t stop = at_ + bytes; at_ < stop;) {
      const char c = text_[at_];
      at_ += decode_utf8(text_.substr(at_)).value_or(CodePoint{0, 1}).size;
      if (c == '\n') {
        ++line_;
        column_ = 1;
        line_start_ = at_;
      } else {
        ++column_;
      }
    }
  }

  bool ahead(std::string_view s) const { return text_.substr(at_).starts_with(s); }

  // Acts on one code point; returns how many bytes it consumed when more than the code point.
  std::size_t handle(std::uint32_t c) {
    switch (mode_) {
      case Mode::kNormal:
        return normal(c);
      case Mode::kComment:
        if (c == '\n') mode_ = Mode::kNormal;
        return 0;
      case Mode::kLiteral:
        if (c == '\'' || c == '\n') mode_ = Mode::kNormal;  // a newline: toml++ reports it
        return 0;
      case Mode::kMultiLiteral:
        if (ahead("'''")) return close_multi('\'');
        return 0;
      case Mode::kBasic:
        if (c == '"' || c == '\n') mode_ = Mode::kNormal;
        return c == '\\' ? escape() : 0;
      case Mode::kMultiBasic:
        if (ahead("\"\"\"")) return close_multi('"');
        return c == '\\' ? escape() : 0;
    }
    return 0;
  }

  // `'''` or `"""` closes a multi-line string; up to two more quotes belong to its content.
  std::size_t close_multi(char quote) {
    std::size_t n = 3;
    while (n < 5 && at_ + n < text_.size() && text_[at_ + n] == quote)
      ++n;
    mode_ = Mode::kNormal;
    return n;
  }

  std::size_t normal(std::uint32_t c) {
    switch (c) {
      case '#':
        mode_ = Mode::kComment;
        return 0;
      case '"':
        mode_ = ahead("\"\"\"") ? Mode::kMultiBasic : Mode::kBasic;
        return mode_ == Mode::kMultiBasic ? 3 : 1;
      case '\'':
        mode_ = ahead("'''") ? Mode::kMultiLiteral : Mode::kLiteral;
        return mode_ == Mode::kMultiLiteral ? 3 : 1;
      case '[':
      case '{':
        key_parts_ = 1;
        if (++depth_ > limits_.max_depth) {
          problem(fmt::format("arrays and tables nested more than {} deep", limits_.max_depth));
        }
        return 0;
      case ']':
      case '}':
        if (depth_ > 0) --depth_;
        key_parts_ = 1;
        return 0;
      case '=':
      case ',':
      case '\n':
        key_parts_ = 1;
        return 0;
      case '.':
        if (++key_parts_ > limits_.max_key_parts) {
          problem(fmt::format("a dotted key has more than {} parts", limits_.max_key_parts));
        }
        return 0;
      default:
        return 0;
    }
  }

  // A backslash in a basic string: refuses escapes that decode to a control character.
  std::size_t escape() {
    const std::string_view rest = text_.substr(at_ + 1);
    if (rest.empty()) return 1;
    const char kind = rest.front();
    std::size_t width = 0;
    switch (kind) {
      case 'b':
      case 'f':
      case 'e':
        return refuse_escape(std::string_view(text_.data() + at_, 2));
      case 'r':
        if (!rest.substr(1).starts_with("\\n")) return refuse_escape("\\r");
        return 2;
      case 'x':
        width = 2;
        break;
      case 'u':
        width = 4;
        break;
      case 'U':
        width = 8;
        break;
      case 't':
      case 'n':
      case '"':
      case '\\':
        return 2;
      default:
        return 1;  // a line-ending backslash or a bad escape (toml++ reports it): check what follows
    }
    const auto value = hex_value(rest.substr(1, width));
    if (!value || rest.size() < width + 1) return 2;
    const bool crlf = *value == '\r' && rest.substr(width + 1).starts_with("\\n");
    if (is_refused_control(*value) && !crlf) return refuse_escape(text_.substr(at_, width + 2));
    return width + 2;
  }

  std::size_t refuse_escape(std::string_view escape) {
    problem(fmt::format("escape {} is a control character, which is not allowed", escape));
    return 0;
  }

  std::string_view text_;
  const std::string& file_;
  const TomlLimits& limits_;
  std::size_t at_ = 0;
  std::size_t line_start_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
  Mode mode_ = Mode::kNormal;
  std::size_t depth_ = 0;
  std::size_t key_parts_ = 1;
  std::optional<Error> error_;
};

}  // namespace

std::optional<Error> prescan_toml(std::string_view text, const std::string& file, const TomlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return Error{
        ErrorCode::kMalformedPlan,
        fmt::format("the file has {} bytes; a plan file may have at most {}", text.size(), limits.max_bytes),
        {file, 0, 0},
        {}};
  }
  return Scanner(text, file, limits).run();
}

}  // namespace atlas::io::internal
