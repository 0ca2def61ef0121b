#include "model/error.hpp"

#include <fmt/format.h>

#include "model/text.hpp"

namespace atlas {

std::string Error::to_string() const {
  // File names, fields and messages may quote user input: echo_safe keeps control characters
  // and invalid bytes out of terminals and logs.
  std::string out;
  if (!where.file.empty()) {
    out += echo_safe(where.file);
    if (where.line > 0) out += fmt::format(":{}", where.line);
    if (where.column > 0) out += fmt::format(":{}", where.column);
    out += ": ";
  } else if (where.column > 0) {
    out += fmt::format("column {}: ", where.column);
  }
  if (!field.empty()) out += echo_safe(field) + ": ";
  out += echo_safe(message);
  return out;
}

std::unexpected<Error> fail(ErrorCode code, std::string message, std::string field, Location where) {
  return std::unexpected(Error{code, std::move(message), std::move(where), std::move(field)});
}

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidAmount:
      return "invalid-amount";
    case ErrorCode::kInvalidPeriod:
      return "invalid-period";
    case ErrorCode::kInvalidDate:
      return "invalid-date";
    case ErrorCode::kInvalidCreditCode:
      return "invalid-credit-code";
    case ErrorCode::kInvalidValue:
      return "invalid-value";
    case ErrorCode::kMissingField:
      return "missing-field";
    case ErrorCode::kUnknownField:
      return "unknown-field";
    case ErrorCode::kUnknownReference:
      return "unknown-reference";
    case ErrorCode::kDuplicateKey:
      return "duplicate-key";
    case ErrorCode::kMalformedCsv:
      return "malformed-csv";
    case ErrorCode::kMalformedPlan:
      return "malformed-plan";
    case ErrorCode::kSyntaxError:
      return "syntax-error";
    case ErrorCode::kTypeError:
      return "type-error";
    case ErrorCode::kStoreError:
      return "store-error";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kIo:
      return "io-error";
    case ErrorCode::kInvalidArgument:
      return "invalid-argument";
    case ErrorCode::kLimitExceeded:
      return "limit-exceeded";
  }
  return "unknown";
}

}  // namespace atlas
