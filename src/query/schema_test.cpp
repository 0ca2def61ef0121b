#include "query/schema.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "query/internal/test_dataset.hpp"

namespace atlas::query {
namespace {

TEST(IndicatorSchema, ListsEnterpriseFieldsFollowedByTheSnapshotsMetrics) {
  const auto snapshot = testing::query_test_snapshot();
  const auto fields = fields_of(RecordSet::kEnterprises, *snapshot);
  ASSERT_GE(fields.size(), 13u);
  EXPECT_EQ(fields.front().name, "id");
  const auto output =
      std::find_if(fields.begin(), fields.end(), [](const auto& f) { return f.name == "output_value"; });
  ASSERT_NE(output, fields.end());
  EXPECT_EQ(output->type, FieldType::kAmount);
  EXPECT_TRUE(output->needs_period);
  EXPECT_EQ(fields.back().name, "employees");
  EXPECT_EQ(fields.back().type, FieldType::kCount);
}

TEST(IndicatorSchema, GivesEachSetItsOwnFields) {
  const auto snapshot = testing::query_test_snapshot();
  auto names = [&](RecordSet set) {
    std::vector<std::string> out;
    for (const auto& f : fields_of(set, *snapshot))
      out.push_back(f.name);
    return out;
  };
  EXPECT_EQ(names(RecordSet::kCarriers),
            (std::vector<std::string>{"id", "kind", "level", "enterprise", "recognized"}));
  EXPECT_EQ(names(RecordSet::kCandidates),
            (std::vector<std::string>{"id", "kind", "chain", "link", "region"}));
}

TEST(IndicatorSchema, NamesSetsBothWays) {
  for (auto set : {RecordSet::kEnterprises, RecordSet::kProjects, RecordSet::kCarriers,
                   RecordSet::kSupplierEntries, RecordSet::kCandidates}) {
    EXPECT_EQ(parse_record_set(to_string(set)), set);
  }
  EXPECT_FALSE(parse_record_set("enterprise").has_value());
}

TEST(IndicatorSchema, KnowsTheDateFields) {
  EXPECT_TRUE(is_date_field("signed"));
  EXPECT_TRUE(is_date_field("full_production"));
  EXPECT_TRUE(is_date_field("recognized"));
  EXPECT_FALSE(is_date_field("high_tech"));
}

}  // namespace
}  // namespace atlas::query
