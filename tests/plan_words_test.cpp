// Issue 9, scope 5: nothing in src/ or web/src names a word that belongs to one plan. The words are
// taken from the embedded default plan's own data (its id, title and document number, its counties,
// zones and segments, with their names), so a word added to that plan is checked too. A test file
// may name them (it tests that plan); migrations are history (0001 listed the first release's fixed
// words).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "io/embedded.hpp"

namespace atlas {
namespace {

namespace fs = std::filesystem;

struct PlanWords {
  std::set<std::string> ids;    // ASCII words: checked where written as "word" or 'word'
  std::set<std::string> names;  // Chinese names, the plan's id and document: checked anywhere
};

PlanWords default_plan_words() {
  auto read = io::read_embedded_dataset();
  EXPECT_TRUE(read.has_value());
  PlanWords w;
  if (!read) return w;
  const Dataset& d = read->data;
  w.names = {d.plan.id, d.plan.title.zh, d.plan.title.en, d.plan.document};
  const auto add = [&](const std::string& id, const Names& name) {
    w.ids.insert(id);
    if (!name.zh.empty()) w.names.insert(name.zh);
  };
  for (const CountyRecord& c : d.counties)
    add(c.id, c.name);
  for (const ZoneRecord& z : d.zones)
    add(z.id, z.name);
  for (const TermRecord& t : d.terms) {
    if (t.kind == VocabularyKind::kSegment) add(t.id, t.name);
  }
  // The place itself, as its county names and the title write it.
  for (const std::string& place : {std::string("梅州"), std::string("Meizhou")}) {
    if (d.plan.title.zh.find(place) != std::string::npos || d.plan.title.en.find(place) != std::string::npos)
      w.names.insert(place);
  }
  return w;
}

bool is_test_file(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.find("_test") != std::string::npos || name.find(".test.") != std::string::npos ||
         name.starts_with("test_") || name.find("_test_") != std::string::npos;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t line_of(const std::string& text, std::size_t at) {
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

TEST(PlanWords, NoSourceOfTheProductNamesAWordOfOnePlan) {
  const PlanWords words = default_plan_words();
  ASSERT_GE(words.ids.size(), 10U) << "the default plan's counties, zones and segments";
  ASSERT_TRUE(words.ids.contains("trailer")) << "a segment of the default plan";
  std::vector<std::string> found;
  std::size_t files = 0;
  for (const char* root : {"src", "web/src"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(ATLAS_SOURCE_DIR) / root)) {
      if (!entry.is_regular_file() || is_test_file(entry.path())) continue;
      const std::string rel = fs::relative(entry.path(), ATLAS_SOURCE_DIR).string();
      if (rel.find("/migrations/") != std::string::npos) continue;
      ++files;
      const std::string text = slurp(entry.path());
      for (const std::string& name : words.names) {
        if (const auto at = text.find(name); at != std::string::npos)
          found.push_back(rel + ":" + std::to_string(line_of(text, at)) + ": " + name);
      }
      for (const std::string& id : words.ids) {
        for (const char quote : {'"', '\''}) {
          const std::string quoted = quote + id + quote;
          if (const auto at = text.find(quoted); at != std::string::npos)
            found.push_back(rel + ":" + std::to_string(line_of(text, at)) + ": " + quoted);
        }
      }
    }
  }
  EXPECT_GT(files, 200U) << "the walk found the sources";
  EXPECT_TRUE(found.empty()) << ::testing::PrintToString(found);
}

TEST(PlanWords, TheCheckFindsAWordOfThePlanWhereItIsWritten) {
  // The check above must be able to fail: the same search on a line a developer might write.
  const PlanWords words = default_plan_words();
  const std::string line = R"(if (segment == "trailer") label = "挂车等专用车零部件";)";
  EXPECT_NE(line.find("\"trailer\""), std::string::npos);
  EXPECT_TRUE(std::ranges::any_of(words.names,
                                  [&](const std::string& n) { return line.find(n) != std::string::npos; }));
  EXPECT_TRUE(words.ids.contains("trailer"));
}

}  // namespace
}  // namespace atlas
