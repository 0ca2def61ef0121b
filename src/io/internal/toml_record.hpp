// Typed access to the keys of one TOML table (a [[zone]], a [[chain.link]] …): each getter records
// an error at the value's line:column instead of failing, and remembers where each key sits.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "io/internal/suggest.hpp"
#include "io/internal/workspace.hpp"
#include "model/error.hpp"
#include "model/period.hpp"
#include "model/records.hpp"

namespace atlas::io::internal {

/// Where a TOML node starts.
[[nodiscard]] Location location_of(const toml::source_region& region, const std::string& file);

/// One TOML table read as a record. Keys not in `keys` are reported (with the closest known key)
/// on construction. Not thread-safe; `table`, `file`, `errors` and `positions` must outlive it.
class TomlRecord {
 public:
  /// `path` names the table in errors ("project", "chain.link"); `at_prefix` prefixes the key
  /// names stored in `positions` ("link.2.") so that nested keys stay apart.
  TomlRecord(const toml::table& table, std::string path, std::string at_prefix,
             std::span<const std::string_view> keys, const std::string& file, std::vector<Error>& errors,
             std::vector<FieldPos>& positions);

  [[nodiscard]] std::string text(std::string_view key, bool required = false);
  [[nodiscard]] std::string slug(std::string_view key, bool required = false);
  [[nodiscard]] Names names(std::string_view key, bool required = false);
  [[nodiscard]] std::vector<std::string> strings(std::string_view key);
  [[nodiscard]] std::optional<Date> date(std::string_view key);
  [[nodiscard]] std::optional<std::int64_t> integer(std::string_view key, bool required = false);
  /// `true` or `false`; false when absent (or wrong, with an error).
  [[nodiscard]] bool boolean(std::string_view key);
  /// An integer year in kMinYear…kMaxYear (model/period.hpp); 0 when absent or wrong (with an error).
  [[nodiscard]] int year(std::string_view key, bool required = false);
  [[nodiscard]] std::optional<std::int64_t> amount(std::string_view key);
  /// A number from 0 to `max` (an integer or a decimal such as 0.5) held in millionths (500000), with
  /// at most six decimals; nullopt when absent (or wrong, with an error).
  [[nodiscard]] std::optional<std::int64_t> millionths(std::string_view key, double max);
  /// A string, or an integer kept as its decimal text (`period = 2020`).
  [[nodiscard]] std::string text_or_integer(std::string_view key, bool required = false);
  /// An array of tables ([[chain.link]]); nullptr when absent (or wrong, with an error).
  [[nodiscard]] const toml::array* tables(std::string_view key);
  /// An inline table (`baseline = { … }`); nullptr when absent (or wrong, with an error).
  [[nodiscard]] const toml::table* table(std::string_view key);

  template <class E, class Parse>
  E choice(std::string_view key, Parse parse, std::span<const std::string_view> words, E fallback,
           bool required = true);

  void fail(std::string_view key, const toml::source_region& where, ErrorCode code, std::string message);
  /// Records `error` (a model parser's code and message) at the value of `key`, which must exist.
  void reject(std::string_view key, const Error& error);

  [[nodiscard]] RowOrigin origin(std::uint32_t source) const;
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::vector<Error>& errors() { return errors_; }
  [[nodiscard]] std::vector<FieldPos>& positions() { return positions_; }

 private:
  /// The node at `key`, remembering its position; reports a missing required key.
  const toml::node* get(std::string_view key, bool required);
  void wrong_type(std::string_view key, const toml::node& node, std::string_view expected);
  /// The input-text rule (model/text.hpp) on a string value; false (and an error) when it fails.
  bool acceptable(std::string_view key, const toml::node& node, std::string_view value);

  const toml::table& table_;
  std::string path_;
  std::string at_prefix_;
  const std::string& file_;
  std::vector<Error>& errors_;
  std::vector<FieldPos>& positions_;
};

template <class E, class Parse>
E TomlRecord::choice(std::string_view key, Parse parse, std::span<const std::string_view> words, E fallback,
                     bool required) {
  const toml::node* node = get(key, required);
  if (node == nullptr) return fallback;
  const std::optional<std::string_view> word = node->value<std::string_view>();
  if (!word) {
    wrong_type(key, *node, "a string");
    return fallback;
  }
  if (auto parsed = parse(*word)) return *parsed;
  fail(key, node->source(), ErrorCode::kInvalidValue,
       "'" + std::string(*word) + "' is not one of " + join_words(words) + did_you_mean(*word, words));
  return fallback;
}

}  // namespace atlas::io::internal
