// Fuzzes the plan file reader (io/plan_file.hpp, TOML): any text reads or fails with errors, never
// a crash; and a plan that reads is written back by write_plan to text that reads to the same
// records (the contract of write_plan).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "io/plan_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = atlas::fuzz::as_text(data, size);
  const auto lenient = atlas::io::read_plan(text, "fuzz.toml", atlas::io::ImportMode::kSkipInvalid);
  const auto strict = atlas::io::read_plan(text, "fuzz.toml");
  if (!strict) {
    atlas::fuzz::require(!strict.error().empty(), "a failed read names at least one error");
    return 0;
  }
  atlas::fuzz::require(lenient.has_value(), "what reads all-or-nothing reads skipping invalid rows");
  const std::string written = atlas::io::write_plan(strict->data);
  const auto again = atlas::io::read_plan(written, "written.toml");
  atlas::fuzz::require(again.has_value(), "write_plan's text reads back");
  atlas::fuzz::require(again->data == strict->data, "write_plan's text reads back to the same records");
  return 0;
}
