// The plan file (TOML): [plan], its vocabularies ([[segment]], [[zone_kind]], [[project_type]],
// [[carrier_kind]], [[candidate_kind]]), its units ([[unit]]), [[zone]], [[target]], [[project]],
// [[chain]] with [[chain.link]] and [[chain.edge]], as docs/formats.md describes it.
#include "io/internal/plan_reader.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "io/internal/suggest.hpp"
#include "io/internal/toml_prescan.hpp"
#include "io/internal/toml_record.hpp"
#include "model/goal.hpp"
#include "model/units.hpp"

namespace atlas::io::internal {
namespace {

constexpr std::array<std::string_view, 11> kTopKeys = {
    "plan",    "zone",      "target",       "project",      "chain",         "unit",
    "segment", "zone_kind", "project_type", "carrier_kind", "candidate_kind"};
constexpr std::array<std::string_view, 5> kUnitKeys = {"id", "measure", "name", "scales", "provenance"};
constexpr std::array<std::string_view, 2> kScaleKeys = {"factor", "name"};
constexpr std::array<std::string_view, 3> kTermKeys = {"id", "name", "provenance"};
constexpr std::array<std::string_view, 13> kPlanKeys = {
    "id",  "title",       "document",   "issued",   "start",  "end", "scope", "output_metric",
    "map", "chain_rules", "attraction", "forecast", "default"};
constexpr std::array<std::string_view, 5> kForecastKeys = {"shrinkage", "ramp_months", "cancellation",
                                                           "correlation", "provenance"};
constexpr std::array<std::string_view, 3> kAttractionKeys = {"regions", "weights", "provenance"};
constexpr std::array<std::string_view, 5> kWeightKeys = {"gap", "ties", "scale", "region", "named"};
constexpr std::array<std::string_view, 8> kChainRuleKeys = {
    "makers",    "min_makers", "anchor_output", "anchors", "min_local_supply", "min_location_quotient",
    "reference", "provenance"};
constexpr std::array<std::string_view, 2> kMakerBases = {"all", "above-size"};
constexpr std::array<std::string_view, 2> kMapKeys = {"source", "review_number"};
constexpr std::array<std::string_view, 6> kZoneKeys = {"id",       "name",   "kind",
                                                       "counties", "parent", "provenance"};
constexpr std::array<std::string_view, 9> kTargetKeys = {
    "id", "title", "indicator", "goal", "deadline", "unit", "quote", "baseline", "provenance"};
constexpr std::array<std::string_view, 4> kBaselineKeys = {"period", "value", "quote", "provenance"};
constexpr std::array<std::string_view, 12> kProjectKeys = {
    "id",       "name",     "type",  "sponsor",   "zone", "county", "investment", "expected_output",
    "products", "capacity", "quote", "provenance"};
constexpr std::array<std::string_view, 5> kChainKeys = {"id", "name", "provenance", "link", "edge"};
constexpr std::array<std::string_view, 4> kLinkKeys = {"id", "name", "classes", "reference"};
constexpr std::array<std::string_view, 2> kEdgeKeys = {"from", "to"};

constexpr std::array<std::string_view, 3> kTargetUnits = {"yuan", "count", "percent"};

std::optional<MakerBasis> parse_maker_basis(std::string_view word) {
  if (word == "all") return MakerBasis::kAll;
  if (word == "above-size") return MakerBasis::kAboveSize;
  return std::nullopt;
}

// `[plan.chain_rules]`: the thresholds of the chain-link verdicts (docs/chains.md); what it leaves
// out keeps Cluster Atlas's default.
void parse_chain_rules(TomlRecord& rec, ChainRules& r) {
  r.basis = rec.choice("makers", parse_maker_basis, kMakerBases, MakerBasis::kAll, false);
  if (auto n = rec.integer("min_makers")) {
    if (*n >= 1 && *n <= 1000) {
      r.min_makers = *n;
    } else {
      rec.reject("min_makers", Error{ErrorCode::kInvalidValue,
                                     fmt::format("min_makers is a count from 1 to 1000, not {}", *n),
                                     {},
                                     {}});
    }
  }
  r.anchor_output = rec.amount("anchor_output");
  r.anchors = rec.strings("anchors");
  if (auto share = rec.millionths("min_local_supply", 1.0)) r.min_local_supply = *share;
  if (auto lq = rec.millionths("min_location_quotient", 1000.0)) r.min_location_quotient = *lq;
  r.reference = rec.slug("reference");
  r.provenance = rec.text("provenance", true);
}

// `[plan.attraction]`: the regions the plan courts and the weight of each feature of a candidate's
// score (docs/chains.md, "Candidates"); the weights must add up to more than zero.
void parse_attraction(TomlRecord& rec, AttractionRules& r) {
  r.regions = rec.strings("regions");
  r.provenance = rec.text("provenance", true);
  const toml::table* weights = rec.table("weights");
  if (weights == nullptr) return;
  TomlRecord w(*weights, "plan.attraction.weights", "attraction.weights.", kWeightKeys, rec.file(),
               rec.errors(), rec.positions());
  std::int64_t* const fields[] = {&r.weight_gap, &r.weight_ties, &r.weight_scale, &r.weight_region,
                                  &r.weight_named};
  std::int64_t sum = 0;
  for (std::size_t k = 0; k < kWeightKeys.size(); ++k) {
    if (auto v = w.millionths(kWeightKeys[k], 1000.0)) *fields[k] = *v;
    sum += *fields[k];
  }
  if (sum <= 0) {
    rec.reject("weights", Error{ErrorCode::kInvalidValue,
                                "the weights add up to 0: give at least one feature a weight above 0",
                                {},
                                {}});
  }
}

// `[plan.forecast]`: the forecast model's assumptions (docs/forecast.md); what it leaves out keeps
// the design default.
void parse_forecast(TomlRecord& rec, ForecastRules& r) {
  if (auto k = rec.millionths("shrinkage", 100.0)) r.shrinkage = *k;
  if (auto n = rec.integer("ramp_months")) {
    if (*n >= 1 && *n <= 120) {
      r.ramp_months = *n;
    } else {
      rec.reject("ramp_months",
                 Error{ErrorCode::kInvalidValue,
                       fmt::format("ramp_months is a number of months from 1 to 120, not {}", *n),
                       {},
                       {}});
    }
  }
  if (auto q = rec.millionths("cancellation", 1.0)) r.cancellation = *q;
  if (auto rho = rec.millionths("correlation", 0.9)) r.correlation = *rho;
  r.provenance = rec.text("provenance", true);
}

void parse_plan(TomlRecord& rec, PlanInfo& r) {
  r.id = rec.slug("id", true);
  r.title = rec.names("title", true);
  r.document = rec.text("document");
  r.issued = rec.date("issued");
  r.start_year = rec.year("start");
  r.end_year = rec.year("end");
  r.scope = rec.strings("scope");
  if (std::string metric = rec.slug("output_metric"); !metric.empty()) r.output_metric = std::move(metric);
  // `map = { source = "…", review_number = "…" }`: where its boundary map (`*.geojson`) comes from.
  if (const toml::table* map = rec.table("map")) {
    TomlRecord inner(*map, "plan.map", "map.", kMapKeys, rec.file(), rec.errors(), rec.positions());
    r.map_source = inner.text("source", true);
    r.map_review_number = inner.text("review_number");
  }
  if (const toml::table* rules = rec.table("chain_rules")) {
    TomlRecord inner(*rules, "plan.chain_rules", "chain_rules.", kChainRuleKeys, rec.file(), rec.errors(),
                     rec.positions());
    parse_chain_rules(inner, r.chain_rules);
  }
  if (const toml::table* attraction = rec.table("attraction")) {
    TomlRecord inner(*attraction, "plan.attraction", "attraction.", kAttractionKeys, rec.file(), rec.errors(),
                     rec.positions());
    parse_attraction(inner, r.attraction);
  }
  if (const toml::table* forecast = rec.table("forecast")) {
    TomlRecord inner(*forecast, "plan.forecast", "forecast.", kForecastKeys, rec.file(), rec.errors(),
                     rec.positions());
    parse_forecast(inner, r.forecast);
  }
  r.is_default = rec.boolean("default");
}

// A declared unit: its measure (how its values are written and held), its name after a number and
// its display scales, each a factor above 1 with a name in at least one language.
void parse_unit(TomlRecord& rec, UnitRecord& r) {
  r.id = rec.slug("id", true);
  r.measure = rec.choice("measure", parse_target_unit, kTargetUnits, TargetUnit::kCount, true);
  r.name = rec.names("name", true);
  r.provenance = rec.text("provenance");
  if (std::ranges::find(kTargetUnits, r.id) != kTargetUnits.end()) {
    rec.reject("id", Error{ErrorCode::kInvalidValue,
                           fmt::format("'{}' is a built-in unit: give the plan's unit another id", r.id),
                           {},
                           {}});
  }
  const toml::array* scales = rec.tables("scales");
  if (scales == nullptr) return;
  for (std::size_t i = 0; i < scales->size(); ++i) {
    TomlRecord scale(*scales->get(i)->as_table(), "unit.scales", fmt::format("scales.{}.", i), kScaleKeys,
                     rec.file(), rec.errors(), rec.positions());
    const std::int64_t factor = scale.integer("factor", true).value_or(0);
    UnitScale out{factor, scale.names("name")};
    if (out.name.zh.empty() && out.name.en.empty()) {
      scale.reject("name", Error{ErrorCode::kInvalidValue,
                                 "a scale needs a name in at least one language: name = { zh = \"万辆\" }",
                                 {},
                                 {}});
    }
    if (factor < 2) {
      scale.reject(
          "factor",
          Error{ErrorCode::kInvalidValue,
                fmt::format("a scale's factor is a whole number above 1 (10000 for 万), not {}", factor),
                {},
                {}});
    } else if (r.measure == TargetUnit::kPercent) {
      scale.reject("factor", Error{ErrorCode::kInvalidValue, "a percent unit has no scales", {}, {}});
    }
    r.scales.push_back(std::move(out));
  }
  std::ranges::stable_sort(r.scales, {}, &UnitScale::factor);
}

// A target's unit: a built-in word (yuan, count, percent) or a unit the plan file declares, which
// it returns (nullptr for a built-in unit or an unknown word, refused here).
const UnitRecord* parse_target_unit_of(TomlRecord& rec, TargetRecord& r, const Table<UnitRecord>& units) {
  const std::string word = rec.slug("unit");
  if (word.empty()) return nullptr;  // yuan, as in plan files before units
  if (auto builtin = parse_target_unit(word)) {
    r.unit = *builtin;
    return nullptr;
  }
  if (const UnitRecord* declared = find_unit(units.rows, word)) {
    r.unit = declared->measure;
    r.unit_id = word;
    return declared;
  }
  std::vector<std::string_view> known(kTargetUnits.begin(), kTargetUnits.end());
  for (const UnitRecord& u : units.rows)
    known.emplace_back(u.id);
  rec.reject("unit", Error{ErrorCode::kUnknownReference,
                           fmt::format("'{}' is not a unit of the plan{} — use yuan, count or percent, or "
                                       "declare it with [[unit]] in the plan file",
                                       word, did_you_mean(word, known)),
                           {},
                           {}});
  return nullptr;
}

void parse_zone(TomlRecord& rec, ZoneRecord& r) {
  r.id = rec.slug("id", true);
  r.name = rec.names("name", true);
  r.kind = rec.slug("kind", true);  // a word of the plan's zone_kind vocabulary
  r.counties = rec.strings("counties");
  r.parent = rec.slug("parent");
  r.provenance = rec.text("provenance", true);
}

// A baseline's period is a year and its value an amount, a count or a percent, as the target's unit
// says, optionally qualified as the plan words it (超30亿, 约6300): what `atlas check` reads back.
void check_baseline(TomlRecord& inner, const BaselineRecord& b, TargetUnit unit, const UnitRecord* declared) {
  if (!b.period.empty()) {
    const bool digits =
        b.period.size() <= 4 && std::ranges::all_of(b.period, [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || !check_year(std::stoll(b.period))) {
      inner.reject("period", Error{ErrorCode::kInvalidPeriod,
                                   fmt::format("\"{}\" is not a year between 0001 and 9999", b.period),
                                   {},
                                   {}});
    }
  }
  if (b.value.empty()) return;
  auto value = parse_qualified(b.value, unit, declared);
  if (!value) inner.reject("value", value.error());
}

std::optional<BaselineRecord> parse_baseline(TomlRecord& rec, TargetUnit unit, const UnitRecord* declared) {
  const toml::table* table = rec.table("baseline");
  if (table == nullptr) return std::nullopt;
  TomlRecord inner(*table, "target.baseline", "baseline.", kBaselineKeys, rec.file(), rec.errors(),
                   rec.positions());
  BaselineRecord b;
  b.period = inner.text_or_integer("period", true);
  b.value = inner.text_or_integer("value", true);
  b.quote = inner.text("quote");
  b.provenance = inner.text("provenance");
  check_baseline(inner, b, unit, declared);
  return b;
}

void parse_target(TomlRecord& rec, TargetRecord& r, const Table<UnitRecord>& units) {
  r.id = rec.slug("id", true);
  r.title = rec.names("title", true);
  r.indicator = rec.text("indicator", true);
  r.goal = rec.text("goal", true);
  r.deadline = rec.year("deadline");
  const UnitRecord* unit = parse_target_unit_of(rec, r, units);
  if (!r.goal.empty()) {
    // The goal the engine will judge against: finite, whole, non-negative, within int64 yuan.
    if (auto goal = parse_goal(r.goal, r.unit, unit); !goal) rec.reject("goal", goal.error());
  }
  r.quote = rec.text("quote");
  r.baseline = parse_baseline(rec, r.unit, unit);
  r.provenance = rec.text("provenance", true);
}

void parse_project(TomlRecord& rec, ProjectRecord& r) {
  r.id = rec.slug("id", true);
  r.name = rec.names("name", true);
  r.type = rec.slug("type", true);  // a word of the plan's project_type vocabulary
  r.sponsor = rec.slug("sponsor");
  r.zone = rec.slug("zone");
  r.county = rec.slug("county");
  r.investment = rec.amount("investment");
  r.expected_output = rec.amount("expected_output");
  r.products = rec.strings("products");
  r.capacity = rec.text("capacity");
  r.quote = rec.text("quote");
  r.provenance = rec.text("provenance", true);
}

void parse_chain(TomlRecord& rec, ChainRecord& r) {
  r.id = rec.slug("id", true);
  r.name = rec.names("name", true);
  r.provenance = rec.text("provenance", true);
  if (const toml::array* links = rec.tables("link")) {
    for (std::size_t i = 0; i < links->size(); ++i) {
      TomlRecord link(*links->get(i)->as_table(), "chain.link", fmt::format("link.{}.", i), kLinkKeys,
                      rec.file(), rec.errors(), rec.positions());
      r.links.push_back(ChainLinkRecord{link.slug("id", true), link.names("name", true),
                                        link.strings("classes"), link.slug("reference")});
    }
  }
  if (const toml::array* edges = rec.tables("edge")) {
    for (std::size_t i = 0; i < edges->size(); ++i) {
      TomlRecord edge(*edges->get(i)->as_table(), "chain.edge", fmt::format("edge.{}.", i), kEdgeKeys,
                      rec.file(), rec.errors(), rec.positions());
      r.edges.push_back(ChainEdgeRecord{edge.slug("from", true), edge.slug("to", true)});
    }
  }
}

class PlanReader {
 public:
  PlanReader(Workspace& ws, std::uint32_t source)
      : ws_(ws), source_(source), file_(ws.sources[source].file) {}

  template <class R, class Parse>
  void read_one(const toml::table& table, std::string_view path, TableKind kind, Table<R>& out,
                std::span<const std::string_view> keys, Parse parse) {
    std::vector<Error> errors;
    std::vector<FieldPos> positions;
    TomlRecord rec(table, std::string(path), "", keys, file_, errors, positions);
    R record{};
    parse(rec, record);
    ws_.add(kind, out, std::move(record), rec.origin(source_), errors, std::move(positions));
  }

  template <class R, class Parse>
  void read_all(const toml::table& doc, std::string_view key, TableKind kind, Table<R>& out,
                std::span<const std::string_view> keys, Parse parse) {
    const toml::node* node = doc.get(key);
    if (node == nullptr) return;
    const toml::array* array = node->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      file_error(node->source(), fmt::format("'{}' must be an array of tables: write [[{}]]", key, key));
      return;
    }
    for (const toml::node& item : *array)
      read_one(*item.as_table(), key, kind, out, keys, parse);
  }

  void read(const toml::table& doc) {
    for (auto&& [key, node] : doc) {
      if (std::ranges::find(kTopKeys, key.str()) != kTopKeys.end()) continue;
      file_error(key.source(),
                 fmt::format("unknown top-level key '{}'{}", key.str(), did_you_mean(key.str(), kTopKeys)),
                 ErrorCode::kUnknownField);
    }
    if (const toml::node* plan = doc.get("plan")) {
      if (const toml::table* table = plan->as_table()) {
        read_one(*table, "plan", TableKind::kPlan, ws_.plan, kPlanKeys, parse_plan);
      } else {
        file_error(plan->source(), "'plan' must be a table: write [plan]");
      }
    }
    for (std::size_t k = 0; k < kVocabularyKinds; ++k) {
      const auto kind = static_cast<VocabularyKind>(k);
      int position = 0;  // the parse function is copied per record: count outside it
      read_all(doc, to_string(kind), TableKind::kTerms, ws_.terms, kTermKeys,
               [kind, &position](TomlRecord& rec, TermRecord& r) {
                 r.kind = kind;
                 r.id = rec.slug("id", true);
                 r.name = rec.names("name", true);
                 r.provenance = rec.text("provenance");
                 r.position = position++;
               });
    }
    int unit_position = 0;
    read_all(doc, "unit", TableKind::kUnits, ws_.units, kUnitKeys,
             [&unit_position](TomlRecord& rec, UnitRecord& r) {
               parse_unit(rec, r);
               r.position = unit_position++;
             });
    read_all(doc, "zone", TableKind::kZones, ws_.zones, kZoneKeys, parse_zone);
    const std::size_t targets_before = ws_.targets.size();
    read_all(doc, "target", TableKind::kTargets, ws_.targets, kTargetKeys,
             [this](TomlRecord& rec, TargetRecord& r) {
               parse_target(rec, r, ws_.units);
               check_indicator(rec, r.indicator);
             });
    for (std::size_t i = targets_before; i < ws_.targets.size(); ++i) {
      ws_.targets.rows[i].position = static_cast<int>(i - targets_before);
    }
    read_all(doc, "project", TableKind::kProjects, ws_.projects, kProjectKeys, parse_project);
    read_all(doc, "chain", TableKind::kChains, ws_.chains, kChainKeys, parse_chain);
  }

  // The caller's check of the indicator language (ReadOptions::check_indicator), at the value.
  void check_indicator(TomlRecord& rec, const std::string& indicator) const {
    if (!ws_.check_indicator || indicator.empty()) return;
    auto problem = ws_.check_indicator(indicator);
    if (!problem) return;
    if (problem->where.column > 0) {
      problem->message =
          fmt::format("character {} of the indicator: {}", problem->where.column, problem->message);
    }
    rec.reject("indicator", *problem);
  }

  void file_error(const toml::source_region& where, std::string message,
                  ErrorCode code = ErrorCode::kMalformedPlan) {
    ws_.report_file(TableKind::kPlan, source_,
                    Error{code, std::move(message), location_of(where, file_), {}});
  }

 private:
  Workspace& ws_;
  std::uint32_t source_;
  const std::string& file_;
};

}  // namespace

void read_plan_toml(Workspace& ws, std::uint32_t source, std::string_view text) {
  PlanReader reader(ws, source);
  // toml++ parses by recursion and takes any bytes: bound and check the text first.
  if (auto problem = prescan_toml(text, ws.sources[source].file)) {
    ws.report_file(TableKind::kPlan, source, std::move(*problem));
    return;  // as for a syntax error: the plan tables stay unknown
  }
  toml::table doc;
  try {
    doc = toml::parse(text, ws.sources[source].file);
  } catch (const toml::parse_error& e) {
    reader.file_error(e.source(), std::string(e.description()));
    return;  // the plan tables stay unknown: references to them are not checked
  }
  for (TableKind kind : {TableKind::kPlan, TableKind::kTerms, TableKind::kUnits, TableKind::kZones,
                         TableKind::kTargets, TableKind::kProjects, TableKind::kChains}) {
    ws.mark_read(kind);
  }
  reader.read(doc);
}

}  // namespace atlas::io::internal
