#include "model/credit_code.hpp"

#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace atlas {
namespace {

// Public codes whose check character was verified by hand with GB 32100-2015, e.g.
// 91110000600037341L: Σ c_i·W_i = 9·1 + 1·3 + 1·9 + 1·27 + 6·20 + 3·8 + 7·24 + 3·10 + 4·30 + 1·28
// = 538; 538 mod 31 = 11; 31 − 11 = 20 → 'L'.
constexpr const char* kValidCodes[] = {
    "91110000600037341L", "91350100M000100Y43", "914403001922038216",
    "9144030071526726XG", "91440300192317458F", "91310000MA1FL4B24G",
};

std::string error_of(std::string_view code) {
  const auto result = validate_credit_code(code);
  EXPECT_FALSE(result.has_value()) << code;
  if (result) return {};
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidCreditCode);
  return result.error().message;
}

TEST(CreditCodeCheckChar, ComputesTheGb32100CheckCharacter) {
  for (const std::string code : kValidCodes) {
    EXPECT_EQ(credit_code_check_char(code.substr(0, 17)), code.back()) << code;
  }
}

TEST(CreditCodeCheckChar, MapsARemainderOfZeroToCheckCharacterZero) {
  EXPECT_EQ(credit_code_check_char("00000000000000000"), '0');  // 31 − 0 = 31 → 0
  EXPECT_EQ(credit_code_check_char("10000000000000000"), 'Y');  // 31 − 1 = 30 → 'Y'
  EXPECT_EQ(credit_code_check_char("01000000000000000"), 'W');  // 31 − 3 = 28 → 'W'
}

TEST(ValidateCreditCode, AcceptsValidCodes) {
  for (const char* code : kValidCodes) {
    const auto result = validate_credit_code(code);
    ASSERT_TRUE(result.has_value()) << code << ": " << result.error().message;
    EXPECT_EQ(*result, code);
  }
  EXPECT_TRUE(validate_credit_code("000000000000000000").has_value());
}

TEST(ValidateCreditCode, UpperCasesLowerCaseLetters) {
  const auto result = validate_credit_code("91310000ma1fl4b24g");
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(*result, "91310000MA1FL4B24G");
}

TEST(ValidateCreditCode, ReportsTheLengthFound) {
  EXPECT_EQ(error_of("91110000600037341"),
            "\"91110000600037341\" is not a unified social credit code: it has 17 characters, a code has 18");
  EXPECT_NE(error_of("91110000600037341LL").find("it has 19 characters"), std::string::npos);
  EXPECT_NE(error_of("").find("it has 0 characters"), std::string::npos);
}

TEST(ValidateCreditCode, CountsCharactersNotBytes) {
  // A full-width digit is one character (three bytes): the length is right, the character is not.
  EXPECT_EQ(error_of("9111000060003734１L"),
            "\"9111000060003734１L\" is not a unified social credit code: character 17 '１' is not allowed "
            "(use 0-9 and A-Y without I, O, S, V, Z)");
}

TEST(ValidateCreditCode, RejectsAStrayContinuationByte) {
  // Found by fuzz/values_fuzz: a byte 0x80-0xBF that follows no lead byte counted as no character,
  // so 18 characters plus one stray byte passed as a valid 19-byte code.
  const std::string leading = std::string("\xBD") + "91110000600037341L";
  EXPECT_NE(error_of(leading).find("character 1 "), std::string::npos);
  // After an ASCII character, the stray byte makes that character (the 10th) a bad one.
  const std::string inside = std::string("9111000060\x80") + "0037341L";
  EXPECT_NE(error_of(inside).find("character 10 "), std::string::npos);
}

TEST(ValidateCreditCode, NamesThePositionOfABadCharacter) {
  for (const char bad : {'I', 'O', 'S', 'V', 'Z', 'i', '-', ' '}) {
    std::string code = "91110000600037341L";
    code[8] = bad;
    EXPECT_NE(error_of(code).find(fmt::format("character 9 '{}' is not allowed", bad)), std::string::npos)
        << code;
  }
}

TEST(ValidateCreditCode, SaysWhichCheckCharacterWasExpected) {
  EXPECT_EQ(error_of("91110000600037341M"),
            "\"91110000600037341M\" is not a unified social credit code: the check character is wrong: "
            "expected 'L', found 'M'");
}

TEST(ValidateCreditCode, DetectsEverySingleCharacterChange) {
  constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  for (const std::string valid : kValidCodes) {
    for (std::size_t position = 0; position < valid.size(); ++position) {
      for (const char replacement : kCharset) {
        if (replacement == valid[position]) continue;
        std::string corrupted = valid;
        corrupted[position] = replacement;
        ASSERT_FALSE(validate_credit_code(corrupted).has_value()) << corrupted;
      }
    }
  }
}

TEST(ValidateCreditCode, DetectsSwappedNeighbours) {
  for (const std::string valid : kValidCodes) {
    for (std::size_t i = 0; i + 2 < valid.size(); ++i) {
      if (valid[i] == valid[i + 1]) continue;
      std::string swapped = valid;
      std::swap(swapped[i], swapped[i + 1]);
      EXPECT_NE(error_of(swapped).find("check character is wrong"), std::string::npos) << swapped;
    }
  }
}

}  // namespace
}  // namespace atlas
