#include "query/internal/lexer.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace atlas::query::internal {
namespace {

constexpr std::string_view kYi = "亿";
constexpr std::string_view kWan = "万";
constexpr std::string_view kYuanSign = "元";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_word_char(char c) {
  return is_letter(c) || is_digit(c);
}

// Full-width punctuation an input method slips in, with the ASCII character meant.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kFullWidth{{
    {"（", "("},
    {"）", ")"},
    {"＝", "="},
    {"＜", "<"},
    {"＞", ">"},
    {"“", "\""},
    {"”", "\""},
    {"！", "!"},
    {"．", "."},
    {"～", "~"},
    {"／", "/"},
    {"÷", "/"},
}};

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}

  Result<std::vector<Token>> run() {
    while (true) {
      skip_space();
      if (at_end()) break;
      auto token = next();
      if (!token) return std::unexpected(token.error());
      tokens_.push_back(std::move(*token));
    }
    tokens_.push_back(make(TokenKind::kEnd, source_.size(), ""));
    return std::move(tokens_);
  }

 private:
  bool at_end() const { return pos_ >= source_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < source_.size() ? source_[pos_ + ahead] : '\0';
  }
  bool starts_with(std::string_view s) const { return source_.substr(pos_).starts_with(s); }
  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      ++pos_;
  }

  Token make(TokenKind kind, std::size_t start, std::string text) {
    return Token{kind, std::move(text), SourcePos{static_cast<std::uint32_t>(start), column_of(start)}};
  }
  std::unexpected<Error> error_at(std::size_t offset, std::string message) {
    return fail(ErrorCode::kSyntaxError, std::move(message), {}, Location{{}, 0, column_of(offset)});
  }

  // Columns are asked for in ascending offsets (tokens in order, or an error at or after the last
  // token), so counting on from the previous answer keeps lexing linear in the source length.
  std::uint32_t column_of(std::size_t offset) {
    if (offset < counted_offset_) {
      counted_offset_ = 0;
      counted_column_ = 1;
    }
    const std::string_view between = source_.substr(counted_offset_, offset - counted_offset_);
    counted_column_ = column_at(between, between.size()) + counted_column_ - 1;
    counted_offset_ = offset;
    return counted_column_;
  }

  Result<Token> next() {
    const char c = peek();
    if (is_letter(c)) return word();
    if (is_digit(c)) return number();
    if (c == '"') return string();
    return punctuation();
  }

  Token word() {
    const std::size_t start = pos_;
    while (is_word_char(peek()) || (peek() == '-' && is_word_char(peek(1))))
      ++pos_;
    const std::string_view text = source_.substr(start, pos_ - start);
    return make(keyword_kind(text), start, std::string(text));
  }

  static TokenKind keyword_kind(std::string_view text) {
    if (text == "where") return TokenKind::kWhere;
    if (text == "in") return TokenKind::kIn;
    if (text == "and") return TokenKind::kAnd;
    if (text == "or") return TokenKind::kOr;
    if (text == "not") return TokenKind::kNot;
    return TokenKind::kIdentifier;
  }

  // An amount (10亿, 1,234.5万元, 2.5e9) or a month (2025-09, 2025-01~09). Validation of the
  // digits happens where the meaning is known (parser for periods, checker for amounts).
  Token number() {
    const std::size_t start = pos_;
    bool all_digits = true;
    while (true) {
      if (is_digit(peek())) {
        ++pos_;
      } else if ((peek() == '.' || peek() == ',') && is_digit(peek(1))) {
        all_digits = false;
        ++pos_;
      } else if ((peek() == 'e' || peek() == 'E') && exponent_follows()) {
        all_digits = false;
        pos_ += is_digit(peek(1)) ? 1 : 2;
      } else {
        break;
      }
    }
    if (all_digits && peek() == '-' && is_digit(peek(1))) return monthly(start);
    if (starts_with(kYi))
      pos_ += kYi.size();
    else if (starts_with(kWan))
      pos_ += kWan.size();
    if (starts_with(kYuanSign)) pos_ += kYuanSign.size();
    return make(TokenKind::kNumber, start, std::string(source_.substr(start, pos_ - start)));
  }

  bool exponent_follows() const {
    return is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2)));
  }

  Token monthly(std::size_t start) {
    auto digits = [&] {
      while (is_digit(peek()))
        ++pos_;
    };
    ++pos_;  // '-'
    digits();
    if (peek() == '-' && is_digit(peek(1))) {  // a day: 2025-09-30 (rejected by the parser)
      ++pos_;
      digits();
    }
    if ((peek() == '~') && is_digit(peek(1))) {
      ++pos_;
      digits();
    }
    return make(TokenKind::kMonthly, start, std::string(source_.substr(start, pos_ - start)));
  }

  Result<Token> string() {
    const std::size_t start = pos_++;
    std::string text;
    while (!at_end() && peek() != '"') {
      if (peek() == '\\' && (peek(1) == '"' || peek(1) == '\\')) ++pos_;
      text.push_back(source_[pos_++]);
    }
    if (at_end()) return error_at(start, "unterminated string: a closing \" is missing");
    ++pos_;
    return make(TokenKind::kString, start, std::move(text));
  }

  Result<Token> punctuation() {
    static constexpr std::array<std::pair<std::string_view, TokenKind>, 12> kSymbols{{
        {"!=", TokenKind::kNotEqual},
        {"<=", TokenKind::kLessEqual},
        {">=", TokenKind::kGreaterEqual},
        {"..", TokenKind::kDotDot},
        {"(", TokenKind::kLeftParen},
        {")", TokenKind::kRightParen},
        {"<", TokenKind::kLess},
        {">", TokenKind::kGreater},
        {"=", TokenKind::kEqual},
        {"≥", TokenKind::kGreaterEqual},
        {"≤", TokenKind::kLessEqual},
        {"/", TokenKind::kSlash},
    }};
    const std::size_t start = pos_;
    if (auto hint = misuse_hint()) return error_at(start, *hint);
    for (const auto& [text, kind] : kSymbols) {
      if (!starts_with(text)) continue;
      pos_ += text.size();
      return make(kind, start, std::string(text));
    }
    return error_at(start, fmt::format("unexpected character \"{}\"", current_character()));
  }

  std::optional<std::string> misuse_hint() const {
    if (starts_with("==")) return "use = (a single equals sign) to compare";
    if (starts_with("&&")) return "use the word and instead of &&";
    if (starts_with("||")) return "use the word or instead of ||";
    for (const auto& [wide, ascii] : kFullWidth) {
      if (starts_with(wide)) {
        return fmt::format("full-width \"{}\": type the ASCII character \"{}\" instead", wide, ascii);
      }
    }
    return std::nullopt;
  }

  std::string_view current_character() const {
    std::size_t end = pos_ + 1;
    while (end < source_.size() && (static_cast<unsigned char>(source_[end]) & 0xC0) == 0x80)
      ++end;
    return source_.substr(pos_, end - pos_);
  }

  std::string_view source_;
  std::size_t pos_ = 0;
  std::vector<Token> tokens_;
  std::size_t counted_offset_ = 0;
  std::uint32_t counted_column_ = 1;
};

}  // namespace

Result<std::vector<Token>> lex(std::string_view source) {
  return Lexer(source).run();
}

std::uint32_t column_at(std::string_view source, std::size_t offset) {
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < offset && i < source.size(); ++i) {
    if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::kEnd:
      return "the end of the indicator";
    case TokenKind::kString:
      return fmt::format("the string \"{}\"", token.text);
    default:
      return fmt::format("\"{}\"", token.text);
  }
}

}  // namespace atlas::query::internal
