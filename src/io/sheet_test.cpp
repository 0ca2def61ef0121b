#include "io/sheet.hpp"

#include <array>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <zlib.h>

#include "io/internal/test_support.hpp"

namespace atlas::io {
namespace {

using testing::slurp;
using testing::TempDir;

std::uint32_t le(const std::string& b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i)
    v = v << 8 | static_cast<unsigned char>(b.at(at + static_cast<std::size_t>(i)));
  return v;
}

// The members of a zip archive by name, inflated: enough of APPNOTE (central directory, stored or
// deflated members) to read back what a workbook holds.
std::map<std::string, std::string> unzip(const std::string& zip) {
  std::map<std::string, std::string> out;
  const std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
  if (end == std::string::npos) return out;
  const std::uint32_t entries = le(zip, end + 10, 2);
  std::size_t at = le(zip, end + 16, 4);
  for (std::uint32_t k = 0; k < entries; ++k) {
    const std::uint32_t method = le(zip, at + 10, 2);
    const std::uint32_t packed = le(zip, at + 20, 4);
    const std::uint32_t size = le(zip, at + 24, 4);
    const std::uint32_t name_len = le(zip, at + 28, 2);
    const std::uint32_t skip = name_len + le(zip, at + 30, 2) + le(zip, at + 32, 2);
    const std::string name = zip.substr(at + 46, name_len);
    const std::size_t local = le(zip, at + 42, 4);
    const std::size_t data = local + 30 + le(zip, local + 26, 2) + le(zip, local + 28, 2);
    std::string body(size, '\0');
    if (method == 0) {
      body = zip.substr(data, size);
    } else {
      z_stream z{};
      inflateInit2(&z, -MAX_WBITS);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      z.avail_in = packed;
      z.next_out = reinterpret_cast<Bytef*>(body.data());
      z.avail_out = size;
      inflate(&z, Z_FINISH);
      inflateEnd(&z);
    }
    out[name] = body;
    at += 46 + skip;
  }
  return out;
}

Sheet catalogue() {
  Sheet s;
  s.name = "重点发展目录";
  s.header = {"rank", "link_zh", "makers", "share", "note"};
  s.rows = {{std::int64_t{1}, std::string("正极材料"), std::int64_t{0}, 0.25, std::string("=SUM(A1)")},
            {std::int64_t{2}, std::string("挂车 & <axle>"), std::int64_t{3}, Cell{}, std::string("-x")}};
  return s;
}

TEST(SheetCsv, WritesBomHeaderRowsAndQuotesFormulaLikeText) {
  EXPECT_EQ(sheet_csv(catalogue()),
            "\xEF\xBB\xBF"
            "rank,link_zh,makers,share,note\n"
            "1,正极材料,0,0.25,'=SUM(A1)\n"
            "2,挂车 & <axle>,3,,'-x\n");
}

TEST(SheetXlsx, WritesAWorkbookWithTextAndNumbersAsTheyAre) {
  TempDir dir;
  const auto path = dir.path() / "catalogue.xlsx";
  const std::array sheets{catalogue()};
  ASSERT_TRUE(write_xlsx(path, sheets).has_value());
  const auto files = unzip(slurp(path));
  ASSERT_TRUE(files.contains("xl/workbook.xml"));
  EXPECT_NE(files.at("xl/workbook.xml").find("name=\"重点发展目录\""), std::string::npos);
  const std::string& strings = files.at("xl/sharedStrings.xml");
  // Text goes in whole and escaped for XML; a formula-like text stays text (no ' added).
  for (const char* text : {"link_zh", "正极材料", "挂车 &amp; &lt;axle&gt;", "<t>=SUM(A1)</t>", "<t>-x</t>"})
    EXPECT_NE(strings.find(text), std::string::npos) << text;
  const std::string& sheet = files.at("xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<c r=\"D2\"><v>0.25</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"C3\"><v>3</v></c>"), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("r=\"D3\""), std::string::npos) << "an empty cell is left out";
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:E3\"/>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("ySplit=\"1\""), std::string::npos) << "the header row is frozen";
  EXPECT_NE(sheet.find("<c r=\"A1\" s=\"1\" t=\"s\">"), std::string::npos) << "the header is bold";
  // A column is as wide as its widest text, a Chinese character counting two.
  EXPECT_NE(sheet.find("<col min=\"2\" max=\"2\" width=\"15.7109375\""), std::string::npos) << sheet;
  // Nothing is left beside it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(SheetXlsx, BytesAreTheSameWorkbook) {
  const std::array sheets{catalogue()};
  auto bytes = xlsx_bytes(sheets);
  ASSERT_TRUE(bytes.has_value()) << bytes.error().to_string();
  EXPECT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_TRUE(unzip(*bytes).contains("xl/worksheets/sheet1.xml"));
}

TEST(SheetXlsx, RefusesABadSheetNameOrAnOversizedCellAndWritesNothing) {
  TempDir dir;
  const auto path = dir.path() / "bad.xlsx";
  Sheet bad = catalogue();
  bad.name = "a/b";
  auto r = write_xlsx(path, std::array{bad});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("a/b"), std::string::npos);
  bad = catalogue();
  bad.name = std::string(32, 'x');
  EXPECT_FALSE(write_xlsx(path, std::array{bad}).has_value());
  bad = catalogue();
  bad.rows[1][4] = std::string(kMaxCellText + 1, 'x');
  r = write_xlsx(path, std::array{bad});
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("row 3 column 5"), std::string::npos) << r.error().message;
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(SheetXlsx, AnUnwritablePlaceIsAnIoErrorNamingIt) {
  TempDir dir;
  const auto path = dir.path() / "missing-dir" / "c.xlsx";
  auto r = write_xlsx(path, std::array{catalogue()});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIo);
  EXPECT_NE(r.error().message.find("missing-dir"), std::string::npos);
}

}  // namespace
}  // namespace atlas::io
