#include "engine/forecast.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "engine/internal/forecast_data.hpp"
#include "model/units.hpp"

namespace atlas::engine {
namespace {

// A small plan 2021–2025: enterprises of segments "a" and "b" with yearly output, one project
// sponsored by an "a" enterprise, carriers, and targets of every form.
struct World {
  Dataset d;

  World() {
    d.plan.id = "p";
    d.plan.start_year = 2021;
    d.plan.end_year = 2025;
    d.plan.scope = {"c"};
    d.counties = {{"c", "", {"县", "County"}, "t"}};
    d.metrics = {{"output_value", {"产值", "Output"}, MetricUnit::kYuan, "t"}};
    d.terms = {{VocabularyKind::kSegment, "a", {"甲", "A"}, "t", 0},
               {VocabularyKind::kSegment, "b", {"乙", "B"}, "t", 1}};
    // a1 grows ~10 % a year, a2 ~5 %, b1 ~8 %: 2019–2023 complete.
    firm("a1", "a", 10.0, 0.10);
    firm("a2", "a", 5.0, 0.05);
    firm("b1", "b", 8.0, 0.08);
    firm("b2", "b", 3.0, 0.02);
  }

  void firm(const std::string& id, const std::string& segment, double yi2019, double growth) {
    EnterpriseRecord e;
    e.id = id;
    e.name = {id, id};
    e.county = "c";
    e.segment = segment;
    e.provenance = "t";
    d.enterprises.push_back(e);
    double v = yi2019 * 1e8;
    for (int y = 2019; y <= 2025; ++y) {
      // A little wobble around the trend, so the fit has volatility to read.
      const double wobble = ((y * 7 + static_cast<int>(id.back())) % 5 - 2) * 0.01;
      year(id, y, static_cast<std::int64_t>(v));
      v *= 1.0 + growth + wobble;
    }
  }

  void year(const std::string& id, int y, std::int64_t value) {
    d.observations.push_back({id, "output_value", *parse_period(std::to_string(y)), value, {}, "t"});
  }

  void target(const std::string& id, const std::string& indicator, const std::string& goal,
              TargetUnit unit = TargetUnit::kYuan) {
    TargetRecord t;
    t.id = id;
    t.title = {id, id};
    t.indicator = indicator;
    t.goal = goal;
    t.deadline = 2025;
    t.unit = unit;
    t.position = static_cast<int>(d.targets.size());
    t.provenance = "t";
    d.targets.push_back(t);
  }

  void project(const std::string& id, const std::string& sponsor, std::int64_t output,
               const std::string& planned) {
    ProjectRecord p;
    p.id = id;
    p.name = {id, id};
    p.type = "expansion";
    p.sponsor = sponsor;
    p.county = "c";
    p.expected_output = output;
    p.provenance = "t";
    d.projects.push_back(p);
    MilestoneRecord m;
    m.project = id;
    m.kind = MilestoneKind::kCommissioned;
    m.planned = *parse_date(planned);
    m.provenance = "t";
    d.milestones.push_back(m);
  }

  std::shared_ptr<const Snapshot> snapshot() const {
    auto s = Snapshot::build(d, 1);
    EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().to_string());
    return *s;
  }
};

DayNumber day(int y, int m, int dd) {
  return day_number(y, m, dd);
}

SimulateOptions opts(std::int64_t runs, std::uint64_t seed = 0, std::vector<ForecastChange> changes = {},
                     unsigned threads = 0) {
  SimulateOptions o;
  o.runs = runs;
  o.seed = seed;
  o.changes = std::move(changes);
  o.threads = threads;
  return o;
}

ForecastChange delay(std::uint32_t project, int months) {
  ForecastChange c;
  c.kind = ForecastChange::Kind::kDelayProject;
  c.project = ProjectId{project};
  c.months = months;
  return c;
}

ForecastChange cancel(std::uint32_t project) {
  ForecastChange c;
  c.kind = ForecastChange::Kind::kCancelProject;
  c.project = ProjectId{project};
  return c;
}

ForecastChange growth(std::uint16_t segment, double rate) {
  ForecastChange c;
  c.kind = ForecastChange::Kind::kSegmentGrowth;
  c.segment = segment;
  c.growth = rate;
  return c;
}

// Every figure up to 2023 is known on 2024-03-01; 2025 is complete on 2026-06-30.
constexpr int kOpen = 2024;

ForecastResult run(const Snapshot& s, DayNumber as_of, const SimulateOptions& o) {
  auto model = prepare_forecast(s, {as_of, true, {}});
  EXPECT_TRUE(model.has_value());
  auto r = simulate(*model, o);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  return *r;
}

const TargetForecast& of(const ForecastResult& r, const Snapshot& s, std::string_view id) {
  for (const TargetForecast& t : r.targets) {
    if (s.targets[t.target].id == id) return t;
  }
  throw std::runtime_error("no target");
}

TEST(Forecast, ATargetAlreadyMetHasProbabilityOneAndItsValue) {
  World w;
  w.target("total", "sum(output_value) in 2025", ">= 10亿");
  w.target("b-out", "sum(output_value) where segment = \"b\" in 2025", ">= 1亿");
  auto s = w.snapshot();
  const ForecastResult r = run(*s, day(2026, 6, 30), opts(500));
  const TargetForecast& t = of(r, *s, "total");
  ASSERT_TRUE(t.probability);
  EXPECT_EQ(*t.probability, 1.0);
  EXPECT_TRUE(t.settled);
  ASSERT_EQ(t.fan.size(), 1U);  // the deadline has passed: one point
  EXPECT_EQ(t.fan.front().year, 2025);
  // The sum of the 2025 figures, exactly as the data has it (to float precision).
  double expected = 0;
  for (const auto& o : w.d.observations) {
    if (o.period.year() == 2025) expected += static_cast<double>(o.value);
  }
  EXPECT_NEAR(t.fan.front().p50, expected, expected * 1e-6);
  EXPECT_EQ(t.members, 4U);
}

TEST(Forecast, AnImpossibleTargetHasProbabilityZero) {
  World w;
  w.target("moon", "sum(output_value) in 2025", ">= 100000亿");
  w.target("many", "count(enterprises) where output_value > 1亿 in 2025", ">= 50", TargetUnit::kCount);
  auto s = w.snapshot();
  const ForecastResult r = run(*s, day(kOpen, 3, 1), opts(2000));
  EXPECT_EQ(*of(r, *s, "moon").probability, 0.0);
  EXPECT_EQ(*of(r, *s, "many").probability, 0.0);  // four enterprises cannot make 50
  EXPECT_FALSE(of(r, *s, "moon").settled);
}

TEST(Forecast, AnOpenTargetIsUncertainAndItsQuantilesAreOrdered) {
  World w;
  // Total output 2023 ≈ 35亿 growing ~8 % with a wobble of ±2 %: 2025 ≈ 41亿, so a goal of 41亿
  // is a coin toss.
  w.target("total", "sum(output_value) in 2025", ">= 41亿");
  w.target("tier", "count(enterprises) where output_value >= 10亿 in 2025", ">= 2", TargetUnit::kCount);
  auto s = w.snapshot();
  const ForecastResult r = run(*s, day(kOpen, 3, 1), opts(4000));
  const TargetForecast& t = of(r, *s, "total");
  EXPECT_GT(*t.probability, 0.05);
  EXPECT_LT(*t.probability, 0.95);
  ASSERT_EQ(t.fan.size(), 2U);  // 2024, 2025
  for (const auto& f : r.targets) {
    for (const FanPoint& p : f.fan) {
      EXPECT_LE(p.p10, p.p50) << f.target << " " << p.year;
      EXPECT_LE(p.p50, p.p90) << f.target << " " << p.year;
    }
  }
  EXPECT_LT(t.fan.front().p90 - t.fan.front().p10, t.fan.back().p90 - t.fan.back().p10)
      << "the fan widens with the horizon";
}

TEST(Forecast, TheSameSeedGivesTheSameNumbersOnAnyNumberOfThreads) {
  World w;
  w.target("total", "sum(output_value) in 2025", ">= 38亿");
  w.target("tier", "count(enterprises) where output_value >= 10亿 in 2025", ">= 2", TargetUnit::kCount);
  w.project("plant", "a2", 300'000'000, "2025-03");
  auto s = w.snapshot();
  auto model = prepare_forecast(*s, {day(kOpen, 3, 1), true, {}});
  ASSERT_TRUE(model);
  const auto one = simulate(*model, opts(3000, 7, {}, 1));
  const auto two = simulate(*model, opts(3000, 7, {}, 2));
  const auto five = simulate(*model, opts(3000, 7, {}, 5));
  const auto other = simulate(*model, opts(3000, 8, {}, 2));
  ASSERT_TRUE(one && two && five && other);
  for (std::size_t i = 0; i < one->targets.size(); ++i) {
    EXPECT_EQ(one->targets[i].probability, two->targets[i].probability);
    EXPECT_EQ(one->targets[i].fan, two->targets[i].fan);
    EXPECT_EQ(one->targets[i].fan, five->targets[i].fan);
  }
  EXPECT_NE(one->targets[0].fan, other->targets[0].fan) << "another seed draws other numbers";
}

TEST(Forecast, MoreDelayNeverRaisesAProbability) {
  World w;
  // The goal needs the plant's output: 2025 ≈ 41亿 without it, 47亿 with it at full production.
  w.target("total", "sum(output_value) in 2025", ">= 45亿");
  w.project("plant", "a2", 600'000'000, "2024-09");
  auto s = w.snapshot();
  auto model = prepare_forecast(*s, {day(kOpen, 3, 1), true, {}});
  ASSERT_TRUE(model);
  double last = 2;
  double last_mean = 1e30;
  double first = -1;
  for (int months : {0, 3, 6, 12, 24}) {
    SimulateOptions o = opts(3000, 1);
    if (months > 0) o.changes.push_back(delay(0, months));
    auto r = simulate(*model, o);
    ASSERT_TRUE(r);
    EXPECT_LE(*r->targets[0].probability, last) << months;
    EXPECT_LE(r->targets[0].fan.back().mean, last_mean) << months;
    if (first < 0) first = *r->targets[0].probability;
    last = *r->targets[0].probability;
    last_mean = r->targets[0].fan.back().mean;
  }
  // No delay in the data: 0 months half the time, else 1–12; cancelled one time in ten.
  EXPECT_GT(first, 0.3) << "as planned, the plant often makes the goal";
  EXPECT_LT(last, 0.05) << "two years late, it comes too late for 2025";
}

TEST(Forecast, ACancelledProjectLowersTheTargetsItFeedsAndNoOther) {
  World w;
  w.target("a-out", "sum(output_value) where segment = \"a\" in 2025", ">= 20亿");
  w.target("b-out", "sum(output_value) where segment = \"b\" in 2025", ">= 15亿");
  w.project("plant", "a2", 600'000'000, "2024-09");
  auto s = w.snapshot();
  auto model = prepare_forecast(*s, {day(kOpen, 3, 1), true, {}});
  ASSERT_TRUE(model);
  const auto base = simulate(*model, opts(3000, 3));
  const auto cancelled = simulate(*model, opts(3000, 3, {cancel(0)}));
  ASSERT_TRUE(base && cancelled);
  const TargetForecast& a = of(*base, *s, "a-out");
  ASSERT_EQ(a.projects.size(), 1U);
  EXPECT_TRUE(of(*base, *s, "b-out").projects.empty());
  EXPECT_LT(of(*cancelled, *s, "a-out").fan.back().mean, a.fan.back().mean);
  EXPECT_LE(*of(*cancelled, *s, "a-out").probability, *a.probability);
  EXPECT_EQ(of(*cancelled, *s, "b-out").fan, of(*base, *s, "b-out").fan);
  EXPECT_EQ(of(*cancelled, *s, "b-out").probability, of(*base, *s, "b-out").probability);
}

TEST(Forecast, ASegmentsGrowthChangesItsTargetsOnly) {
  World w;
  w.target("a-out", "sum(output_value) where segment = \"a\" in 2025", ">= 20亿");
  w.target("b-out", "sum(output_value) where segment = \"b\" in 2025", ">= 15亿");
  auto s = w.snapshot();
  auto model = prepare_forecast(*s, {day(kOpen, 3, 1), true, {}});
  ASSERT_TRUE(model);
  const auto base = simulate(*model, opts(2000));
  const auto fast = simulate(*model, opts(2000, 0, {growth(0, 0.5)}));
  const auto gone = simulate(*model, opts(2000, 0, {growth(0, -1.0)}));
  ASSERT_TRUE(base && fast && gone);
  EXPECT_GT(of(*fast, *s, "a-out").fan.back().p50, of(*base, *s, "a-out").fan.back().p50 * 1.5);
  EXPECT_EQ(of(*gone, *s, "a-out").fan.back().p90, 0.0) << "-100 % a year leaves nothing";
  EXPECT_EQ(*of(*gone, *s, "a-out").probability, 0.0);
  EXPECT_EQ(of(*fast, *s, "b-out").fan, of(*base, *s, "b-out").fan);
}

ForecastChange add_firm(const ForecastModel& model, const EnterpriseRecord& firm, double output,
                        MonthIndex from) {
  ForecastChange c;
  c.kind = ForecastChange::Kind::kAddFirm;
  c.output = output;
  c.from = from;
  auto counted = firm_targets(model, firm);
  EXPECT_TRUE(counted.has_value()) << (counted ? "" : counted.error().to_string());
  if (counted) c.counted_in = *counted;
  return c;
}

EnterpriseRecord firm_in(const std::string& segment) {
  EnterpriseRecord e;
  e.segment = segment;
  e.county = "c";
  return e;
}

// A hypothetical attracted firm counts in the sets its fields put it in, as the indicator reads
// them, and changes no other target; it adds its ramped-up output to sums and joins a tier once
// its output reaches it.
TEST(Forecast, AHypotheticalFirmCountsWhereItsFieldsPutIt) {
  World w;
  w.d.plan.output_metric = "output_value";
  w.target("a-out", "sum(output_value) where segment = \"a\" in 2025", ">= 20亿");
  w.target("b-out", "sum(output_value) where segment = \"b\" in 2025", ">= 15亿");
  w.target("total", "sum(output_value) in 2025", ">= 38亿");
  w.target("a-over-3yi", "count(enterprises) where segment = \"a\" and output_value >= 3亿 in 2025", ">= 3",
           TargetUnit::kCount);
  w.target("projects", "count(projects) where commissioned in 2021..2025", ">= 1", TargetUnit::kCount);
  auto s = w.snapshot();
  auto model = prepare_forecast(*s, {day(kOpen, 3, 1), true, {}});
  ASSERT_TRUE(model);
  auto counted = firm_targets(*model, firm_in("a"));
  ASSERT_TRUE(counted) << counted.error().to_string();
  EXPECT_EQ(*counted, (std::vector<std::uint8_t>{1, 0, 1, 1, 0}));

  const ForecastChange firm = add_firm(*model, firm_in("a"), 5e8, month_index(kOpen, 4));
  const auto base = simulate(*model, opts(3000, 5));
  const auto with = simulate(*model, opts(3000, 5, {firm}));
  ASSERT_TRUE(base && with) << (with ? "" : with.error().to_string());
  // Commissioned in 2024-04 or later and ramping up over 12 months: at most 5亿 in 2025.
  const double added = of(*with, *s, "a-out").fan.back().mean - of(*base, *s, "a-out").fan.back().mean;
  EXPECT_GT(added, 2e8);
  EXPECT_LE(added, 5e8 + 1e6);
  EXPECT_GE(*of(*with, *s, "a-out").probability, *of(*base, *s, "a-out").probability);
  EXPECT_GT(of(*with, *s, "total").fan.back().mean, of(*base, *s, "total").fan.back().mean + 2e8);
  EXPECT_GT(of(*with, *s, "a-over-3yi").fan.back().mean, of(*base, *s, "a-over-3yi").fan.back().mean + 0.5);
  for (const char* other : {"b-out", "projects"}) {
    EXPECT_EQ(of(*with, *s, other).fan, of(*base, *s, other).fan) << other;
    EXPECT_EQ(of(*with, *s, other).probability, of(*base, *s, other).probability) << other;
  }
  // Too small for the tier: counted in the sums, never in the count.
  const auto small =
      simulate(*model, opts(3000, 5, {add_firm(*model, firm_in("a"), 1e8, month_index(kOpen, 4))}));
  ASSERT_TRUE(small);
  EXPECT_EQ(of(*small, *s, "a-over-3yi").fan, of(*base, *s, "a-over-3yi").fan);

  // Bad firms, each naming its field.
  EnterpriseRecord unknown = firm_in("zz");
  EXPECT_EQ(firm_targets(*model, unknown).error().field, "segment");
  EnterpriseRecord nowhere = firm_in("a");
  nowhere.zone = "nowhere";
  EXPECT_EQ(firm_targets(*model, nowhere).error().field, "zone");
  EnterpriseRecord elsewhere = firm_in("a");
  elsewhere.county = "999999";
  EXPECT_EQ(firm_targets(*model, elsewhere).error().field, "county");
  const std::vector<std::pair<ForecastChange, std::string>> bad{
      {add_firm(*model, firm_in("a"), 0, month_index(kOpen, 4)), "output"},
      {add_firm(*model, firm_in("a"), kMaxFirmOutput * 2, month_index(kOpen, 4)), "output"},
      {add_firm(*model, firm_in("a"), 5e8, month_index(kOpen, 2)), "from"},
      {add_firm(*model, firm_in("a"), 5e8, month_index(kOpen + 31, 1)), "from"},
  };
  for (const auto& [change, field] : bad) {
    auto r = simulate(*model, opts(10, 0, {change}));
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().field, field);
  }
}

// A large set taken together (docs/forecast.md, "Large sets") gives the numbers simulating every
// enterprise gives: the same fans and probabilities within Monte Carlo noise and the normal
// approximation's error, for sums and tier counts, with and without a what-if growth, with a
// partial year.
TEST(Forecast, ALargeSetTakenTogetherGivesWhatSimulatingEachGives) {
  World w;
  w.d.enterprises.clear();
  w.d.observations.clear();
  std::uint64_t state = 12345;
  const auto uniform = [&] {
    state = (state * 6364136223846793005ULL) + 1442695040888963407ULL;
    return static_cast<double>(state >> 11U) / 9007199254740992.0;
  };
  const auto normal = [&] { return (uniform() + uniform() + uniform() + uniform() - 2.0) * std::sqrt(3.0); };
  std::array<std::array<double, 5>, 2> shock{};  // per segment and year 2019–2023: a common shock
  for (auto& segment : shock) {
    for (double& year : segment)
      year = 0.08 * normal();
  }
  for (int i = 0; i < 3000; ++i) {
    const int segment = i % 3 == 0 ? 1 : 0;
    const std::string id = "e" + std::to_string(i);
    EnterpriseRecord e;
    e.id = id;
    e.name = {id, id};
    e.county = "c";
    e.segment = segment == 1 ? "b" : "a";
    e.provenance = "t";
    w.d.enterprises.push_back(e);
    double v = std::exp(-1.5 + (1.2 * normal())) * 1e8;
    const double growth = 0.02 + (0.12 * uniform());
    for (int y = 2019; y <= 2023; ++y) {
      w.year(id, y, static_cast<std::int64_t>(v));
      v *= std::exp(growth + shock[segment][y - 2019] + (0.2 * normal()));
    }
    if (i % 2 == 0) {  // half of them have reported 2024's first half
      w.d.observations.push_back(
          {id, "output_value", *parse_period("2024-01~06"), static_cast<std::int64_t>(v * 0.45), {}, "t"});
    }
  }
  w.target("total", "sum(output_value) in 2025", ">= 2650亿");
  w.target("a-out", "sum(output_value) where segment = \"a\" in 2025", ">= 2000亿");
  w.target("over-1yi", "count(enterprises) where output_value >= 1亿 in 2025", ">= 680", TargetUnit::kCount);
  w.target(
      "b-band",
      "count(enterprises) where segment = \"b\" and output_value >= 2000万 and output_value < 1亿 in 2025",
      ">= 425", TargetUnit::kCount);
  auto s = w.snapshot();
  ForecastInput exact{day(kOpen, 8, 15), true, {}};
  exact.aggregate_from = std::numeric_limits<std::size_t>::max();
  ForecastInput together = exact;
  together.aggregate_from = 100;
  auto one_by_one = prepare_forecast(*s, exact);
  auto taken = prepare_forecast(*s, together);
  ASSERT_TRUE(one_by_one && taken);
  for (const internal::TargetModel& t : taken->data().targets) {
    ASSERT_TRUE(t.aggregate.has_value());
    EXPECT_GT(t.aggregate->enterprises, t.members.size() * 50) << "most are taken together";
  }
  for (const std::vector<ForecastChange>& changes :
       {std::vector<ForecastChange>{}, std::vector<ForecastChange>{growth(0, 0.25)}}) {
    const auto a = simulate(*one_by_one, opts(3000, 9, changes));
    const auto b = simulate(*taken, opts(3000, 9, changes));
    ASSERT_TRUE(a && b);
    for (const char* id : {"total", "a-out", "over-1yi", "b-band"}) {
      SCOPED_TRACE(std::string(id) + (changes.empty() ? "" : " with a growth"));
      const TargetForecast& x = of(*a, *s, id);
      const TargetForecast& y = of(*b, *s, id);
      EXPECT_EQ(x.members, y.members);
      ASSERT_EQ(x.fan.size(), y.fan.size());
      for (std::size_t k = 0; k < x.fan.size(); ++k) {
        const double scale = std::max(1.0, std::abs(x.fan[k].p50));
        EXPECT_NEAR(y.fan[k].p50, x.fan[k].p50, 0.015 * scale) << x.fan[k].year;
        EXPECT_NEAR(y.fan[k].p10, x.fan[k].p10, 0.03 * scale + 2) << x.fan[k].year;
        EXPECT_NEAR(y.fan[k].p90, x.fan[k].p90, 0.03 * scale + 2) << x.fan[k].year;
      }
      EXPECT_NEAR(*y.probability, *x.probability, 0.05);
    }
  }
}

TEST(Forecast, CountsOfProjectsFollowTheirMilestones) {
  World w;
  w.target("commissioned", "count(projects) where commissioned in 2021..2025", ">= 1", TargetUnit::kCount);
  w.project("plant", "a2", 600'000'000, "2024-09");
  auto s = w.snapshot();
  auto model = prepare_forecast(*s, {day(kOpen, 3, 1), true, {}});
  ASSERT_TRUE(model);
  const auto base = simulate(*model, opts(4000));
  ASSERT_TRUE(base);
  const TargetForecast& t = base->targets[0];
  EXPECT_EQ(t.form, ForecastForm::kProjectCount);
  // Cancelled one time in ten, else commissioned by 2025 unless delayed beyond 15 months.
  EXPECT_GT(*t.probability, 0.8);
  EXPECT_LT(*t.probability, 0.95);
  const auto cancelled = simulate(*model, opts(4000, 0, {cancel(0)}));
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(*cancelled->targets[0].probability, 0.0);
}

TEST(Forecast, CountsOfCarriersArePoissonArrivalsAtTheRateSoFar) {
  World w;
  for (int i = 0; i < 6; ++i) {
    CarrierRecord c;
    c.id = "k" + std::to_string(i);
    c.name = {c.id, c.id};
    c.kind = "lab";
    c.level = CarrierLevel::kProvincial;
    c.recognized = *parse_date(std::to_string(2021 + (i / 2)) + "-06-01");  // 2 a year 2021–2023
    c.provenance = "t";
    w.d.carriers.push_back(c);
  }
  w.target("carriers", "count(carriers) where recognized in 2021..2025", ">= 8", TargetUnit::kCount);
  w.target("lots", "count(carriers) where recognized in 2021..2025", ">= 30", TargetUnit::kCount);
  auto s = w.snapshot();
  const ForecastResult r = run(*s, day(kOpen, 1, 1), opts(4000));
  const TargetForecast& t = of(r, *s, "carriers");
  EXPECT_EQ(t.form, ForecastForm::kRecordCount);
  // 6 so far in 3 years; about 4 more expected in the 2 left: 8 or more is likely, not certain.
  EXPECT_GT(*t.probability, 0.6);
  EXPECT_LT(*t.probability, 0.98);
  EXPECT_GE(t.fan.front().p10, 6.0);
  EXPECT_LT(*of(r, *s, "lots").probability, 0.01);
}

TEST(Forecast, AnEnterpriseWhoseFiguresStoppedCountsAsZeroButALagOfAllTheDataDoesNot) {
  World w;
  w.target("b-out", "sum(output_value) where segment = \"b\" in 2025", ">= 1亿");
  // "gone" reported 2019–2021 only, while the others report through 2023.
  EnterpriseRecord gone;
  gone.id = "gone";
  gone.name = {"gone", "gone"};
  gone.county = "c";
  gone.segment = "b";
  gone.provenance = "t";
  w.d.enterprises.push_back(gone);
  for (int y = 2019; y <= 2021; ++y)
    w.year("gone", y, 50 * kYi);
  std::erase_if(w.d.observations, [](const ObservationRecord& o) { return o.period.year() > 2023; });
  auto s = w.snapshot();
  // Three years after the last figures: the data lag, but only "gone" stopped before the others.
  const ForecastResult r = run(*s, day(2026, 3, 1), opts(500));
  const TargetForecast& t = r.targets[0];
  EXPECT_EQ(t.stopped, 1U);
  EXPECT_EQ(t.members, 3U);
  EXPECT_LT(t.fan.back().p90, 50 * kYi) << "the 50亿 of gone is not in 2025";
  EXPECT_GT(t.fan.back().p10, 10 * kYi) << "b1 and b2 go on from their 2023 figures";
}

TEST(Forecast, AfterTheDeadlineASumNamesTheProjectsThatCameTooLate) {
  World w;
  w.target("a-out", "sum(output_value) where segment = \"a\" in 2025", ">= 1000亿");
  w.target("b-out", "sum(output_value) where segment = \"b\" in 2025", ">= 1000亿");
  w.project("late", "a2", 600'000'000, "2024-09");
  w.project("done", "a1", 300'000'000, "2023-03");
  w.d.milestones.back().actual = *parse_date("2023-05");  // commissioned before the deadline
  auto s = w.snapshot();
  const ForecastResult r = run(*s, day(2026, 6, 30), opts(100));
  const TargetForecast& a = of(r, *s, "a-out");
  ASSERT_EQ(a.missed.size(), 1U);
  EXPECT_EQ(s->projects[a.missed[0].project.value].id, "late");
  EXPECT_EQ(a.missed[0].planned, month_index(2024, 9));
  EXPECT_FALSE(a.missed[0].commissioned);
  // Commissioned 2024-09 and ramped up over 12 months, it would have made 9⅔ months' output in 2025.
  EXPECT_NEAR(a.missed[0].output, 600'000'000.0 * (68.0 / 12.0 + 4.0) / 12.0, 1.0);
  EXPECT_TRUE(of(r, *s, "b-out").missed.empty()) << "the plant's sponsor is not in segment b";
  // Before the deadline nothing is missed yet.
  EXPECT_TRUE(of(run(*s, day(kOpen, 3, 1), opts(100)), *s, "a-out").missed.empty());
}

TEST(Forecast, ShapesItCannotForecastSaySo) {
  World w;
  w.target("ratio", "sum(output_value) where segment = \"a\" / sum(output_value) in 2025", ">= 50%",
           TargetUnit::kPercent);
  w.target("static", "count(enterprises) where segment = \"a\"", ">= 2", TargetUnit::kCount);
  auto s = w.snapshot();
  const ForecastResult r = run(*s, day(kOpen, 3, 1), opts(100));
  for (const TargetForecast& t : r.targets) {
    EXPECT_EQ(t.form, ForecastForm::kUnsupported);
    EXPECT_FALSE(t.probability);
    EXPECT_TRUE(t.fan.empty());
    EXPECT_FALSE(t.unsupported.empty());
  }
}

TEST(Forecast, BadRunsAndChangesAreRefusedNamingTheField) {
  World w;
  w.target("total", "sum(output_value) in 2025", ">= 38亿");
  w.project("plant", "a2", 600'000'000, "2024-09");
  auto s = w.snapshot();
  auto model = prepare_forecast(*s, {day(kOpen, 3, 1), true, {}});
  ASSERT_TRUE(model);
  for (std::int64_t runs : {std::int64_t{0}, std::int64_t{-5}, kMaxForecastRuns + 1}) {
    auto r = simulate(*model, opts(runs));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "runs");
  }
  const std::vector<std::pair<ForecastChange, std::string>> bad{
      {cancel(9), "project"},
      {delay(0, 0), "months"},
      {delay(0, kMaxDelayMonths + 1), "months"},
      {growth(7, 0.1), "segment"},
      {growth(0, 10.5), "growth"},
      {growth(0, -1.01), "growth"},
      {growth(0, std::nan("")), "growth"},
  };
  for (const auto& [change, field] : bad) {
    auto r = simulate(*model, opts(10, 0, {change}));
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().field, field);
  }
}

}  // namespace
}  // namespace atlas::engine
