// A file that appears whole or not at all: written to a temporary beside it, then renamed.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

#include "model/error.hpp"

namespace atlas::io::internal {

/// Writes `<target>.tmp-<pid>`; commit() syncs it and renames it over `target`. Destroying an
/// uncommitted file removes the temporary, so readers never see a half-written target.
/// Move-only; not thread-safe.
class AtomicFile {
 public:
  /// Creates the temporary file. Fails with kIo.
  static Result<AtomicFile> create(const std::filesystem::path& target);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  /// Appends bytes; a failure is remembered and returned by commit().
  void append(std::string_view bytes);

  /// Flushes, syncs and renames the temporary over the target. Fails with kIo (the target is then
  /// left as it was).
  [[nodiscard]] Result<void> commit();

 private:
  AtomicFile(std::filesystem::path target, std::filesystem::path temp, std::FILE* file)
      : target_(std::move(target)), temp_(std::move(temp)), file_(file) {}

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* file_ = nullptr;
  int error_ = 0;  // errno of the first failed write
};

/// Writes `bytes` to `target` through an AtomicFile.
[[nodiscard]] Result<void> write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace atlas::io::internal
