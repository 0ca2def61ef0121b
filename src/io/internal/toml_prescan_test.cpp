#include "io/internal/toml_prescan.hpp"

#include <string>

#include <gtest/gtest.h>

namespace atlas::io::internal {
namespace {

std::string problem(std::string_view text, const TomlLimits& limits = {}) {
  const auto error = prescan_toml(text, "plan.toml", limits);
  return error ? error->to_string() : std::string("ok");
}

std::string repeated(std::string_view part, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i)
    out += part;
  return out;
}

TEST(TomlPrescan, PassesAnOrdinaryPlanFile) {
  const std::string plan =
      "\xEF\xBB\xBF# 梅州\n[plan]\nid = \"p\" # comment\ntitle = { zh = \"规划\", en = \"a.b.c\" }\n"
      "issued = 2021-07-02\nratio = 1.5\n\n[[chain]]\nid = 'x'\n  [[chain.link]]\n"
      "  classes = [\"a\", [\"b\"]]\nnote = \"\"\"\nline one\r\nline \"two\" \\t\n\"\"\"\n"
      "quote = '''a\\b'''\nesc = \"\\u00e9 \\U0001F697 \\\" \\\\ \\r\\n\"\n";
  EXPECT_EQ(problem(plan), "ok");
}

TEST(TomlPrescan, BoundsTheDottedKeyThatCrashedToml) {
  // The report: one 100 KB line of dotted keys overflowed toml++'s stack.
  const std::string key = "a" + repeated(".a", 50'000) + " = 1\n";
  EXPECT_EQ(problem(key), "plan.toml:1:32: a dotted key has more than 16 parts");
  EXPECT_EQ(problem("a" + repeated(".a", 15) + " = 1\n"), "ok");  // 16 parts
  EXPECT_EQ(problem("[" + repeated("t.", 16) + "t]\n"),
            "plan.toml:1:33: a dotted key has more than 16 parts");
  EXPECT_EQ(problem("x = \"" + repeated(".", 100) + "\"\n"), "ok");  // dots inside a string
}

TEST(TomlPrescan, BoundsNesting) {
  EXPECT_EQ(problem("a = " + repeated("[", 17) + repeated("]", 17) + "\n"),
            "plan.toml:1:21: arrays and tables nested more than 16 deep");
  EXPECT_EQ(problem("a = " + repeated("{b=", 20) + "1" + repeated("}", 20) + "\n"),
            "plan.toml:1:53: arrays and tables nested more than 16 deep");
  EXPECT_EQ(problem("a = " + repeated("[", 16) + repeated("]", 16) + "\n"), "ok");
  EXPECT_EQ(problem("a = \"" + repeated("[", 100) + "\"\n"), "ok");
  EXPECT_EQ(problem("# " + repeated("{", 100) + "\n"), "ok");
}

TEST(TomlPrescan, BoundsSizeAndLineLength) {
  TomlLimits limits;
  limits.max_bytes = 100;
  EXPECT_EQ(problem(repeated("# x\n", 30), limits),
            "plan.toml: the file has 120 bytes; a plan file may have at most 100");
  limits = {};
  limits.max_line_bytes = 10;
  EXPECT_EQ(problem("a = 1\nb = \"0123456789\"\n", limits), "plan.toml:2:11: line longer than 10 bytes");
}

TEST(TomlPrescan, RefusesInvalidUtf8AtItsColumn) {
  EXPECT_EQ(problem("a = 1\nname = \"梅州\xFF\"\n"), "plan.toml:2:11: invalid UTF-8 byte \\xFF");
  EXPECT_EQ(problem("# \xC0\xAF in a comment\n"), "plan.toml:1:3: invalid UTF-8 byte \\xC0");
}

TEST(TomlPrescan, RefusesControlCharactersRawOrEscaped) {
  EXPECT_EQ(problem("name = \"a\x1b[31m\"\n"), "plan.toml:1:10: control character U+001B is not allowed");
  EXPECT_EQ(problem(std::string("name = 'a\0'\n", 12)),
            "plan.toml:1:10: control character U+0000 is not allowed");
  EXPECT_EQ(problem("name = \"a\\u001B[31m\"\n"),
            "plan.toml:1:10: escape \\u001B is a control character, which is not allowed");
  EXPECT_EQ(problem("name = \"\\U0000007f\"\n"),
            "plan.toml:1:9: escape \\U0000007f is a control character, which is not allowed");
  EXPECT_EQ(problem("name = \"\\u0085\"\n"),
            "plan.toml:1:9: escape \\u0085 is a control character, which is not allowed");
  EXPECT_EQ(problem("name = \"\\b\"\n"),
            "plan.toml:1:9: escape \\b is a control character, which is not allowed");
  EXPECT_EQ(problem("name = \"\"\"\nx\\r\"\"\"\n"),
            "plan.toml:2:2: escape \\r is a control character, which is not allowed");
  EXPECT_EQ(problem("a = 1\rb = 2\n"), "plan.toml:1:6: control character U+000D is not allowed");
  // A key is a string too.
  EXPECT_EQ(problem("\"k\\u0000\" = 1\n"),
            "plan.toml:1:3: escape \\u0000 is a control character, which is not allowed");
  // Allowed: tabs, CRLF line ends, and escaped tab / newline / CRLF.
  EXPECT_EQ(problem("a\t=\t\"x\\ty\\nz\\r\\n\"\r\n"), "ok");
}

}  // namespace
}  // namespace atlas::io::internal
