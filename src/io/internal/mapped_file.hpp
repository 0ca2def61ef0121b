// Read-only view of a whole file: memory-mapped when it is a regular file, read otherwise.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "model/error.hpp"

namespace atlas::io::internal {

/// Owns a read-only mapping (or a copy) of one file's bytes. Move-only; not thread-safe to move
/// while another thread reads bytes().
class MappedFile {
 public:
  /// Maps `path`. Fails with kIo naming the file and the system's reason.
  static Result<MappedFile> open(const std::filesystem::path& path);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  /// The file's bytes; valid while this object lives.
  [[nodiscard]] std::string_view bytes() const;

 private:
  MappedFile() = default;
  void release();

  void* map_ = nullptr;
  std::size_t size_ = 0;
  std::string copy_;  // used when the file cannot be mapped (pipes, empty files)
};

}  // namespace atlas::io::internal
