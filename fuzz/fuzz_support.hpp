// Helpers shared by the fuzz harnesses (fuzz/*_fuzz.cpp): the input as text, invariants that
// abort with a message (libFuzzer and the replay main both report an abort as a finding), and the
// embedded Meizhou dataset built once per process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <utility>

#include "io/embedded.hpp"
#include "model/snapshot.hpp"

namespace atlas::fuzz {

/// The fuzzer's bytes as a view (not owned, valid during one LLVMFuzzerTestOneInput call).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Splits `text` at its first line feed: {first line, the rest}. Without one: {text, ""}.
inline std::pair<std::string_view, std::string_view> split_first_line(std::string_view text) {
  const auto lf = text.find('\n');
  if (lf == std::string_view::npos) return {text, {}};
  return {text.substr(0, lf), text.substr(lf + 1)};
}

/// A UTF-8 lead byte: the length of its sequence (0: not a lead byte) and the range its second
/// byte must be in (Unicode 15, table 3-7: no overlong forms, surrogates or code points past U+10FFFF).
struct Utf8Lead {
  std::size_t length;
  unsigned char second_min;
  unsigned char second_max;
};

inline Utf8Lead utf8_lead(unsigned char b) {
  if (b < 0x80) return {1, 0, 0};
  if (b >= 0xC2 && b <= 0xDF) return {2, 0x80, 0xBF};
  if (b == 0xE0) return {3, 0xA0, 0xBF};
  if (b == 0xED) return {3, 0x80, 0x9F};
  if (b >= 0xE1 && b <= 0xEF) return {3, 0x80, 0xBF};
  if (b == 0xF0) return {4, 0x90, 0xBF};
  if (b >= 0xF1 && b <= 0xF3) return {4, 0x80, 0xBF};
  if (b == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

/// True when `text` is well-formed UTF-8.
inline bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Lead lead = utf8_lead(static_cast<unsigned char>(text[i]));
    if (lead.length == 0 || text.size() - i < lead.length) return false;
    for (std::size_t k = 1; k < lead.length; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      const bool fits = k == 1 ? c >= lead.second_min && c <= lead.second_max : c >= 0x80 && c <= 0xBF;
      if (!fits) return false;
    }
    i += lead.length;
  }
  return true;
}

/// Stops the run with `what` when an invariant the harness checks does not hold: a bug.
inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
  std::abort();
}

/// The embedded dataset (data/meizhou, the Meizhou plan), read once per process; the harness
/// aborts when it does not read (then nothing else could be fuzzed meaningfully).
inline const Dataset& embedded_dataset() {
  static const Dataset data = [] {
    auto read = io::read_embedded_dataset();
    require(read.has_value(), "the embedded dataset reads");
    return std::move(read->data);
  }();
  return data;
}

/// The embedded dataset as a Snapshot (version 1), built once per process.
inline std::shared_ptr<const Snapshot> embedded_snapshot() {
  static const std::shared_ptr<const Snapshot> snapshot = [] {
    auto built = Snapshot::build(embedded_dataset(), 1);
    require(built.has_value(), "the embedded dataset builds a Snapshot");
    return *built;
  }();
  return snapshot;
}

}  // namespace atlas::fuzz
