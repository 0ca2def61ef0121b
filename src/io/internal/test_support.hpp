// Test helpers for io tests only: in-memory inputs, error lists, temporary folders.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <stdlib.h>

#include "io/dataset_reader.hpp"

namespace atlas::io::testing {

/// The fixtures of tests/fixtures/io/.
inline std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(ATLAS_SOURCE_DIR) / "tests/fixtures/io" / name;
}

/// Files held in memory for read_dataset: {name, text} pairs.
class Inputs {
 public:
  Inputs(std::initializer_list<std::pair<std::string, std::string>> files) {
    texts_.reserve(files.size());
    for (const auto& [name, text] : files) {
      texts_.push_back(text);
      files_.push_back(InputFile{name, {}});
    }
    for (std::size_t i = 0; i < files_.size(); ++i)
      files_[i].bytes = texts_[i];
  }
  ReadResult read(const ReadOptions& options = {}) const {
    return read_dataset(std::span<const InputFile>(files_), options);
  }

 private:
  std::vector<std::string> texts_;
  std::vector<InputFile> files_;
};

/// Every error of a failed read as "file:line:column: field: reason"; empty when it succeeded.
inline std::vector<std::string> messages(const ReadResult& result) {
  std::vector<std::string> out;
  if (result) return out;
  for (const Error& e : result.error())
    out.push_back(e.to_string());
  return out;
}

/// A fresh folder under the system temp folder, removed with everything in it.
/// The whole file, bytes as they are.
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "atlas-io-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace atlas::io::testing
