// Tokens of the indicator language. Internal to query/: the parser is the only client.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "query/ast.hpp"

namespace atlas::query::internal {

enum class TokenKind : std::uint8_t {
  kIdentifier,  // count, output_value, provincial, lead-park (a hyphen may join words)
  kNumber,      // 2025, 10亿, 5000万, 2.5e9, 1,234.5万元
  kMonthly,     // 2025-09, 2025-01~09 (a number followed directly by -MM)
  kString,      // "electric" (text holds the decoded contents)
  kWhere,
  kIn,
  kAnd,
  kOr,
  kNot,
  kLeftParen,
  kRightParen,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kDotDot,
  kSlash,  // the "/" of a ratio
  kEnd,    // one past the last character
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // the source text of the token; a string's decoded contents
  SourcePos pos;
};

/// Splits `source` into tokens ending with one kEnd token. Fails with kSyntaxError at the column
/// of an unexpected character (with a hint for full-width punctuation, `==`, `&&`, `||`) or of
/// the opening quote of an unterminated string. Thread-safe (pure).
[[nodiscard]] Result<std::vector<Token>> lex(std::string_view source);

/// "where", "(", "a number" …: how an error message names a token kind.
[[nodiscard]] std::string describe(const Token& token);

/// The 1-based column of byte `offset`: UTF-8 code points before it, plus one.
[[nodiscard]] std::uint32_t column_at(std::string_view source, std::size_t offset);

}  // namespace atlas::query::internal
