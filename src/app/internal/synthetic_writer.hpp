// A buffered, append-only text file writer for `atlas gen`: rows are formatted with
// fmt::format_to into a memory buffer that is flushed in large blocks, so that tens of millions
// of CSV rows stream to disk without being held in memory. Private to app/synthetic.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include "model/error.hpp"

namespace atlas::app::internal {

/// Owns an open file. Errors are sticky: after a failed write every call is a no-op and close()
/// reports the first failure (kIo naming the path). Not thread-safe.
class BufferedWriter {
 public:
  /// Opens (truncates) `path` for writing; check ok() / close() for failure.
  explicit BufferedWriter(std::filesystem::path path);
  ~BufferedWriter();
  BufferedWriter(const BufferedWriter&) = delete;
  BufferedWriter& operator=(const BufferedWriter&) = delete;

  /// Appends formatted text.
  template <class... Args>
  void print(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    if (buffer_.size() >= kFlushAt) flush();
  }
  /// Appends text as is.
  void write(std::string_view text);
  /// Appends one CSV field, quoted (RFC 4180) when it holds `,`, `"`, CR or LF.
  void csv_field(std::string_view text);
  /// Ends a CSV row and counts it.
  void end_row() {
    buffer_.push_back('\n');
    ++rows_;
    if (buffer_.size() >= kFlushAt) flush();
  }

  /// Rows ended so far (the header included).
  [[nodiscard]] std::uint64_t rows() const { return rows_; }
  [[nodiscard]] std::uint64_t bytes() const { return bytes_ + buffer_.size(); }
  [[nodiscard]] bool ok() const { return file_ != nullptr && !failed_; }

  /// Flushes and closes; kIo when opening, writing or closing failed.
  [[nodiscard]] Result<void> close();

 private:
  static constexpr std::size_t kFlushAt = std::size_t{1} << 20;
  void flush();

  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
  fmt::memory_buffer buffer_;
  std::uint64_t rows_ = 0;
  std::uint64_t bytes_ = 0;
};

}  // namespace atlas::app::internal
