// A pass over the raw text of a plan file before toml++ sees it: it bounds what reaches the
// library (size, line length, dotted-key parts, nesting) and applies the input-text rule of
// model/text.hpp (UTF-8, no control characters) to the bytes and to the escapes of strings, so
// that every refusal is a `file:line:column: reason` of ours instead of a crash or a raw byte.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace atlas::io::internal {

/// What a plan file may hold. toml++ parses dotted keys and nested arrays / inline tables by
/// recursion (a 100 KB line `a.a.a… = 1` overflows the stack), so both are bounded well below
/// anything that could hurt and well above what a plan needs: the deepest key of the format is
/// `[[chain.link]]` (2 parts) and the deepest value `baseline = { … }` (1 level).
struct TomlLimits {
  /// The embedded default plan is about 32 KB; a plan of every county of China would stay under 1 MiB.
  std::size_t max_bytes = std::size_t{4} << 20;
  /// A verbatim quote of the plan is a paragraph (under 2 KB); 64 KiB leaves room for any.
  std::size_t max_line_bytes = std::size_t{64} << 10;
  /// Parts of one dotted key (`a.b.c` has 3), in a table header or before `=`.
  std::size_t max_key_parts = 16;
  /// Arrays and inline tables inside each other (`[[1]]` is 2); a table header counts too.
  std::size_t max_depth = 16;
};

/// Checks `text` (a plan file, possibly starting with a UTF-8 byte order mark) against `limits`
/// and the input-text rule: well-formed UTF-8, no control character but TAB, LF and CRLF in the
/// bytes, and no escape in a basic string (`\b`, `\f`, `\u001B`, `\U0000007F` …) that decodes to
/// one. Returns the first problem as kMalformedPlan at `file`:line:column (column in code points,
/// as toml++ counts them), or nullopt when toml++ may parse the text. The scan follows TOML's
/// lexical structure (comments, the four kinds of strings, brackets) but does not check its
/// grammar: toml++ reports syntax errors. Thread-safe; linear in the size of `text`.
[[nodiscard]] std::optional<Error> prescan_toml(std::string_view text, const std::string& file,
                                                const TomlLimits& limits = {});

}  // namespace atlas::io::internal
