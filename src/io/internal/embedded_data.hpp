// The bytes of the embedded dataset, generated at build time by src/io/embed_files.cmake.
#pragma once

#include <span>

#include "io/embedded.hpp"

namespace atlas::io::internal {

/// Every embedded file, sorted by name. Defined in the generated embedded_data.cpp.
[[nodiscard]] std::span<const EmbeddedFile> generated_embedded_files();

}  // namespace atlas::io::internal
