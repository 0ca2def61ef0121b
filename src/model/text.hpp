// Text helpers that carry domain meaning for every module: how close a mistyped name is to a
// known one ("did you mean …?" in import errors and in the indicator language), which input text
// is accepted at all, and how user text is shown inside messages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atlas {

/// Optimal-string-alignment distance between two UTF-8 texts, counted in code points: insertions,
/// deletions, substitutions and transpositions of adjacent characters each cost 1
/// ("segmnt" → "segment" is 1, "产值" → "产量" is 1). Thread-safe.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// Approximate substring distance (Sellers): the least edit distance between `needle` and any
/// substring of `text`, in code points, ASCII letters compared case-insensitively ("嘉园科技" in
/// "广东嘉元科技股份有限公司" is 1). nullopt when it is above `limit` or when either text holds
/// more than kMaxApproximateText code points (the work is needle × text). Thread-safe.
inline constexpr std::size_t kMaxApproximateText = 1024;
[[nodiscard]] std::optional<std::size_t> approximate_substring_distance(std::string_view needle,
                                                                        std::string_view text,
                                                                        std::size_t limit);

/// Number of code points of a UTF-8 text.
[[nodiscard]] std::size_t character_count(std::string_view s);

/// One UTF-8 sequence at the start of a text: its code point and length in bytes.
struct CodePoint {
  std::uint32_t value = 0;
  std::size_t size = 0;
};

/// Decodes the well-formed UTF-8 sequence at the start of `text` (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF); nullopt when `text` is empty or starts with a bad byte.
[[nodiscard]] std::optional<CodePoint> decode_utf8(std::string_view text);

/// True for the code points no input text may hold: C0 controls (U+0000–U+001F) other than TAB and
/// LF, DEL (U+007F) and C1 controls (U+0080–U+009F). CR is refused here too; check_input_text
/// accepts it only as part of a CRLF line end.
[[nodiscard]] bool is_refused_control(std::uint32_t code_point);

/// Why an input text is refused.
struct TextFault {
  std::size_t offset = 0;     // byte offset of the first bad byte
  std::size_t character = 0;  // code points before it (0-based), for a column
  std::string reason;         // "invalid UTF-8 byte \xFF", "control character U+001B is not allowed"
};

/// The rule every text read from a CSV cell or a TOML string / key follows: well-formed UTF-8
/// without control characters, except TAB, LF and CRLF (multi-line notes and quotes keep their
/// line breaks; every writer quotes or escapes them). nullopt when `text` is acceptable.
/// Thread-safe.
[[nodiscard]] std::optional<TextFault> check_input_text(std::string_view text);

/// `text` made safe to show in a message, a log line or a terminal: every byte that is not
/// well-formed UTF-8 becomes `\xNN`, TAB / LF / CR become `\t` / `\n` / `\r`, and every other
/// control character (C0, DEL, C1) becomes `\u{NN}`. Everything else (CJK, quotes …) is kept, so
/// ordinary text comes back unchanged. Every error that quotes user input goes through it
/// (Error::to_string applies it to the whole message). Thread-safe.
[[nodiscard]] std::string echo_safe(std::string_view text);

}  // namespace atlas
