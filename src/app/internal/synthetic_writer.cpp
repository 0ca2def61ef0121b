#include "app/internal/synthetic_writer.hpp"

#include <cerrno>
#include <cstring>

namespace atlas::app::internal {

BufferedWriter::BufferedWriter(std::filesystem::path path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  failed_ = file_ == nullptr;
}

BufferedWriter::~BufferedWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

void BufferedWriter::write(std::string_view text) {
  buffer_.append(text.data(), text.data() + text.size());
  if (buffer_.size() >= kFlushAt) flush();
}

void BufferedWriter::csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    buffer_.append(text.data(), text.data() + text.size());
    return;
  }
  buffer_.push_back('"');
  for (char c : text) {
    if (c == '"') buffer_.push_back('"');
    buffer_.push_back(c);
  }
  buffer_.push_back('"');
}

void BufferedWriter::flush() {
  if (ok() && buffer_.size() > 0) {
    failed_ = std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size();
  }
  bytes_ += buffer_.size();
  buffer_.clear();
}

Result<void> BufferedWriter::close() {
  flush();
  const int saved = errno;
  if (file_ != nullptr && std::fclose(file_) != 0) failed_ = true;
  file_ = nullptr;
  if (failed_) {
    return fail(ErrorCode::kIo, fmt::format("cannot write {}: {}", path_.string(), std::strerror(saved)));
  }
  return {};
}

}  // namespace atlas::app::internal
