#include "io/internal/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

#include <unistd.h>

namespace atlas::io::internal {
namespace {

std::unexpected<Error> io_error(const std::filesystem::path& path, std::string_view what, int err) {
  return fail(ErrorCode::kIo, std::string(what) + ": " + std::strerror(err), {}, Location{path.string()});
}

}  // namespace

Result<AtomicFile> AtomicFile::create(const std::filesystem::path& target) {
  std::filesystem::path temp = target;
  temp += ".tmp-" + std::to_string(::getpid());
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) return io_error(target, "cannot create", errno);
  return AtomicFile(target, std::move(temp), file);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : target_(std::move(other.target_)),
      temp_(std::move(other.temp_)),
      file_(std::exchange(other.file_, nullptr)),
      error_(other.error_) {
}

AtomicFile::~AtomicFile() {
  if (file_ == nullptr) return;
  std::fclose(file_);
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
}

void AtomicFile::append(std::string_view bytes) {
  if (error_ != 0 || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) error_ = errno != 0 ? errno : EIO;
}

Result<void> AtomicFile::commit() {
  if (error_ == 0 && std::fflush(file_) != 0) error_ = errno;
  if (error_ == 0 && ::fsync(::fileno(file_)) != 0) error_ = errno;
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (error_ == 0 && closed != 0) error_ = errno;
  std::error_code renamed;
  if (error_ == 0) {
    std::filesystem::rename(temp_, target_, renamed);
    if (!renamed) return {};
  }
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
  if (error_ != 0) return io_error(target_, "cannot write", error_);
  return fail(ErrorCode::kIo, "cannot replace: " + renamed.message(), {}, Location{target_.string()});
}

Result<void> write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
  auto file = AtomicFile::create(target);
  if (!file) return std::unexpected(std::move(file.error()));
  file->append(bytes);
  return file->commit();
}

}  // namespace atlas::io::internal
