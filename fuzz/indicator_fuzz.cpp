// Fuzzes the indicator language (query/indicator.hpp): parse, check against the Meizhou Snapshot,
// evaluate with and without sample data. Any text must end in a value or an error, never a crash
// and never a slow input (libFuzzer's -timeout makes superlinear work a finding).
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "query/indicator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = atlas::fuzz::as_text(data, size);
  auto parsed = atlas::query::parse_indicator(text);
  if (!parsed) {
    // kSyntaxError, kTypeError for a date field compared with an operator (`founded > 2021`), or
    // kLimitExceeded past query::Limits (length, nesting, conditions).
    const auto code = parsed.error().code;
    atlas::fuzz::require(code == atlas::ErrorCode::kSyntaxError || code == atlas::ErrorCode::kTypeError ||
                             code == atlas::ErrorCode::kLimitExceeded,
                         "parse errors are syntax, type or limit errors");
    atlas::fuzz::require(parsed.error().where.column >= 1, "parse errors name their column");
    return 0;
  }
  (void)atlas::query::to_string(*parsed);
  const auto snapshot = atlas::fuzz::embedded_snapshot();
  const auto checked = atlas::query::check_indicator(std::move(*parsed), *snapshot);
  if (!checked) return 0;
  (void)atlas::query::metric_read_by(checked->indicator(), *snapshot);
  (void)atlas::query::evaluate(*checked, *snapshot, atlas::Visibility{});
  (void)atlas::query::evaluate(*checked, *snapshot, atlas::Visibility{atlas::day_number(2023, 6, 30), false});
  if (checked->is_grouped()) {
    (void)atlas::query::evaluate_grouped(*checked, *snapshot, atlas::Visibility{});
    (void)atlas::query::evaluate_grouped(*checked, *snapshot,
                                         atlas::Visibility{atlas::day_number(2023, 6, 30), false});
  }
  return 0;
}
