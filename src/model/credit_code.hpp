// Unified social credit code (统一社会信用代码), GB 32100-2015.
#pragma once

#include <string>
#include <string_view>

#include "model/error.hpp"

namespace atlas {

/// Checks an 18-character code: charset 0-9 and A-Y without I, O, S, V, Z; the check digit
/// (weights 3^i mod 31). Lowercase letters are accepted and upper-cased in the result.
/// Fails with kInvalidCreditCode and a message that says which rule failed (length, character at
/// a position, check digit expected vs found).
[[nodiscard]] Result<std::string> validate_credit_code(std::string_view code);

/// The check character for the first 17 characters (which must already be valid characters).
[[nodiscard]] char credit_code_check_char(std::string_view first17);

}  // namespace atlas
