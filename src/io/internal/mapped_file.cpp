#include "io/internal/mapped_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace atlas::io::internal {
namespace {

std::unexpected<Error> io_error(const std::filesystem::path& path, int err) {
  return fail(ErrorCode::kIo, std::string("cannot read: ") + std::strerror(err), {}, Location{path.string()});
}

Result<std::string> read_stream(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error(path, errno);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

}  // namespace

Result<MappedFile> MappedFile::open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error(path, errno);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int err = errno;
    ::close(fd);
    return io_error(path, err);
  }
  if (S_ISDIR(info.st_mode)) {
    ::close(fd);
    return io_error(path, EISDIR);
  }
  MappedFile file;
  if (S_ISREG(info.st_mode) && info.st_size > 0) {
    const auto size = static_cast<std::size_t>(info.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return io_error(path, errno);
    ::madvise(map, size, MADV_SEQUENTIAL);
    file.map_ = map;
    file.size_ = size;
    return file;
  }
  ::close(fd);
  auto copy = read_stream(path);
  if (!copy) return std::unexpected(std::move(copy.error()));
  file.copy_ = std::move(*copy);
  return file;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : map_(std::exchange(other.map_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      copy_(std::move(other.copy_)) {
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    release();
    map_ = std::exchange(other.map_, nullptr);
    size_ = std::exchange(other.size_, 0);
    copy_ = std::move(other.copy_);
  }
  return *this;
}

MappedFile::~MappedFile() {
  release();
}

void MappedFile::release() {
  if (map_ != nullptr) ::munmap(map_, size_);
  map_ = nullptr;
  size_ = 0;
}

std::string_view MappedFile::bytes() const {
  if (map_ != nullptr) return {static_cast<const char*>(map_), size_};
  return copy_;
}

}  // namespace atlas::io::internal
