// `atlas check` on the embedded Meizhou dataset at fixed dates, against golden files.
// After an intended change: ATLAS_UPDATE_GOLDEN=1 ctest -R CheckGolden, then review the diff.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "app/check.hpp"
#include "golden.hpp"
#include "io/embedded.hpp"
#include "model/snapshot.hpp"
#include "model/units.hpp"

namespace atlas {
namespace {

std::shared_ptr<const Snapshot> embedded_snapshot() {
  static const auto snapshot = [] {
    auto read = io::read_embedded_dataset();
    EXPECT_TRUE(read.has_value());
    auto built = Snapshot::build(read ? read->data : Dataset{});
    EXPECT_TRUE(built.has_value()) << (built ? "" : built.error().to_string());
    return built ? *built : nullptr;
  }();
  return snapshot;
}

// One line a target: what a planner reads off the check.
std::string summary(const app::CheckReport& report) {
  std::ostringstream out;
  out << "as_of " << date_of(report.as_of).to_string() << " data_as_of "
      << (report.data_as_of > 0 ? date_of(report.data_as_of).to_string() : "-") << "\n";
  for (const auto& t : report.targets) {
    const std::string latest =
        !t.latest ? "-"
                  : (t.unit == TargetUnit::kYuan ? format_amount(*t.latest) : std::to_string(*t.latest));
    out << t.id << " " << engine::to_string(t.assessment.status) << (t.assessment.final ? " final" : "")
        << " latest=" << latest << " period=" << (t.latest_period.empty() ? "-" : t.latest_period)
        << " contributors=" << t.contributors << (t.uses_sample ? " sample" : "") << "\n";
  }
  return out.str();
}

void expect_golden(const std::string& name, const std::string& actual) {
  testing::expect_golden_file(std::string(ATLAS_SOURCE_DIR) + "/tests/golden/check/" + name, actual);
}

void check_at(const char* date, bool include_sample, const std::string& golden) {
  auto snapshot = embedded_snapshot();
  ASSERT_NE(snapshot, nullptr);
  auto report = app::check_targets(*snapshot, {parse_date(date)->last_day(), include_sample});
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  expect_golden(golden, summary(*report));
}

TEST(CheckGolden, AfterThePlanPeriodWithSampleFigures) {
  check_at("2026-11-27", true, "2026-11-27.txt");
}
TEST(CheckGolden, AfterThePlanPeriodWithoutSampleFigures) {
  check_at("2026-11-27", false, "2026-11-27-no-sample.txt");
}
TEST(CheckGolden, MidwayThroughThePlan) {
  check_at("2023-08-15", true, "2023-08-15.txt");
}
TEST(CheckGolden, AtThePlansStart) {
  check_at("2021-03-01", true, "2021-03-01.txt");
}

}  // namespace
}  // namespace atlas
