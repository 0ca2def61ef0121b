// Fuzzes the CSV reader (io/csv.hpp): any bytes are read to the end without a crash, every field
// lies inside the input or the reader's buffer, and the writer's quoting round-trips each record.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "io/csv.hpp"

namespace {

// Writes `fields` as one CSV row and reads it back: the same fields must come out.
void check_round_trip(const std::vector<std::string>& fields) {
  std::string text;
  atlas::io::CsvWriter writer(text);
  for (const auto& f : fields)
    writer.field(f);
  writer.end_row();
  atlas::io::CsvReader reader(text, "round-trip.csv", 2);  // line 2: no byte order mark is skipped
  auto got = reader.next();
  // A row of one empty field is an empty line, which the reader skips.
  if (fields.size() == 1 && fields[0].empty()) return;
  atlas::fuzz::require(got.has_value() && *got, "a written row reads back");
  const auto read = reader.fields();
  atlas::fuzz::require(read.size() == fields.size(), "a written row keeps its field count");
  for (std::size_t i = 0; i < fields.size(); ++i)
    atlas::fuzz::require(read[i] == fields[i], "a written field reads back unchanged");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = atlas::fuzz::as_text(data, size);
  atlas::io::CsvReader reader(text, "fuzz.csv");
  std::size_t last_offset = 0;
  for (;;) {
    auto more = reader.next();
    atlas::fuzz::require(reader.offset() <= text.size(), "the reader stays inside its input");
    if (more.has_value() && !*more) break;
    // A record or an error always consumes its line: the loop ends.
    atlas::fuzz::require(reader.offset() > last_offset, "each record or error consumes input");
    last_offset = reader.offset();
    if (!more.has_value()) continue;
    const std::vector<std::string> fields(reader.fields().begin(), reader.fields().end());
    check_round_trip(fields);
  }
  return 0;
}
