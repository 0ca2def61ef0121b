#include "io/csv.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace atlas::io {
namespace {

struct Row {
  std::uint32_t line;
  std::vector<std::string> fields;
  bool operator==(const Row&) const = default;
};

// Reads every record, stopping at the first error (returned as its to_string()).
std::vector<Row> read_all(std::string_view text, std::string* error = nullptr) {
  CsvReader reader(text, "t.csv");
  std::vector<Row> rows;
  for (;;) {
    auto more = reader.next();
    if (!more) {
      if (error != nullptr) *error = more.error().to_string();
      return rows;
    }
    if (!*more) return rows;
    rows.push_back(Row{reader.line(), {reader.fields().begin(), reader.fields().end()}});
  }
}

TEST(CsvReader, ReadsPlainFieldsWithTheirLines) {
  EXPECT_EQ(read_all("a,b\nc,d\n"), (std::vector<Row>{{1, {"a", "b"}}, {2, {"c", "d"}}}));
}

TEST(CsvReader, ReadsTheLastRecordWithoutANewline) {
  EXPECT_EQ(read_all("a,b\nc,d"), (std::vector<Row>{{1, {"a", "b"}}, {2, {"c", "d"}}}));
}

TEST(CsvReader, KeepsEmptyFieldsIncludingATrailingOne) {
  EXPECT_EQ(read_all(",a,,\n"), (std::vector<Row>{{1, {"", "a", "", ""}}}));
}

TEST(CsvReader, UnquotesFieldsWithCommasAndDoubledQuotes) {
  EXPECT_EQ(read_all("\"a, b\",\"say \"\"hi\"\"\",\"\"\n"),
            (std::vector<Row>{{1, {"a, b", "say \"hi\"", ""}}}));
}

TEST(CsvReader, KeepsLineBreaksInsideQuotesAndCountsTheirLines) {
  EXPECT_EQ(read_all("x,\"one\ntwo\nthree\"\ny,z\n"),
            (std::vector<Row>{{1, {"x", "one\ntwo\nthree"}}, {4, {"y", "z"}}}));
}

TEST(CsvReader, AcceptsCrLfLineEnds) {
  EXPECT_EQ(read_all("a,\"b\"\r\nc,d\r\n"), (std::vector<Row>{{1, {"a", "b"}}, {2, {"c", "d"}}}));
}

TEST(CsvReader, SkipsAByteOrderMark) {
  EXPECT_EQ(read_all("\xEF\xBB\xBFid,name\n"), (std::vector<Row>{{1, {"id", "name"}}}));
}

TEST(CsvReader, SkipsEmptyLinesButCountsThem) {
  EXPECT_EQ(read_all("a\n\n\r\nb\n\n"), (std::vector<Row>{{1, {"a"}}, {4, {"b"}}}));
}

TEST(CsvReader, KeepsUtf8AndSpacesAsWritten) {
  EXPECT_EQ(read_all(" 梅州 ,27.19亿\n"), (std::vector<Row>{{1, {" 梅州 ", "27.19亿"}}}));
}

TEST(CsvReader, EscapedFieldsStayValidAlongsideOthers) {
  // Several unescaped fields in one record share one buffer: all views must survive its growth.
  std::string text;
  for (int i = 0; i < 40; ++i)
    text += "\"" + std::string(static_cast<std::size_t>(i), 'q') + "\"\"x\",";
  text += "end\n";
  const std::vector<Row> rows = read_all(text);
  ASSERT_EQ(rows.size(), 1U);
  ASSERT_EQ(rows[0].fields.size(), 41U);
  EXPECT_EQ(rows[0].fields[39], std::string(39, 'q') + "\"x");
  EXPECT_EQ(rows[0].fields[40], "end");
}

TEST(CsvReader, ReportsAnUnterminatedQuoteAtItsOpeningLine) {
  std::string error;
  const auto rows = read_all("a,b\nc,\"open\nmore\n", &error);
  EXPECT_EQ(rows.size(), 1U);
  EXPECT_EQ(error, "t.csv:2:2: unterminated quoted field (no closing quote before the end of the file)");
}

TEST(CsvReader, ReportsTextAfterAClosingQuote) {
  std::string error;
  read_all("a,\"b\"c,d\n", &error);
  EXPECT_EQ(error, "t.csv:1:2: unexpected text after a closing quote");
}

TEST(CsvReader, ReportsAQuoteInsideAnUnquotedField) {
  std::string error;
  read_all("x\na,b\"c\n", &error);
  EXPECT_EQ(error, "t.csv:2:2: quote inside an unquoted field (quote the whole field and double the quote)");
}

TEST(CsvReader, ResumesAtTheNextLineAfterAnError) {
  CsvReader reader("a,\"b\"c\nd,e\n", "t.csv");
  EXPECT_FALSE(reader.next().has_value());
  auto next = reader.next();
  ASSERT_TRUE(next.has_value() && *next);
  EXPECT_EQ(reader.line(), 2U);
  EXPECT_EQ(reader.fields()[1], "e");
}

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
  std::string out;
  CsvWriter w(out);
  w.field("plain");
  w.field("a, b");
  w.field("say \"hi\"");
  w.field("two\nlines");
  w.field("");
  w.end_row();
  EXPECT_EQ(out, "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
}

TEST(CsvWriter, WhatItWritesReadsBackTheSame) {
  const std::vector<std::string> fields = {"x", "a,b", "\"", "\r\n", "梅州", "", "end\""};
  std::string out;
  CsvWriter w(out);
  for (const auto& f : fields)
    w.field(f);
  w.end_row();
  EXPECT_EQ(read_all(out), (std::vector<Row>{{1, fields}}));
}

TEST(CsvWriter, FlushesLargeOutputInChunks) {
  std::string out;
  std::string flushed;
  CsvWriter w(out, [&](std::string_view bytes) { flushed += bytes; });
  const std::string wide(1000, 'x');
  for (int i = 0; i < 3000; ++i) {
    w.field(wide);
    w.end_row();
  }
  EXPECT_LT(out.size(), 1100000U);  // flushed along the way, not held whole
  w.finish();
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(flushed.size(), 3000U * 1001U);
}

}  // namespace
}  // namespace atlas::io
