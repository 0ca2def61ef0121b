// Expected failures as values: every module returns Result<T> = std::expected<T, Error>.
#pragma once

#include <cstdint>
#include <expected>
#include <string>

namespace atlas {

/// Stable error codes. Append only: never renumber or reuse a value (they reach API clients).
enum class ErrorCode : std::uint16_t {
  kInvalidAmount = 1,
  kInvalidPeriod = 2,
  kInvalidDate = 3,
  kInvalidCreditCode = 4,
  kInvalidValue = 5,      // a cell that does not parse as its type (bool, count, enum …)
  kMissingField = 6,      // a required column or value is absent
  kUnknownField = 7,      // a column / field name that does not exist
  kUnknownReference = 8,  // an id that names nothing (county, class, enterprise …)
  kDuplicateKey = 9,
  kMalformedCsv = 10,
  kMalformedPlan = 11,  // TOML syntax or structure
  kSyntaxError = 12,    // indicator language
  kTypeError = 13,      // indicator language
  kStoreError = 14,     // SQLite or file-system failure
  kNotFound = 15,
  kIo = 16,
  kInvalidArgument = 17,
  kLimitExceeded = 18,  // input beyond a documented bound (size, depth, terms, work)
};

/// Where a failure happened. Empty / zero members are unknown.
struct Location {
  std::string file;
  std::uint32_t line = 0;    // 1-based; the header of a CSV is line 1
  std::uint32_t column = 0;  // 1-based (CSV: field index; indicator: character offset)
};

/// A failure a user can act on: code, human message (English), location and the field at fault.
struct Error {
  ErrorCode code = ErrorCode::kInvalidValue;
  std::string message;
  Location where;
  std::string field;

  /// "file:line:column: field: message", leaving out the parts that are unknown. Control
  /// characters and invalid UTF-8 in any part are shown escaped (echo_safe in model/text.hpp).
  [[nodiscard]] std::string to_string() const;
};

template <class T>
using Result = std::expected<T, Error>;

/// Shorthand for returning a failure: `return fail(ErrorCode::kInvalidAmount, "…");`.
[[nodiscard]] std::unexpected<Error> fail(ErrorCode code, std::string message, std::string field = {},
                                          Location where = {});

/// Stable, lowercase, kebab-case name of a code ("invalid-amount"), used as the problem `type`.
[[nodiscard]] const char* error_code_name(ErrorCode code);

}  // namespace atlas
