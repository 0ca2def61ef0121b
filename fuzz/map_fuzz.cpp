// Fuzzes the boundary-map reader (io/internal/map_reader.hpp, GeoJSON through Boost.JSON): any bytes
// read as a plan's map or fail with errors, never a crash; and a map that reads is stored compact
// and reads back from what was stored to the same text. The plan beside it names a source, and the
// embedded Meizhou records are what the database holds, so a map of Meizhou's counties reads.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "io/dataset_reader.hpp"

namespace {

constexpr const char* kPlan = "[plan]\nid = \"fuzz\"\ntitle = \"规划\"\nmap = { source = \"fuzz\" }\n";

atlas::io::ReadResult read_map(std::string_view bytes) {
  const std::array<atlas::io::InputFile, 2> files{atlas::io::InputFile{"fuzz.toml", kPlan},
                                                  atlas::io::InputFile{"fuzz.geojson", bytes}};
  atlas::io::ReadOptions options;
  options.existing = &atlas::fuzz::embedded_dataset();
  return atlas::io::read_dataset(files, options);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto read = read_map(atlas::fuzz::as_text(data, size));
  if (!read) {
    atlas::fuzz::require(!read.error().empty(), "a failed read names at least one error");
    return 0;
  }
  const std::string stored = read->data.plan.map;
  atlas::fuzz::require(!stored.empty(), "a map that reads is kept");
  const auto again = read_map(stored);
  atlas::fuzz::require(again.has_value(), "the stored map reads back");
  atlas::fuzz::require(again->data.plan.map == stored, "the stored map reads back to the same text");
  return 0;
}
