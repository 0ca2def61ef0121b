#include "model/credit_code.hpp"

#include <array>
#include <cassert>
#include <optional>
#include <utility>

#include <fmt/format.h>

namespace atlas {
namespace {

constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // index = value
constexpr std::size_t kLength = 18;

// W_i = 3^i mod 31, i = 0 … 16.
constexpr std::array<int, 17> kWeights = [] {
  std::array<int, 17> weights{};
  int w = 1;
  for (auto& weight : weights) {
    weight = w;
    w = w * 3 % 31;
  }
  return weights;
}();

char to_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// The value of a code character (lower case accepted), or -1 when it is not in the charset.
int char_value(char c) {
  const auto pos = kCharset.find(to_upper(c));
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Number of UTF-8 characters, so that `9135010０…` is reported by what a user sees.
std::size_t char_count(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text)
    count += is_continuation(c) ? 0 : 1;
  return count;
}

// The 1-based position and text of the first character outside the charset, if any. A stray
// continuation byte (one that follows no lead byte) is such a character too.
std::optional<std::pair<std::size_t, std::string_view>> first_bad_char(std::string_view code) {
  std::size_t position = 0;
  for (std::size_t i = 0; i < code.size();) {
    ++position;
    std::size_t end = i + 1;
    while (end < code.size() && is_continuation(code[end]))
      ++end;
    if (end != i + 1 || char_value(code[i]) < 0) return std::pair{position, code.substr(i, end - i)};
    i = end;
  }
  return std::nullopt;
}

}  // namespace

char credit_code_check_char(std::string_view first17) {
  assert(first17.size() >= kWeights.size());
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) {
    const int value = char_value(first17[i]);
    assert(value >= 0);
    sum += value * kWeights[i];
  }
  const int check = (31 - sum % 31) % 31;  // 31 means 0
  return kCharset[static_cast<std::size_t>(check)];
}

Result<std::string> validate_credit_code(std::string_view code) {
  const auto problem = [&](std::string why) {
    return fail(ErrorCode::kInvalidCreditCode,
                fmt::format("\"{}\" is not a unified social credit code: {}", code, why));
  };
  if (const std::size_t length = char_count(code); length != kLength) {
    return problem(fmt::format("it has {} characters, a code has {}", length, kLength));
  }
  if (const auto bad = first_bad_char(code)) {
    return problem(fmt::format("character {} '{}' is not allowed (use 0-9 and A-Y without I, O, S, V, Z)",
                               bad->first, bad->second));
  }
  std::string upper(code);
  for (char& c : upper)
    c = to_upper(c);
  const char expected = credit_code_check_char(upper);
  if (upper.back() != expected) {
    return problem(
        fmt::format("the check character is wrong: expected '{}', found '{}'", expected, upper.back()));
  }
  return upper;
}

}  // namespace atlas
