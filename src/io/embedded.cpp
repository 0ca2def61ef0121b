#include "io/embedded.hpp"

#include <string>
#include <vector>

#include "io/internal/embedded_data.hpp"

namespace atlas::io {

std::span<const EmbeddedFile> embedded_files() {
  return internal::generated_embedded_files();
}

ReadResult read_embedded_dataset(const ReadOptions& options) {
  std::vector<InputFile> inputs;
  for (const EmbeddedFile& file : embedded_files()) {
    inputs.push_back(InputFile{"embedded:" + std::string(file.name), file.bytes});
  }
  return read_dataset(std::span<const InputFile>(inputs), options);
}

}  // namespace atlas::io
