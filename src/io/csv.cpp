#include "io/csv.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include <fmt/format.h>

namespace atlas::io {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Characters that end or break an unquoted field: one table look-up per byte on the hot path.
constexpr std::array<bool, 256> make_special_table() {
  std::array<bool, 256> table{};
  table[static_cast<unsigned char>(',')] = true;
  table[static_cast<unsigned char>('\n')] = true;
  table[static_cast<unsigned char>('"')] = true;
  return table;
}
constexpr std::array<bool, 256> kSpecial = make_special_table();

std::uint32_t count_newlines(const char* first, const char* last) {
  return static_cast<std::uint32_t>(std::count(first, last, '\n'));
}

}  // namespace

CsvReader::CsvReader(std::string_view text, std::string file, std::uint32_t first_line)
    : begin_(text.data()),
      pos_(text.data()),
      end_(text.data() + text.size()),
      file_(std::move(file)),
      line_(first_line) {
  if (first_line == 1 && text.starts_with(kByteOrderMark)) pos_ += kByteOrderMark.size();
}

std::unexpected<Error> CsvReader::malformed(std::uint32_t line, std::string message) const {
  const auto column = static_cast<std::uint32_t>(fields_.size() + 1);
  return fail(ErrorCode::kMalformedCsv, std::move(message), {}, Location{file_, line, column});
}

void CsvReader::skip_empty_lines() {
  while (pos_ != end_) {
    if (*pos_ == '\n') {
      ++pos_;
    } else if (*pos_ == '\r' && (pos_ + 1 == end_ || pos_[1] == '\n')) {
      pos_ += (pos_ + 1 == end_) ? 1 : 2;
    } else {
      return;
    }
    ++line_;
  }
}

bool CsvReader::at_line_end() const {
  return pos_ == end_ || *pos_ == '\n';
}

void CsvReader::skip_rest_of_line() {
  const void* newline = std::memchr(pos_, '\n', static_cast<std::size_t>(end_ - pos_));
  if (newline == nullptr) {
    pos_ = end_;
    return;
  }
  pos_ = static_cast<const char*>(newline) + 1;
  ++line_;
}

Result<void> CsvReader::read_plain() {
  const char* start = pos_;
  while (pos_ != end_ && !kSpecial[static_cast<unsigned char>(*pos_)])
    ++pos_;
  if (pos_ != end_ && *pos_ == '"') {
    auto error =
        malformed(line_, "quote inside an unquoted field (quote the whole field and double the quote)");
    skip_rest_of_line();
    return error;
  }
  const char* stop = pos_;
  if (at_line_end() && stop != start && stop[-1] == '\r') --stop;
  fields_.emplace_back(start, static_cast<std::size_t>(stop - start));
  return {};
}

Result<void> CsvReader::read_quoted() {
  const std::uint32_t open_line = line_;
  const char* start = ++pos_;  // after the opening quote
  bool has_escapes = false;
  for (;;) {
    const void* found = std::memchr(pos_, '"', static_cast<std::size_t>(end_ - pos_));
    if (found == nullptr) {
      line_ += count_newlines(pos_, end_);
      pos_ = end_;
      ended_in_quotes_ = true;
      return malformed(open_line, "unterminated quoted field (no closing quote before the end of the file)");
    }
    const char* quote = static_cast<const char*>(found);
    line_ += count_newlines(pos_, quote);
    pos_ = quote + 1;
    if (pos_ == end_ || *pos_ != '"') break;
    has_escapes = true;
    ++pos_;
  }
  const char* stop = pos_ - 1;  // the closing quote
  if (pos_ != end_ && *pos_ == '\r' && (pos_ + 1 == end_ || pos_[1] == '\n')) ++pos_;
  if (pos_ != end_ && *pos_ != ',' && *pos_ != '\n') {
    auto error = malformed(line_, "unexpected text after a closing quote");
    skip_rest_of_line();
    return error;
  }
  if (!has_escapes) {
    fields_.emplace_back(start, static_cast<std::size_t>(stop - start));
    return {};
  }
  const std::size_t offset = scratch_.size();
  for (const char* p = start; p != stop; ++p) {
    scratch_.push_back(*p);
    if (*p == '"') ++p;  // "" → "
  }
  escaped_.push_back({fields_.size(), offset, scratch_.size() - offset});
  fields_.emplace_back();
  return {};
}

Result<bool> CsvReader::next() {
  fields_.clear();
  escaped_.clear();
  scratch_.clear();
  skip_empty_lines();
  if (pos_ == end_) return false;
  record_line_ = line_;
  for (;;) {
    auto read = (pos_ != end_ && *pos_ == '"') ? read_quoted() : read_plain();
    if (!read) return std::unexpected(std::move(read.error()));
    if (pos_ == end_) break;
    const char delimiter = *pos_++;
    if (delimiter == '\n') {
      ++line_;
      break;
    }
  }
  for (const Escaped& e : escaped_)
    fields_[e.field] = std::string_view(scratch_).substr(e.offset, e.size);
  return true;
}

void append_csv_field(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void CsvWriter::field(std::string_view value) {
  if (row_started_) out_.push_back(',');
  row_started_ = true;
  append_csv_field(out_, value);
}

void CsvWriter::end_row() {
  out_.push_back('\n');
  row_started_ = false;
  if (flush_ && out_.size() >= kFlushBytes) finish();
}

void CsvWriter::finish() {
  if (!flush_ || out_.empty()) return;
  flush_(out_);
  out_.clear();
}

}  // namespace atlas::io
