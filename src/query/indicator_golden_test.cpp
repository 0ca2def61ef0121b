// Golden files: tests/golden/query/*.txt hold indicators and the result (or error) each must give
// on the query test dataset (internal/test_dataset.hpp). Format, one case per `?` line:
//
//   # a comment
//   ? count(enterprises) where high_tech      the indicator
//   @ as-of 2025-06-30                        optional: Visibility::as_of
//   @ no-sample                               optional: include_sample = false
//   = 2 [bpw nev-pack]                        the expected rendering
//
// Set ATLAS_UPDATE_GOLDEN=1 to rewrite the `=` lines with what the code produces, then review the
// diff like any other change.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "model/units.hpp"
#include "query/indicator.hpp"
#include "query/internal/test_dataset.hpp"

namespace atlas::query {
namespace {

namespace fs = std::filesystem;

std::string record_id(const Snapshot& s, RecordSet set, std::uint32_t i) {
  switch (set) {
    case RecordSet::kEnterprises:
      return std::string(s.strings.view(s.enterprises.slug[i]));
    case RecordSet::kProjects:
      return s.projects[i].id;
    case RecordSet::kCarriers:
      return s.carriers[i].id;
    case RecordSet::kSupplierEntries:
      return s.supplier_entries[i].id;
    case RecordSet::kCandidates:
      return s.candidates[i].id;
  }
  return "?";
}

std::string render(const Snapshot& s, const Result<IndicatorResult>& result) {
  if (!result) {
    const Error& e = result.error();
    return fmt::format("error {} at {}: {}", error_code_name(e.code), e.where.column, e.message);
  }
  const IndicatorResult& r = *result;
  auto in_unit = [](std::int64_t v, MetricUnit unit) {
    return unit == MetricUnit::kYuan ? format_amount(v) : std::to_string(v);
  };
  std::string out = !r.has_value ? "no value" : r.ratio ? format_percent(r.value) : in_unit(r.value, r.unit);
  if (r.ratio) {
    // = 55.3571% (15.5亿 / 28亿 of 4): both parts, and how many records the divisor rests on.
    out += fmt::format(
        " ({} / {} of {})", r.ratio->numerator_has_value ? in_unit(r.ratio->numerator, r.unit) : "none",
        r.ratio->denominator_has_value ? in_unit(r.ratio->denominator, r.ratio->denominator_unit) : "none",
        r.ratio->denominator_contributors);
  }
  std::string ids;
  for (auto i : r.records)
    ids += (ids.empty() ? "" : " ") + record_id(s, r.set, i);
  out += fmt::format(" [{}]", ids);
  if (r.covered_last) out += " covers " + r.coverage_text();
  if (r.includes_sample) out += " sample";
  return out;
}

struct Case {
  std::string indicator;
  Visibility visibility;
  std::size_t expected_line = 0;  // index into the file's lines; 0 when missing
};

Result<Visibility> apply_option(std::string_view option, Visibility vis) {
  if (option == "no-sample") {
    vis.include_sample = false;
    return vis;
  }
  if (option.starts_with("as-of ")) {
    auto date = parse_date(option.substr(6));
    if (!date) return std::unexpected(date.error());
    vis.as_of = date->last_day();
    return vis;
  }
  return fail(ErrorCode::kInvalidValue, fmt::format("unknown option \"{}\"", option));
}

class GoldenFile {
 public:
  explicit GoldenFile(const fs::path& path) : path_(path) {
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
      lines_.push_back(line);
  }

  // Runs every case; returns the mismatches as "file:line: expected …, got …".
  std::vector<std::string> run(const Snapshot& snapshot, bool update) {
    std::vector<std::string> failures;
    for (const Case& c : cases(failures)) {
      const std::string got =
          "= " + render(snapshot, evaluate_indicator(c.indicator, snapshot, c.visibility));
      if (update) {
        lines_[c.expected_line] = got;
      } else if (lines_[c.expected_line] != got) {
        failures.push_back(fmt::format("{}:{}: {}\n  expected: {}\n       got: {}", path_.filename().string(),
                                       c.expected_line + 1, c.indicator, lines_[c.expected_line], got));
      }
    }
    if (update) write();
    return failures;
  }

 private:
  std::vector<Case> cases(std::vector<std::string>& failures) const {
    std::vector<Case> out;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const std::string& line = lines_[i];
      if (line.starts_with("? ")) {
        out.push_back(Case{line.substr(2), {}, 0});
      } else if (line.starts_with("@ ") && !out.empty()) {
        auto vis = apply_option(line.substr(2), out.back().visibility);
        if (vis)
          out.back().visibility = *vis;
        else
          failures.push_back(fmt::format("{}:{}: {}", path_.filename().string(), i + 1, vis.error().message));
      } else if (line.starts_with("= ") && !out.empty()) {
        out.back().expected_line = i;
      }
    }
    std::erase_if(out, [&](const Case& c) {
      if (c.expected_line == 0)
        failures.push_back(fmt::format("{}: \"{}\" has no = line", path_.string(), c.indicator));
      return c.expected_line == 0;
    });
    return out;
  }

  void write() const {
    std::ofstream out(path_);
    for (const auto& line : lines_)
      out << line << '\n';
  }

  fs::path path_;
  std::vector<std::string> lines_;
};

TEST(IndicatorGolden, EveryGoldenFileGivesItsExpectedResults) {
  const fs::path dir = fs::path(ATLAS_SOURCE_DIR) / "tests" / "golden" / "query";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  const auto snapshot = testing::query_test_snapshot();
  const bool update = std::getenv("ATLAS_UPDATE_GOLDEN") != nullptr;
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    for (const auto& failure : GoldenFile(entry.path()).run(*snapshot, update))
      ADD_FAILURE() << failure;
  }
  EXPECT_GE(files, 3u);
}

}  // namespace
}  // namespace atlas::query
