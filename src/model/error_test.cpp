#include "model/error.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace atlas {
namespace {

TEST(ErrorToString, ShowsFileLineColumnFieldAndMessage) {
  const Error error{
      ErrorCode::kInvalidAmount, "\"x\" is not an amount", {"observations.csv", 12, 4}, "value"};
  EXPECT_EQ(error.to_string(), "observations.csv:12:4: value: \"x\" is not an amount");
}

TEST(ErrorToString, LeavesOutTheUnknownParts) {
  EXPECT_EQ((Error{ErrorCode::kIo, "disk full", {}, {}}).to_string(), "disk full");
  EXPECT_EQ((Error{ErrorCode::kMissingField, "is required", {}, "name_zh"}).to_string(),
            "name_zh: is required");
  EXPECT_EQ((Error{ErrorCode::kMalformedPlan, "bad", {"plan.toml", 3, 0}, {}}).to_string(),
            "plan.toml:3: bad");
  EXPECT_EQ((Error{ErrorCode::kIo, "cannot open", {"a.csv", 0, 0}, {}}).to_string(), "a.csv: cannot open");
}

TEST(ErrorToString, ShowsAColumnWithoutAFileAsAColumn) {
  // The indicator language reports a character offset in a text that has no file.
  EXPECT_EQ((Error{ErrorCode::kSyntaxError, "expected ')'", {{}, 0, 17}, {}}).to_string(),
            "column 17: expected ')'");
  EXPECT_EQ((Error{ErrorCode::kUnknownField, "no such field", {{}, 0, 5}, "where"}).to_string(),
            "column 5: where: no such field");
}

TEST(ErrorToString, EscapesControlCharactersAndInvalidBytesItQuotes) {
  // A hostile cell or file name must not reach a terminal as raw ESC / NUL / invalid UTF-8.
  const Error error{ErrorCode::kInvalidValue,
                    "'\x1b[2J\xFF' is not an id",
                    {std::string("in\x1b]0;x\a.csv"), 2, 1},
                    std::string("na\0me", 5)};
  EXPECT_EQ(error.to_string(), "in\\u{1B}]0;x\\u{7}.csv:2:1: na\\u{0}me: '\\u{1B}[2J\\xFF' is not an id");
}

TEST(Fail, BuildsAnUnexpectedErrorForAResult) {
  const Result<int> result = fail(ErrorCode::kNotFound, "no enterprise \"x\"", "enterprise", {"f.csv", 2, 1});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(result.error().message, "no enterprise \"x\"");
  EXPECT_EQ(result.error().field, "enterprise");
  EXPECT_EQ(result.error().where.file, "f.csv");
  EXPECT_EQ(result.error().to_string(), "f.csv:2:1: enterprise: no enterprise \"x\"");
}

TEST(ErrorCodeName, GivesAStableKebabCaseNamePerCode) {
  EXPECT_STREQ(error_code_name(ErrorCode::kInvalidAmount), "invalid-amount");
  EXPECT_STREQ(error_code_name(ErrorCode::kInvalidCreditCode), "invalid-credit-code");
  EXPECT_STREQ(error_code_name(ErrorCode::kIo), "io-error");
  EXPECT_STREQ(error_code_name(ErrorCode::kInvalidArgument), "invalid-argument");
  EXPECT_STREQ(error_code_name(ErrorCode::kLimitExceeded), "limit-exceeded");
  EXPECT_STREQ(error_code_name(static_cast<ErrorCode>(9999)), "unknown");
}

TEST(ErrorCodeName, NamesEveryCodeDistinctly) {
  std::set<std::string> names;
  for (int code = 1; code <= static_cast<int>(ErrorCode::kLimitExceeded); ++code) {
    const std::string name = error_code_name(static_cast<ErrorCode>(code));
    EXPECT_NE(name, "unknown") << code;
    EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz-"), std::string::npos) << name;
    names.insert(name);
  }
  EXPECT_EQ(names.size(), static_cast<std::size_t>(ErrorCode::kLimitExceeded));
}

}  // namespace
}  // namespace atlas
