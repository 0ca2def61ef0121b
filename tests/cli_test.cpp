// The `atlas` command as a user runs it: a fresh database per test, real files, real exit codes.
#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

class AtlasCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("atlas-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "atlas.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome atlas(const std::string& args) const {
    const fs::path out = dir_ / "stdout.txt";
    const fs::path err = dir_ / "stderr.txt";
    const std::string cmd =
        std::string(ATLAS_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    return Outcome{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }

  json::object check_json(const std::string& extra = "") const {
    const Outcome r = atlas("check --json --db " + db_ + " --as-of 2026-11-27 " + extra);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out).as_object();
  }

  /// A copy of the Riverbend fixture with the first `from` in `file` replaced by `to`; the line of
  /// the replacement goes to `*line` when asked for.
  fs::path riverbend_with(const std::string& file, const std::string& from, const std::string& to,
                          std::ptrdiff_t* line = nullptr) const {
    const fs::path plan = dir_ / "riverbend";
    fs::copy(fs::path(ATLAS_SOURCE_DIR) / "tests/fixtures/plans/riverbend", plan);
    std::string text = slurp(plan / file);
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at == std::string::npos) return plan;
    text.replace(at, from.size(), to);
    write(plan / file, text);
    if (line != nullptr)
      *line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    return plan;
  }

  static const json::object& target(const json::object& report, std::string_view id) {
    for (const auto& t : report.at("targets").as_array()) {
      if (t.as_object().at("id").as_string() == id) return t.as_object();
    }
    throw std::runtime_error("no target " + std::string(id));
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(AtlasCli, PrintsItsVersion) {
  const Outcome r = atlas("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("atlas 0.1.0"), std::string::npos);
}

TEST_F(AtlasCli, CheckSeedsTheEmbeddedPlanAndPrintsEveryTargetInChinese) {
  const Outcome r = atlas("check --db " + db_ + " --as-of 2026-11-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("梅州市汽车零部件产业集群发展规划"), std::string::npos);
  EXPECT_NE(r.out.find("汽车零部件工业总产值"), std::string::npos);
  EXPECT_NE(r.out.find("27.19亿 (2020)"), std::string::npos);
  EXPECT_NE(r.out.find("园区总产值"), std::string::npos);
  EXPECT_NE(r.out.find("示例数据"), std::string::npos);  // the sample legend
  EXPECT_TRUE(fs::exists(db_));
}

TEST_F(AtlasCli, CheckSpeaksEnglishOnRequest) {
  const Outcome r = atlas("check --lang en --db " + db_ + " --as-of 2026-11-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Total output of automotive parts"), std::string::npos);
  EXPECT_NE(r.out.find("sample data included"), std::string::npos);
}

TEST_F(AtlasCli, CheckJsonGivesSixteenTargetsWithStatusAndProvenance) {
  const auto report = check_json();
  ASSERT_EQ(report.at("targets").as_array().size(), 16u);
  const auto& total = target(report, "total-output");
  EXPECT_EQ(total.at("baseline").as_int64(), 2'719'000'000);
  EXPECT_EQ(total.at("latest_period").as_string(), "2025");
  EXPECT_TRUE(total.at("final").as_bool());
  EXPECT_TRUE(total.at("sample").as_bool());
  EXPECT_EQ(total.at("target_provenance").as_string(), "plan §4");
  const auto status = std::string(total.at("status").as_string());
  const bool reached = total.at("latest").as_int64() >= 10'000'000'000;
  EXPECT_EQ(status, reached ? "met" : "missed");
}

TEST_F(AtlasCli, NoSampleLeavesOnlyTheFiguresOfRealSources) {
  const auto report = check_json("--no-sample");
  EXPECT_FALSE(report.at("include_sample").as_bool());
  for (const auto& t : report.at("targets").as_array()) {
    EXPECT_FALSE(t.as_object().at("sample").as_bool()) << t;
    for (const auto& p : t.as_object().at("provenance").as_array()) {
      EXPECT_FALSE(std::string(p.as_string()).starts_with("sample")) << t;
    }
  }
  EXPECT_EQ(target(report, "total-output").at("status").as_string(), "no-data");
}

TEST_F(AtlasCli, AsOfUsesOnlyWhatWasKnownThen) {
  // By 2022-06-30 the statistics of 1–5月 2022 were out (published by the end of the next month).
  const Outcome r = atlas("check --json --db " + db_ + " --as-of 2022-06-30");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = json::parse(r.out).as_object();
  const auto& total = target(report, "total-output");
  EXPECT_EQ(total.at("latest_period").as_string(), "2022-01~05");
  EXPECT_FALSE(total.at("final").as_bool());
  EXPECT_NE(total.at("status").as_string(), "met");
  EXPECT_NE(total.at("status").as_string(), "missed");
}

TEST_F(AtlasCli, ABadRowStopsTheWholeImportAndNamesFileLineColumnAndField) {
  ASSERT_EQ(atlas("check --db " + db_).exit_code, 0);
  const auto before = check_json();
  const fs::path csv = dir_ / "in" / "enterprises.csv";
  write(csv,
        "id,credit_code,name_zh,county,segment,provenance\n"
        "new-good,,新企业甲,meixian,trailer,user: test\n"
        "new-bad,,新企业乙,meixain,trailer,user: test\n"
        "new-code,91350100M000100Y44,新企业丙,meixian,trailer,user: test\n");
  const Outcome r = atlas("import --db " + db_ + " " + csv.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(csv.string() + ":3:4: county:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("meixain"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(csv.string() + ":4:2: credit_code:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos);
  EXPECT_EQ(check_json(), before);  // the good row was not written either
}

TEST_F(AtlasCli, SkipInvalidWritesTheGoodRowsAndListsTheRejected) {
  ASSERT_EQ(atlas("check --db " + db_).exit_code, 0);  // seeds the counties the rows refer to
  const fs::path csv = dir_ / "in" / "enterprises.csv";
  write(csv,
        "id,name_zh,county,segment,provenance\n"
        "new-good,新企业甲,meixian,trailer,user: test\n"
        "new-bad,新企业乙,meixain,trailer,user: test\n");
  const Outcome r = atlas("import --skip-invalid --db " + db_ + " " + csv.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(":3:3: county:"), std::string::npos) << r.err;
  ASSERT_EQ(atlas("export --db " + db_ + " " + (dir_ / "out").string()).exit_code, 0);
  const std::string exported = slurp(dir_ / "out" / "enterprises.csv");
  EXPECT_NE(exported.find("new-good"), std::string::npos);
  EXPECT_EQ(exported.find("new-bad"), std::string::npos);
}

TEST_F(AtlasCli, ExportThenImportIntoAFreshDatabaseGivesTheSameFiles) {
  ASSERT_EQ(atlas("check --db " + db_).exit_code, 0);
  ASSERT_EQ(atlas("export --db " + db_ + " " + (dir_ / "a").string()).exit_code, 0);
  const std::string db2 = (dir_ / "second.db").string();
  // Import does not seed: the fresh database holds exactly what the export holds.
  const Outcome imported = atlas("import --db " + db2 + " " + (dir_ / "a").string());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  ASSERT_EQ(atlas("export --db " + db2 + " " + (dir_ / "b").string()).exit_code, 0);
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir_ / "a")) {
    if (!entry.is_regular_file()) continue;
    const fs::path other = dir_ / "b" / fs::relative(entry.path(), dir_ / "a");
    EXPECT_EQ(slurp(entry.path()), slurp(other)) << other;
    ++files;
  }
  EXPECT_GE(files, 11u);  // the plan TOML and the ten tables
}

TEST_F(AtlasCli, GeneratedDatasetImportsAndChecks) {
  const Outcome gen = atlas("gen --enterprises 300 --seed 7 " + (dir_ / "gen").string());
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  const std::string db2 = (dir_ / "gen.db").string();
  const Outcome imported = atlas("import --db " + db2 + " " + (dir_ / "gen").string());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const Outcome check = atlas("check --json --db " + db2);
  ASSERT_EQ(check.exit_code, 0) << check.err;
  EXPECT_GE(json::parse(check.out).at("targets").as_array().size(), 16u);
}

// atlas gen --plans 3: a province's plan and two city plans over one register, imported one after
// another as gen says; the province is the default, each city checks its own targets.
TEST_F(AtlasCli, GeneratedPlansImportOverOneRegister) {
  const Outcome gen = atlas("gen --enterprises 2000 --seed 9 --plans 3 " + (dir_ / "gen").string());
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  EXPECT_NE(gen.out.find("2 more plans"), std::string::npos) << gen.out;
  std::vector<fs::path> more;
  for (const auto& entry : fs::directory_iterator(dir_ / "gen" / "more-plans"))
    more.push_back(entry.path());
  std::ranges::sort(more);
  ASSERT_EQ(more.size(), 2U);
  ASSERT_EQ(atlas("import --db " + db_ + " " + (dir_ / "gen").string()).exit_code, 0);
  for (const auto& plan : more) {
    const Outcome r = atlas("import --db " + db_ + " " + plan.string());
    ASSERT_EQ(r.exit_code, 0) << plan << ": " << r.err;
  }
  const Outcome plans = atlas("plans --json --db " + db_);
  ASSERT_EQ(plans.exit_code, 0) << plans.err;
  const json::object listed = json::parse(plans.out).as_object();
  EXPECT_EQ(listed.at("default").as_string(), "synthetic-autoparts-2021-2025");
  std::int64_t city_enterprises = 0;
  for (const auto& p : listed.at("plans").as_array()) {
    if (p.at("id").as_string().starts_with("synthetic-city-"))
      city_enterprises += p.at("counts").at("enterprises").as_int64();
  }
  EXPECT_EQ(city_enterprises, 2000);  // the cities share the province's counties out
  EXPECT_EQ(check_json().at("targets").as_array().size(), 16U);  // the default plan
  EXPECT_EQ(check_json("--plan " + more[0].stem().string()).at("targets").as_array().size(), 3U);
}

TEST_F(AtlasCli, AFailedImportOfAYearZeroPlanWritesNothingAndCheckStillWorks) {
  // The report: issued = 0000-01-01 printed "nothing was written" and exit 1, yet committed the
  // plan, a data version and an audit event; every later check failed with "does not decode".
  ASSERT_EQ(atlas("check --db " + db_).exit_code, 0);
  const auto before = check_json();
  ASSERT_EQ(atlas("export --db " + db_ + " " + (dir_ / "a").string()).exit_code, 0);
  const fs::path plan = dir_ / "a" / "plans" / "meizhou-autoparts-2021-2025.toml";
  const std::string original = slurp(plan);
  std::string text = original;
  const auto issued = text.find("issued = 2021-07-02");
  ASSERT_NE(issued, std::string::npos);
  text.replace(issued, std::string("issued = 2021-07-02").size(), "issued = 0000-01-01");
  write(plan, text);
  const std::string db_bytes = slurp(db_);

  const Outcome r = atlas("import --db " + db_ + " " + plan.string());
  EXPECT_EQ(r.exit_code, 1);
  const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(issued), '\n') + 1;
  EXPECT_NE(r.err.find(plan.string() + ":" + std::to_string(line) +
                       ":10: plan.issued: \"0000-01-01\" is not a date: year 0000 does not exist"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 error(s); nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(db_), db_bytes);  // not a byte changed: no plan row, data version or audit event
  EXPECT_EQ(check_json(), before);
  write(plan, original);  // imports still work: the database is as it was
  const Outcome again = atlas("import --db " + db_ + " " + (dir_ / "a").string());
  EXPECT_EQ(again.exit_code, 0) << again.err;
}

TEST_F(AtlasCli, AnIndicatorThatDoesNotParseIsRefusedAtImportWhereItStands) {
  // The report: 4,100 nested parentheses in a plan's indicator imported with exit 0, then crashed
  // check and serve. Now the import names the file, line and column and writes nothing.
  ASSERT_EQ(atlas("check --db " + db_).exit_code, 0);
  const auto before = check_json();
  ASSERT_EQ(atlas("export --db " + db_ + " " + (dir_ / "a").string()).exit_code, 0);
  const fs::path plan = dir_ / "a" / "plans" / "meizhou-autoparts-2021-2025.toml";
  std::string text = slurp(plan);
  const std::string first = "indicator = \"sum(output_value) in 2025\"";
  const auto at = text.find(first);
  ASSERT_NE(at, std::string::npos);
  const std::string deep =
      "count(enterprises) where " + std::string(4100, '(') + "high_tech" + std::string(4100, ')');
  text.replace(at, first.size(), "indicator = \"" + deep + "\"");
  write(plan, text);
  const std::string db_bytes = slurp(db_);

  const Outcome r = atlas("import --db " + db_ + " " + plan.string());
  EXPECT_EQ(r.exit_code, 1);
  const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
  EXPECT_NE(r.err.find(plan.string() + ":" + std::to_string(line) +
                       ":13: target.indicator: character 58 of the indicator: the condition nests"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(slurp(db_), db_bytes);
  EXPECT_EQ(check_json(), before);
}

TEST_F(AtlasCli, AnImportThatChangesNothingWritesNothing) {
  ASSERT_EQ(atlas("check --db " + db_).exit_code, 0);
  ASSERT_EQ(atlas("export --db " + db_ + " " + (dir_ / "a").string()).exit_code, 0);
  const std::string db_bytes = slurp(db_);
  const Outcome r = atlas("import --db " + db_ + " " + (dir_ / "a").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("atlas import: nothing changed: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(data version 1)"), std::string::npos) << r.out;
  EXPECT_EQ(slurp(db_), db_bytes);  // no new data version, no audit event

  // One goal changed: the import says what it wrote, one changed target and nothing new.
  const fs::path plan = dir_ / "a" / "plans" / "meizhou-autoparts-2021-2025.toml";
  std::string text = slurp(plan);
  const auto at = text.find("goal = \">= 100亿\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("goal = \">= 100亿\"").size(), "goal = \">= 120亿\"");
  write(plan, text);
  const Outcome changed = atlas("import --db " + db_ + " " + (dir_ / "a").string());
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_NE(changed.out.find("0 new and 1 changed written in one transaction"), std::string::npos)
      << changed.out;
  EXPECT_NE(changed.out.find("targets                    0 new         1 changed        15 unchanged"),
            std::string::npos)
      << changed.out;
}

// A plan file of a few lines: its own target "total-output", no counties of Meizhou.
std::string small_plan(const std::string& id) {
  return "[plan]\nid = \"" + id +
         "\"\ntitle = { zh = \"测试规划\", en = \"Test plan\" }\nstart = 2023\nend = 2027\n\n"
         "[[target]]\nid = \"total-output\"\ntitle = { zh = \"总产值\", en = \"Output\" }\n"
         "indicator = \"sum(output_value) in 2025\"\ngoal = \">= 1亿\"\ndeadline = 2027\nunit = \"yuan\"\n"
         "quote = \"\"\nprovenance = \"sample\"\n";
}

// Other plans go beside Meizhou, one after another (a third into a database that holds two plans
// and no default), and Meizhou's 16 targets answer exactly as before.
TEST_F(AtlasCli, OtherPlansImportBesideMeizhouAndLeaveItsTargetsAsTheyWere) {
  json::object before = check_json();
  for (const std::string id : {"second-plan", "third-plan"}) {
    write(dir_ / (id + ".toml"), small_plan(id));
    const Outcome r = atlas("import --db " + db_ + " " + (dir_ / (id + ".toml")).string());
    ASSERT_EQ(r.exit_code, 0) << id << ": " << r.err;
  }
  const Outcome plans = atlas("plans --json --db " + db_);
  ASSERT_EQ(plans.exit_code, 0) << plans.err;
  EXPECT_EQ(json::parse(plans.out).at("plans").as_array().size(), 3U);
  json::object after = check_json("--plan meizhou-autoparts-2021-2025");
  before.erase("snapshot_version");
  after.erase("snapshot_version");
  EXPECT_EQ(after, before);
  const Outcome unnamed = atlas("check --db " + db_);
  EXPECT_EQ(unnamed.exit_code, 1);
  EXPECT_NE(unnamed.err.find("name one (meizhou-autoparts-2021-2025, second-plan, third-plan)"),
            std::string::npos)
      << unnamed.err;
}

// Issue 9: a target whose indicator parses but does not fit the data (a metric nobody reports, a
// zone the plan lacks) imported "successfully" and then made check exit 1. The import now checks
// every target it reads against its plan's data as the import would leave it, and refuses the whole
// import at the indicator, with nothing written.
TEST_F(AtlasCli, ATargetThatDoesNotFitItsPlansDataIsRefusedAtImportWhereItStands) {
  const fs::path plan = dir_ / "second-plan.toml";
  std::string text = small_plan("second-plan");
  const std::string good = "indicator = \"sum(output_value) in 2025\"";
  const auto at = text.find(good);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, good.size(), "indicator = \"sum(outptu_value) in 2025\"");
  text +=
      "\n[[target]]\nid = \"park\"\ntitle = { zh = \"园区\", en = \"Park\" }\n"
      "indicator = \"count(enterprises) where zone = \\\"no-such-zone\\\" in 2025\"\ngoal = \">= 1\"\n"
      "deadline = 2027\nunit = \"count\"\nquote = \"\"\nprovenance = \"sample\"\n";
  write(plan, text);
  ASSERT_EQ(atlas("check --db " + db_).exit_code, 0);
  const std::string db_bytes = slurp(db_);

  const Outcome r = atlas("import --db " + db_ + " " + plan.string());
  EXPECT_EQ(r.exit_code, 1);
  const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
  EXPECT_NE(r.err.find(plan.string() + ":" + std::to_string(line) +
                       ":13: target.indicator: target total-output: character 5 of the indicator: "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("did you mean"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("target park: character "), std::string::npos)
      << r.err;  // every target, not the first
  EXPECT_NE(r.err.find("atlas import: 2 error(s); nothing was written"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(db_), db_bytes);
  // Fixed, it imports beside Meizhou.
  text = small_plan("second-plan");
  write(plan, text);
  const Outcome fixed = atlas("import --db " + db_ + " " + plan.string());
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
}

// Every file under `dir`, by its path relative to `dir`, with its bytes.
std::map<std::string, std::string> files_under(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = slurp(entry.path());
  }
  return files;
}

// A real second plan directory (tests/fixtures/plans/riverbend: its own counties, enterprises,
// figures, a zone and a target id Meizhou also uses) and Meizhou's own files, imported in both
// orders: each plan answers `check` and `export --plan` exactly as it does alone in a database. (The
// export also writes the registers every plan shares whole, metrics and taxonomy, which hold both
// plans' rows when both are there; they are left out of the comparison.)
TEST_F(AtlasCli, TwoPlansImportedInEitherOrderAnswerEachAsAlone) {
  const std::string source = ATLAS_SOURCE_DIR;
  const std::string riverbend = source + "/tests/fixtures/plans/riverbend";
  const std::string meizhou =
      source + "/data/plans/meizhou-autoparts-2021-2025.toml " + source + "/data/meizhou";
  const std::map<std::string, std::string> plans = {{"riverbend-ev-2024-2027", riverbend},
                                                    {"meizhou-autoparts-2021-2025", meizhou}};
  const auto answers = [&](const std::string& db, const std::string& id, const std::string& tag) {
    const Outcome r = atlas("check --json --as-of 2026-11-27 --db " + db + " --plan " + id);
    EXPECT_EQ(r.exit_code, 0) << id << ": " << r.err;
    json::object check = json::parse(r.out).as_object();
    check.erase("snapshot_version");
    const fs::path out = dir_ / ("export-" + tag + "-" + id);
    EXPECT_EQ(atlas("export --db " + db + " --plan " + id + " " + out.string()).exit_code, 0);
    auto files = files_under(out);
    files.erase("metrics.csv");
    files.erase("taxonomy.csv");
    return std::pair{check, files};
  };
  std::map<std::string, std::pair<json::object, std::map<std::string, std::string>>> alone;
  for (const auto& [id, files] : plans) {
    const std::string db = (dir_ / (id + "-alone.db")).string();
    ASSERT_EQ(atlas("import --db " + db + " " + files).exit_code, 0) << id;
    alone[id] = answers(db, id, "alone");
  }
  EXPECT_EQ(alone["riverbend-ev-2024-2027"].first.at("targets").as_array().size(), 4U);
  EXPECT_EQ(alone["meizhou-autoparts-2021-2025"].first.at("targets").as_array().size(), 16U);
  for (const auto& order :
       {std::vector<std::string>{"riverbend-ev-2024-2027", "meizhou-autoparts-2021-2025"},
        std::vector<std::string>{"meizhou-autoparts-2021-2025", "riverbend-ev-2024-2027"}}) {
    const std::string tag = order.front() + "-first";
    const std::string db = (dir_ / (tag + ".db")).string();
    for (const auto& id : order) {
      const Outcome r = atlas("import --db " + db + " " + plans.at(id));
      ASSERT_EQ(r.exit_code, 0) << tag << ", " << id << ": " << r.err;
    }
    for (const auto& id : order) {
      const auto both = answers(db, id, tag);
      EXPECT_EQ(both.first, alone[id].first) << tag << ": check of " << id;
      EXPECT_EQ(both.second, alone[id].second) << tag << ": export of " << id;
    }
  }
}

TEST_F(AtlasCli, ErrorsShowHostileBytesEscapedNeverRaw) {
  ASSERT_EQ(atlas("check --db " + db_).exit_code, 0);
  const fs::path csv = dir_ / "in" / "enterprises.csv";
  write(csv, std::string("id,name_zh,county,segment,provenance\n"
                         "esc,\x1b]0;pwned\x07\x1b[2J,meixian,trailer,user: test\n"
                         "nul,甲\xFF,meixian,trailer,user: test\n"));
  const Outcome r = atlas("import --db " + db_ + " " + csv.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(csv.string() + ":2:2: name_zh: control character U+001B is not allowed"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(csv.string() + ":3:2: name_zh: invalid UTF-8 byte \\xFF"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.err.find('\xFF'), std::string::npos);
}

TEST_F(AtlasCli, UnknownSubcommandPrintsHelp) {
  const Outcome r = atlas("frobnicate");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE((r.out + r.err).find("check"), std::string::npos);
}

TEST_F(AtlasCli, ARefusedImportIntoANewDatabaseLeavesNoFileAndCheckSaysWhatItLoads) {
  // The report: a refused import left an empty database that the next `atlas check` silently
  // seeded with Meizhou, so the user took Meizhou's figures for their own plan's.
  const fs::path plan = riverbend_with("plan.toml", "goal = \">= 85%\"", "goal = \">= 85\"");

  const Outcome r = atlas("import --db " + db_ + " " + plan.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("target.goal: goal \">= 85\": \"85\" is not a percent: it does not end with %"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(db_));
  EXPECT_FALSE(fs::exists(db_ + "-wal"));

  const Outcome first = atlas("check --db " + db_);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("held no plan: loaded the embedded plan"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("meizhou-autoparts-2021-2025"), std::string::npos) << first.err;
  const Outcome second = atlas("check --db " + db_);
  EXPECT_EQ(second.err.find("held no plan"), std::string::npos) << second.err;
}

TEST_F(AtlasCli, APercentTargetReadsItsRatioAsAShareOfTheYearSoFar) {
  const std::string riverbend = std::string(ATLAS_SOURCE_DIR) + "/tests/fixtures/plans/riverbend";
  const Outcome imported = atlas("import --db " + db_ + " " + riverbend);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto report = check_json();
  const auto& share = target(report, "park-share");
  EXPECT_EQ(share.at("unit").as_string(), "percent");
  EXPECT_EQ(share.at("goal_value").as_int64(), 850'000);
  EXPECT_EQ(share.at("baseline").as_int64(), 775'000);
  EXPECT_EQ(share.at("baseline_qualifier").as_string(), "about");
  // The park's part of 2025's revenue so far (7400万 of 9100万), exactly, and not annualised.
  EXPECT_EQ(share.at("latest").as_int64(), 813'187);
  EXPECT_EQ(share.at("latest_period").as_string(), "2025-01~06");
  EXPECT_TRUE(share.at("projected").is_null());
  EXPECT_TRUE(share.at("growth_needed_per_year").is_null());
  EXPECT_FALSE(share.at("change_needed_per_year").is_null());
  const Outcome table = atlas("check --db " + db_ + " --as-of 2026-11-27 --lang en");
  EXPECT_NE(table.out.find("~77.5% (2023)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("≥ 85%"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("81.32%*"), std::string::npos) << table.out;  // to 0.01 point
  // From 2024's complete year (13400万 of 16500万, 81.21%) to 85% in three years.
  EXPECT_NE(table.out.find("+1.26 pt/yr"), std::string::npos) << table.out;
}

// Riverbend declares a unit of its own (vehicles, with 万辆 in Chinese and thousand/million in
// English) for a region figure: the check reads and shows it in that unit, never as a bare count.
TEST_F(AtlasCli, ATargetInAPlanDeclaredUnitShowsItsValuesInThatUnit) {
  const std::string riverbend = std::string(ATLAS_SOURCE_DIR) + "/tests/fixtures/plans/riverbend";
  const Outcome imported = atlas("import --db " + db_ + " " + riverbend);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto report = check_json();
  const auto& vehicles = target(report, "vehicle-output");
  EXPECT_EQ(vehicles.at("unit").as_string(), "count");
  EXPECT_EQ(vehicles.at("declared_unit").as_string(), "vehicle");
  EXPECT_EQ(vehicles.at("goal_value").as_int64(), 50'000);
  EXPECT_EQ(vehicles.at("latest").as_int64(), 26'000);  // 2.6万, the 2025 figure
  const Outcome zh = atlas("check --db " + db_ + " --as-of 2026-11-27");
  EXPECT_NE(zh.out.find("2.6万辆*"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("≥ 5万辆"), std::string::npos) << zh.out;
  const Outcome en = atlas("check --db " + db_ + " --as-of 2026-11-27 --lang en");
  EXPECT_NE(en.out.find("26 thousand vehicles*"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("≥ 50 thousand vehicles"), std::string::npos) << en.out;
  // The makers target stays in the built-in count: a bare number, as before.
  EXPECT_TRUE(target(report, "makers").at("declared_unit").is_null());
}

// A target whose unit the plan does not declare refuses the import at its unit, naming the units
// there are; a unit that takes a built-in id is refused at its id.
TEST_F(AtlasCli, AnUndeclaredUnitRefusesTheImportAtItsLine) {
  std::ptrdiff_t line = 0;
  const fs::path plan = riverbend_with("plan.toml", "unit = \"vehicle\"", "unit = \"vehicles\"", &line);
  const Outcome refused = atlas("import --db " + db_ + " " + plan.string());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find(fmt::format("plan.toml:{}:", line)), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("'vehicles' is not a unit of the plan (did you mean 'vehicle'?)"),
            std::string::npos)
      << refused.err;
  EXPECT_FALSE(fs::exists(db_) && atlas("plans --db " + db_).out.find("riverbend") != std::string::npos);

  // A stated figure in the unit must read as its measure (a count), or the import names its cell.
  fs::remove_all(plan);
  const fs::path figure = riverbend_with("facts.csv", "2.6万,vehicle", "2.6万x,vehicle", &line);
  const Outcome refused_figure = atlas("import --db " + db_ + " " + figure.string());
  EXPECT_EQ(refused_figure.exit_code, 1);
  EXPECT_NE(refused_figure.err.find(
                fmt::format("facts.csv:{}:5: value: '2.6万x' is not a count (unit vehicle)", line)),
            std::string::npos)
      << refused_figure.err;

  fs::remove_all(figure);
  const fs::path builtin = riverbend_with("plan.toml", "id = \"vehicle\"", "id = \"count\"", &line);
  const Outcome refused_builtin = atlas("import --db " + db_ + " " + builtin.string());
  EXPECT_EQ(refused_builtin.exit_code, 1);
  EXPECT_NE(refused_builtin.err.find(fmt::format("plan.toml:{}:", line)), std::string::npos)
      << refused_builtin.err;
  EXPECT_NE(refused_builtin.err.find("'count' is a built-in unit"), std::string::npos) << refused_builtin.err;
}

TEST_F(AtlasCli, ATargetWhoseUnitDoesNotFitItsIndicatorIsRefusedAtItsUnitLine) {
  // A count in yuan could never be judged: the import says so where the unit is written.
  const fs::path plan = dir_ / "riverbend";
  fs::copy(fs::path(ATLAS_SOURCE_DIR) / "tests/fixtures/plans/riverbend", plan);
  std::string text = slurp(plan / "plan.toml");
  const auto makers = text.find("id = \"makers\"");
  ASSERT_NE(makers, std::string::npos);
  const auto unit = text.find("unit = \"count\"", makers);
  ASSERT_NE(unit, std::string::npos);
  text.replace(unit, std::string("unit = \"count\"").size(), "unit = \"yuan\"");
  write(plan / "plan.toml", text);
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(unit), '\n');

  const Outcome r = atlas("import --db " + db_ + " " + plan.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(fmt::format("plan.toml:{}:8: target.unit: target makers: the unit is \"yuan\" but the "
                                   "indicator measures a count: write unit = \"count\"",
                                   line)),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(AtlasCli, AWordThePlanDoesNotDeclareIsRefusedWhereItIsUsed) {
  // Riverbend declares its segments and zone kinds; an enterprise row with another segment, or a
  // zone of another kind, refuses the import at the cell, with the nearest word of the plan.
  std::ptrdiff_t line = 0;
  const fs::path plan = riverbend_with("enterprises.csv", ",ev-drive,", ",ev-drvie,", &line);
  const Outcome r = atlas("import --db " + db_ + " " + plan.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(
      r.err.find(fmt::format("enterprises.csv:{}:7: segment: 'ev-drvie' is not a word of the plan's "
                             "segment vocabulary (did you mean 'ev-drive'?) — declare it with [[segment]] "
                             "in the plan file",
                             line)),
      std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(db_));

  fs::remove_all(plan);
  const fs::path zone = riverbend_with("plan.toml", "kind = \"ev-park\"", "kind = \"base\"", &line);
  const Outcome z = atlas("import --db " + db_ + " " + zone.string());
  EXPECT_EQ(z.exit_code, 1);
  EXPECT_NE(z.err.find(fmt::format("plan.toml:{}:8: zone.kind: 'base' is not a word of the plan's zone_kind "
                                   "vocabulary",
                                   line)),
            std::string::npos)
      << z.err;
  EXPECT_FALSE(fs::exists(db_));

  // Declared, the words name the records: the API and the pages show its names, not Meizhou's.
  fs::remove_all(zone);
  ASSERT_EQ(
      atlas("import --db " + db_ + " " + std::string(ATLAS_SOURCE_DIR) + "/tests/fixtures/plans/riverbend")
          .exit_code,
      0);
  const Outcome exported = atlas("export --db " + db_ + " " + (dir_ / "out").string());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string written = slurp(dir_ / "out" / "plans" / "riverbend-ev-2024-2027.toml");
  EXPECT_NE(written.find(
                "[[segment]]\nid = \"ev-drive\"\nname = { zh = \"电驱动零部件\", en = \"EV drive parts\" }"),
            std::string::npos)
      << written;
}

TEST_F(AtlasCli, ATargetOfAStatedRegionFigureReadsTheLatestYearStated) {
  // A figure no enterprise owns (the county's public charging points), stated per year in facts.csv.
  const std::string chargers_target =
      "\n[[target]]\nid = \"chargers\"\ntitle = { zh = \"全县公共充电桩\", en = \"Public charging points\" "
      "}\n"
      "indicator = \"figure(charging_points) of \\\"region:riverbend\\\" in 2027\"\ngoal = \">= 600\"\n"
      "deadline = 2027\nunit = \"count\"\nprovenance = \"sample\"\n";
  const fs::path plan = riverbend_with("plan.toml", "[[target]]", chargers_target.substr(1) + "\n[[target]]");
  write(plan / "facts.csv",
        slurp(plan / "facts.csv") +
            "rb-chargers-2024,region:riverbend,charging_points,2024,320,count,exact,,充电桩,charging "
            "points,sample\n"
            "rb-chargers-2025,region:riverbend,charging_points,2025,410,count,exact,,充电桩,charging points,"
            "sample: county report\n");
  const Outcome imported = atlas("import --db " + db_ + " " + plan.string());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const json::object report = check_json();
  const auto& chargers = target(report, "chargers");
  EXPECT_EQ(chargers.at("latest").as_int64(), 410);
  EXPECT_EQ(chargers.at("latest_period").as_string(), "2025");
  EXPECT_TRUE(chargers.at("sample").as_bool());
  EXPECT_EQ(chargers.at("provenance").as_array().at(0).as_string(), "sample: county report");
  const Outcome table = atlas("check --db " + db_ + " --as-of 2026-11-27 --lang en");
  EXPECT_NE(table.out.find("figures from: sample: county report"), std::string::npos) << table.out;

  // A figure of a subject nothing states refuses the import at the indicator, with the nearest one.
  fs::remove_all(plan);
  fs::remove(db_);
  const fs::path wrong =
      riverbend_with("plan.toml", "[[target]]", chargers_target.substr(1) + "\n[[target]]");
  std::string text = slurp(wrong / "plan.toml");
  text.replace(text.find("region:riverbend"), std::string("region:riverbend").size(), "region:riverbed");
  write(wrong / "plan.toml", text);
  write(wrong / "facts.csv",
        slurp(wrong / "facts.csv") +
            "rb-chargers-2025,region:riverbend,charging_points,2025,410,count,exact,,充电桩,charging "
            "points,sample\n");
  const Outcome refused = atlas("import --db " + db_ + " " + wrong.string());
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(
      refused.err.find("no figure is stated about \"region:riverbed\" — did you mean \"region:riverbend\"?"),
      std::string::npos)
      << refused.err;
}

// `atlas gaps` on the embedded plan: every chain, its gaps with the evidence that decided each.
TEST_F(AtlasCli, GapsListsTheWeakAndMissingLinksOfEveryChainWithTheirEvidence) {
  const Outcome r = atlas("gaps --db " + db_ + " --as-of 2026-11-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("挂车产业链（trailer）— 规划全域，2025年"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("牵引销 kingpin"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("缺链"), std::string::npos);
  EXPECT_NE(r.out.find("本地无生产企业"), std::string::npos);
  EXPECT_NE(r.out.find("方法见 docs/chains.md"), std::string::npos);
  const Outcome en =
      atlas("gaps --db " + db_ + " --chain trailer --county meixian --lang en --as-of 2026-11-27");
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(en.out.find("Trailer chain (trailer) — Meixian District, 2025"), std::string::npos) << en.out;
  EXPECT_EQ(en.out.find("nev-three-electric"), std::string::npos);  // one chain asked for
}

TEST_F(AtlasCli, GapsJsonIsTheApisShape) {
  const Outcome r = atlas("gaps --json --db " + db_ + " --chain trailer --as-of 2026-11-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json::object root = json::parse(r.out).as_object();
  EXPECT_EQ(root.at("plan").as_string(), "meizhou-autoparts-2021-2025");
  const auto& chains = root.at("chains").as_array();
  ASSERT_EQ(chains.size(), 1U);
  const auto& chain = chains[0].as_object();
  EXPECT_EQ(chain.at("id").as_string(), "trailer");
  EXPECT_EQ(chain.at("links").as_array().size(), 11U);
  EXPECT_EQ(chain.at("gaps").at(0).as_string(), "kingpin");
}

// Every county in one call, each row as `gaps --county` judges that county.
TEST_F(AtlasCli, GapsEveryCountyGivesOneRowPerCountyAsTheCountyViewDoes) {
  const Outcome r = atlas("gaps --db " + db_ + " --chain trailer --every-county --as-of 2026-11-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("挂车产业链（trailer）— 各区县"), std::string::npos) << r.out;
  const Outcome j = atlas("gaps --json --db " + db_ + " --chain trailer --every-county --as-of 2026-11-27");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const auto counties = json::parse(j.out).at("chains").at(0).at("counties").as_array();
  ASSERT_EQ(counties.size(), 8U);
  for (const auto& c : counties) {
    const std::string id(c.at("county").at("id").as_string());
    const Outcome one =
        atlas("gaps --json --db " + db_ + " --chain trailer --county " + id + " --as-of 2026-11-27");
    ASSERT_EQ(one.exit_code, 0) << one.err;
    const auto chain = json::parse(one.out).at("chains").at(0);
    EXPECT_EQ(c.at("present"), chain.at("present")) << id;
    EXPECT_EQ(c.at("gaps"), chain.at("gaps")) << id;
  }
  const Outcome both = atlas("gaps --db " + db_ + " --every-county --county meixian");
  EXPECT_EQ(both.exit_code, 1);
  EXPECT_NE(both.err.find("--county: --every-county judges every county"), std::string::npos) << both.err;
}

TEST_F(AtlasCli, GapsNamesAnUnknownChainOrCountyWithASuggestion) {
  const Outcome chain = atlas("gaps --db " + db_ + " --chain trailr");
  EXPECT_EQ(chain.exit_code, 1);
  EXPECT_NE(chain.err.find("--chain: no chain \"trailr\""), std::string::npos) << chain.err;
  EXPECT_NE(chain.err.find("did you mean \"trailer\"?"), std::string::npos) << chain.err;
  const Outcome county = atlas("gaps --db " + db_ + " --county meixain");
  EXPECT_EQ(county.exit_code, 1);
  EXPECT_NE(county.err.find("did you mean \"meixian\"?"), std::string::npos) << county.err;
}

// The second plan judges its chain with its own rules: above-size makers only, one maker enough,
// and a location quotient from the province's figures in its facts.csv.
TEST_F(AtlasCli, GapsJudgesAnotherPlanWithItsOwnRules) {
  const std::string riverbend = std::string(ATLAS_SOURCE_DIR) + "/tests/fixtures/plans/riverbend";
  ASSERT_EQ(atlas("import --db " + db_ + " " + riverbend).exit_code, 0);
  const Outcome r = atlas("gaps --json --db " + db_ + " --as-of 2026-11-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto chain = json::parse(r.out).at("chains").at(0).as_object();
  EXPECT_EQ(chain.at("id").as_string(), "ev-drive");
  const auto link = [&](std::string_view id) -> const json::object& {
    for (const auto& l : chain.at("links").as_array()) {
      if (l.at("id").as_string() == id) return l.as_object();
    }
    throw std::runtime_error("no link");
  };
  // The harness maker is below designated size: under this plan it does not count.
  EXPECT_EQ(link("harnesses").at("verdict").as_string(), "missing");
  // Motors: 3100万 of the county's 9100万 (34%) against the province's 40亿 of 800亿 (5%).
  EXPECT_EQ(link("motors").at("verdict").as_string(), "strong");
  EXPECT_NEAR(link("motors").at("location_quotient").as_double(), 6.8132, 1e-4);
  EXPECT_EQ(link("housings").at("verdict").as_string(), "weak");
}

// A county's part of every target: each target's latest reading grouped by county, adding up to the
// reading `atlas check` shows, and the targets that cannot be so grouped named with the reason.
TEST_F(AtlasCli, CheckByCountyBreaksEveryTargetDownAndTheCountiesAddUp) {
  const Outcome r = atlas("check --db " + db_ + " --by county --as-of 2026-11-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(total-output) — sum(output_value) in 2025 group by county"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("梅县区 meixian"), std::string::npos);
  EXPECT_NE(r.out.find("（未登记）"), std::string::npos);  // named firms without a county
  EXPECT_NE(r.out.find("无法分组：\n  new-provincial-carriers:"), std::string::npos) << r.out;
  const Outcome j = atlas("check --json --db " + db_ + " --by county --as-of 2026-11-27");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const Outcome check = atlas("check --json --db " + db_ + " --as-of 2026-11-27");
  ASSERT_EQ(check.exit_code, 0) << check.err;
  const json::value grouped = json::parse(j.out);
  const json::value whole = json::parse(check.out);
  std::size_t compared = 0;
  for (const auto& t : grouped.at("targets").as_array()) {
    for (const auto& row : whole.at("targets").as_array()) {
      if (row.at("id") != t.at("target") || row.at("latest").is_null()) continue;
      std::int64_t sum = 0;
      for (const auto& g : t.at("groups").as_array())
        sum += g.at("value").is_null() ? 0 : g.at("value").as_int64();
      EXPECT_EQ(t.at("total").at("value"), row.at("latest")) << t.at("target");
      if (!t.at("groups_overlap").as_bool()) {
        EXPECT_EQ(sum, row.at("latest").as_int64()) << t.at("target");
      }
      ++compared;
    }
  }
  EXPECT_GE(compared, 8U);
  EXPECT_FALSE(grouped.at("not_grouped").as_array().empty());
}

TEST_F(AtlasCli, CheckByNamesAFieldOrTargetThatDoesNotFit) {
  const Outcome typo = atlas("check --db " + db_ + " --by segmnt --target total-output");
  EXPECT_EQ(typo.exit_code, 1);
  EXPECT_NE(typo.err.find("--by: unknown field \"segmnt\""), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("did you mean \"segment\""), std::string::npos) << typo.err;
  const Outcome target = atlas("check --db " + db_ + " --by county --target total-outptu");
  EXPECT_EQ(target.exit_code, 1);
  EXPECT_NE(target.err.find("--target: no target \"total-outptu\" (did you mean \"total-output\"?)"),
            std::string::npos)
      << target.err;
  const Outcome carriers = atlas("check --db " + db_ + " --by county --target new-provincial-carriers");
  EXPECT_EQ(carriers.exit_code, 1);
  EXPECT_NE(carriers.err.find("group by kind or level"), std::string::npos) << carriers.err;
}

// The second plan groups its own targets by its own counties; a ratio is each county's own ratio.
TEST_F(AtlasCli, CheckByCountyOnAnotherPlan) {
  const std::string riverbend = std::string(ATLAS_SOURCE_DIR) + "/tests/fixtures/plans/riverbend";
  ASSERT_EQ(atlas("import --db " + db_ + " " + riverbend).exit_code, 0);
  const Outcome r = atlas("check --db " + db_ + " --by county --lang en --as-of 2026-11-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Riverbend North riverbend-north"), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find("(park-share) — sum(revenue) where zone = \"riverbend-ev-park\" / sum(revenue) in 2025 "
                 "group by county"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("vehicle-output: figure() reads one stated figure"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("meixian"), std::string::npos);
}

TEST_F(AtlasCli, ImportRefusesChainRulesNamingUnknownAnchorsOrFactsAndWritesNothing) {
  std::ptrdiff_t line = 0;
  const fs::path plan =
      riverbend_with("plan.toml", "anchors = [\"rb-motor\"]", "anchors = [\"rb-moter\"]", &line);
  const Outcome r = atlas("import --db " + db_ + " " + plan.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(
      r.err.find(fmt::format("plan.toml:{}:11: plan.chain_rules.anchors: unknown enterprise 'rb-moter' (did "
                             "you mean 'rb-motor'?)",
                             line)),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos);
  EXPECT_FALSE(fs::exists(db_));
}

TEST_F(AtlasCli, CandidatesRanksTheFirmsToCourtForALinkWithTheirReasons) {
  const Outcome r = atlas("candidates power-battery --db " + db_ + " --lang en --as-of 2026-11-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Candidates for Power batteries (nev-three-electric/power-battery), a missing link"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("EVE Energy eve-energy"), std::string::npos);
  EXPECT_NE(r.out.find("head office in 珠三角, a region the plan courts (+20.0)"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("weights: gap 4, ties 2, scale 1, region 2, named 1"), std::string::npos);
  const Outcome j = atlas("candidates nev-three-electric/power-battery --json --db " + db_);
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(json::parse(j.out).at("candidates").as_array().size(), 2U);
  const Outcome bad = atlas("candidates power-batery --db " + db_);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("did you mean \"power-battery\"?"), std::string::npos) << bad.err;
}

TEST_F(AtlasCli, CatalogueWritesBothCataloguesAsCsvForASpreadsheet) {
  const fs::path links = dir_ / "key-development.csv";
  const Outcome r = atlas("catalogue --kind key-development --out " + links.string() + " --db " + db_ +
                          " --as-of 2026-11-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = slurp(links);
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBFrank,chain,chain_zh,link,"));
  EXPECT_NE(csv.find("1,trailer,挂车产业链,kingpin,牵引销,Kingpins,missing,缺链,kingpin,0,1,本地无生产企业"),
            std::string::npos)
      << csv;
  const fs::path firms = dir_ / "target-enterprise.csv";
  ASSERT_EQ(atlas("catalogue --kind target-enterprise --out " + firms.string() + " --db " + db_).exit_code,
            0);
  const std::string targets = slurp(firms);
  EXPECT_NE(targets.find("rank,id,name_zh,name_en,kind,region,chain,link,score,reasons_zh,reasons_en"),
            std::string::npos);
  EXPECT_EQ(std::ranges::count(targets, '\n'), 17);  // the header and the plan's 16 candidates
  EXPECT_FALSE(fs::exists(firms.string() + ".tmp"));
  const Outcome bad = atlas("catalogue --kind targets --out " + firms.string() + " --db " + db_);
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("--kind"), std::string::npos) << bad.err;
}

TEST_F(AtlasCli, CatalogueWritesAnXlsxWorkbookWhenTheFileSaysSo) {
  const fs::path book = dir_ / "key-development.XLSX";
  const Outcome r = atlas("catalogue --kind key-development --out " + book.string() + " --db " + db_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("XLSX"), std::string::npos) << r.out;
  EXPECT_TRUE(slurp(book).starts_with(std::string("PK\x03\x04", 4)));
  const fs::path nowhere = dir_ / "no-such-dir" / "c.xlsx";
  const Outcome bad = atlas("catalogue --kind key-development --out " + nowhere.string() + " --db " + db_);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("no-such-dir"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(dir_ / "no-such-dir"));
}

// `atlas forecast`: the same numbers for the same seed on any number of threads, every target in
// the JSON, runs checked, and a second plan (its own segments and metric) forecast too.
TEST_F(AtlasCli, ForecastIsReproducibleAndChecksItsRuns) {
  const std::string common = " --json --as-of 2023-06-30 --runs 3000 --seed 9 --db " + db_;
  const Outcome one = atlas("forecast --threads 1" + common);
  const Outcome two = atlas("forecast --threads 2" + common);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out, two.out) << "the thread count changes nothing";
  const json::object report = json::parse(one.out).as_object();
  EXPECT_EQ(report.at("runs").as_int64(), 3000);
  ASSERT_EQ(report.at("targets").as_array().size(), 16U);
  const json::object& total = report.at("targets").as_array()[0].as_object();
  EXPECT_EQ(total.at("id").as_string(), "total-output");
  EXPECT_GT(total.at("probability").as_double(), 0.0);
  EXPECT_LT(total.at("probability").as_double(), 1.0);

  const Outcome table = atlas("forecast --lang en --as-of 2023-06-30 --runs 1000 --db " + db_);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("P(met)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("runs 1000"), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("not forecast"), std::string::npos)
      << "every target of Meizhou's has a form forecast";

  for (const std::string bad : {"--runs 0", "--runs 1000001", "--as-of 2023-13"}) {
    const Outcome r = atlas("forecast --db " + db_ + " " + bad);
    EXPECT_NE(r.exit_code, 0) << bad;
    EXPECT_NE(r.err.find(bad.substr(0, bad.find(' '))), std::string::npos) << bad << ": " << r.err;
  }
}

TEST_F(AtlasCli, ForecastSaysWhatAFinalTargetWouldHaveTaken) {
  const Outcome r = atlas("forecast --lang en --as-of 2026-11-27 --runs 200 --db " + db_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Total output: 100亿 from the 2020 baseline of 27.19亿 needed 29.8 % a year.
  EXPECT_NE(r.out.find("total-output: fell short by"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("from 2020 (27.19亿) it took +29.8% a year"), std::string::npos) << r.out;
}

TEST_F(AtlasCli, ForecastsASecondPlan) {
  const std::string riverbend = std::string(ATLAS_SOURCE_DIR) + "/tests/fixtures/plans/riverbend";
  ASSERT_EQ(atlas("import --db " + db_ + " " + riverbend).exit_code, 0);
  const Outcome r =
      atlas("forecast --json --as-of 2025-09-30 --runs 2000 --plan riverbend-ev-2024-2027 --db " + db_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json::object report = json::parse(r.out).as_object();
  const auto& targets = report.at("targets").as_array();
  ASSERT_EQ(targets.size(), 4U);
  const json::object& revenue = targets[0].as_object();
  EXPECT_EQ(revenue.at("form").as_string(), "sum") << "a sum of its own metric (revenue)";
  EXPECT_EQ(revenue.at("fan").as_array().size(), 3U);  // 2025, 2026, 2027
  EXPECT_EQ(revenue.at("stopped").as_int64(), 0);
  EXPECT_GT(revenue.at("fan").as_array().back().at("p50").as_double(), 0.0);
  EXPECT_EQ(targets[2].at("form").as_string(), "unsupported");  // a ratio
  EXPECT_EQ(targets[3].at("form").as_string(), "unsupported");  // a stated figure
}

TEST_F(AtlasCli, ForecastBacktestPrintsTheCalibration) {
  const Outcome table = atlas("forecast --backtest --lang en --runs 300 --as-of 2026-11-27 --db " + db_);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("P10–P90 held"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("2023-06-30"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("overall"), std::string::npos) << table.out;
  const Outcome json_out = atlas("forecast --backtest --json --runs 300 --as-of 2026-11-27 --db " + db_);
  ASSERT_EQ(json_out.exit_code, 0) << json_out.err;
  const json::object report = json::parse(json_out.out).as_object();
  EXPECT_GT(report.at("overall").at("points").as_int64(), 0);
  EXPECT_FALSE(report.at("points").as_array().empty());
}

// Accounts from the command line: the password from standard input, never printed or stored in
// the clear; bad input refused with the field named and nothing written.
TEST_F(AtlasCli, UserAddsListsDisablesAndResetsAccounts) {
  const fs::path secret = dir_ / "secret.txt";
  write(secret, "correct horse battery\n");
  Outcome r = atlas("user add li.ming --role admin --db " + db_ + " <" + secret.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("added li.ming (admin)"), std::string::npos) << r.out;
  r = atlas("user add ent-a --role enterprise --enterprise anwen --db " + db_ + " <" + secret.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = atlas("user disable ent-a --db " + db_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = atlas("user list --json --db " + db_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json::array users = json::parse(r.out).as_array();
  ASSERT_EQ(users.size(), 2U);
  EXPECT_EQ(users[0].at("name").as_string(), "ent-a");
  EXPECT_EQ(users[0].at("enterprise").as_string(), "anwen");
  EXPECT_TRUE(users[0].at("disabled").as_bool());
  EXPECT_EQ(users[1].at("role").as_string(), "admin");
  EXPECT_EQ(r.out.find("argon2"), std::string::npos) << "no hash in a listing";
  write(secret, "a new passphrase\n");
  r = atlas("user passwd li.ming --db " + db_ + " <" + secret.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& name : {"atlas.db", "atlas.db-wal"}) {
    if (fs::exists(dir_ / name)) {
      EXPECT_EQ(slurp(dir_ / name).find("correct horse"), std::string::npos) << name;
    }
  }

  const std::vector<std::pair<std::string, std::string>> bad{
      {"user add li.ming --role admin", "name"},         // taken
      {"user add Li --role admin", "name"},              // not a-z
      {"user add bob --role enterprise", "enterprise"},  // no enterprise
      {"user add bob --role enterprise --enterprise nobody", "enterprise"},
      {"user passwd nobody", "name"},
      {"user disable nobody", "name"},
  };
  for (const auto& [args, field] : bad) {
    r = atlas(args + " --db " + db_ + " <" + secret.string());
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_NE(r.err.find(field + ":"), std::string::npos) << args << ": " << r.err;
  }
  write(secret, "short\n");
  r = atlas("user add bob --role analyst --db " + db_ + " <" + secret.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("password: a password is 10 to 1024 bytes long"), std::string::npos) << r.err;
  write(secret, std::string(5'000'000, 'x') + "\n");  // read no further than the limit needs
  r = atlas("user add bob --role analyst --db " + db_ + " <" + secret.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("password: a password is 10 to 1024 bytes long"), std::string::npos) << r.err;
  r = atlas("user add bob --role boss --db " + db_ + " <" + secret.string());
  EXPECT_EQ(r.exit_code, 2) << "a role that is not one is a command-line error";
  r = atlas("user list --json --db " + db_);
  EXPECT_EQ(json::parse(r.out).as_array().size(), 2U) << "nothing written by the failures";
}

}  // namespace
