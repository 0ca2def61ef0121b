#include "store/internal/json.hpp"

#include <gtest/gtest.h>

namespace atlas::store_internal {
namespace {

std::string quoted(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(quoted("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(quoted("\n\r\t\b\f"), R"("\n\r\t\b\f")");
  EXPECT_EQ(quoted(std::string_view("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
  EXPECT_EQ(quoted("/\x7f"), "\"/\x7f\"");
}

TEST(JsonString, KeepsValidUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(quoted("梅州 €𝄞"), "\"梅州 €𝄞\"");
  EXPECT_EQ(quoted("a\xff"
                   "b"),
            "\"a\xEF\xBF\xBD"
            "b\"");
  EXPECT_EQ(quoted("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");                  // overlong '/'
  EXPECT_EQ(quoted("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
  EXPECT_EQ(quoted("\xE6\xA2"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");                  // truncated 梅
}

TEST(JsonWriter, PlacesCommasBetweenMembersAndElements) {
  JsonWriter json;
  json.begin_object().field("a", 1).key("b").begin_array().value("x").null().value(true).end_array();
  json.key("c").begin_object().end_object().field("d", std::optional<std::int64_t>()).end_object();
  EXPECT_EQ(json.str(), R"({"a":1,"b":["x",null,true],"c":{},"d":null})");
}

TEST(JsonWriter, WritesTheFullInt64Range) {
  JsonWriter json;
  json.begin_array()
      .value(std::numeric_limits<std::int64_t>::min())
      .value(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(json.end_array().str(), "[-9223372036854775808,9223372036854775807]");
}

}  // namespace
}  // namespace atlas::store_internal
