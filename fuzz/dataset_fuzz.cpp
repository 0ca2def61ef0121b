// Fuzzes the dataset table readers (io::read_dataset over one in-memory table file) with the
// embedded Meizhou records as what the database already holds, so references resolve and the
// cross-table checks run. Input: the table's file name on the first line ("enterprises.csv";
// anything else picks a table by its length), then the file's bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "io/dataset_reader.hpp"

namespace {

std::string table_name(std::string_view first_line) {
  const auto names = atlas::io::table_file_names();
  for (const auto name : names)
    if (first_line == name) return std::string(name);
  return std::string(names[first_line.size() % names.size()]);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [first_line, bytes] = atlas::fuzz::split_first_line(atlas::fuzz::as_text(data, size));
  const atlas::io::InputFile file{"fuzz/" + table_name(first_line), bytes};
  atlas::io::ReadOptions options;
  options.existing = &atlas::fuzz::embedded_dataset();

  const auto strict = atlas::io::read_dataset({&file, 1}, options);
  if (!strict) atlas::fuzz::require(!strict.error().empty(), "a failed read names at least one error");
  options.mode = atlas::io::ImportMode::kSkipInvalid;
  const auto lenient = atlas::io::read_dataset({&file, 1}, options);
  if (strict) {
    atlas::fuzz::require(lenient.has_value() && lenient->rejected.empty(),
                         "what reads all-or-nothing reads with nothing skipped");
    atlas::fuzz::require(lenient->data == strict->data, "both modes read the same records");
  }
  return 0;
}
