// atlas_bench_answers N [SEED]: reads the cached synthetic dataset of N enterprises, builds its
// Snapshot and prints, as JSON, the figures scripts/bench/compare.sh checks the peers against:
// output per year, per county and year (a checksum and one county), enterprises over the output
// tiers, one segment's total, every target of the plan (nationally and for county c0001), and the
// chain-link verdicts of every county.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "app/chains.hpp"
#include "engine/chains.hpp"
#include "model/units.hpp"
#include "query/indicator.hpp"
#include "support/bench_data.hpp"
#include "support/stream_loader.hpp"

namespace {

using atlas::Snapshot;

std::int64_t evaluate(const std::string& text, const Snapshot& s) {
  auto result = atlas::query::evaluate_indicator(text, s);
  if (!result) {
    std::fprintf(stderr, "%s: %s\n", text.c_str(), result.error().to_string().c_str());
    std::exit(2);
  }
  return result->value;
}

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "atlas_bench_answers: %s\n", message.c_str());
  std::exit(2);
}

std::string json_object(const std::map<std::string, std::int64_t>& values) {
  std::string out = "{";
  for (const auto& [key, value] : values)
    out += fmt::format("{}\"{}\": {}", out.size() > 1 ? ", " : "", key, value);
  return out + "}";
}

// Per (county, year) output and tier counts from the roll-ups, folded into two checksums the way
// compare.py folds the peers' GROUP BY rows: Σ (output mod 1000003) × county number × year number
// and Σ (over 1亿 + 3 × over 10亿 + 7 × over 20亿) × county number × year number, where the county
// number is the digits of its id (c0001 → 1) and the year number counts from 1.
std::pair<std::int64_t, std::int64_t> county_year_checksums(const Snapshot& s, const atlas::YearRollup& r) {
  const auto years = static_cast<std::size_t>(r.years);
  std::vector<std::int64_t> output(s.counties.size() * years), tiers(s.counties.size() * years);
  for (std::size_t e = 0; e < s.enterprises.size(); ++e) {
    const auto county = s.enterprises.county[e];
    if (!county.valid()) continue;
    for (std::size_t y = 0; y < years; ++y) {
      const auto value = r.value[e * years + y];
      output[county.value * years + y] += value;
      tiers[county.value * years + y] +=
          (value > atlas::kYi) + 3 * (value > 10 * atlas::kYi) + 7 * (value > 20 * atlas::kYi);
    }
  }
  std::int64_t output_sum = 0, tier_sum = 0;
  for (std::size_t c = 0; c < s.counties.size(); ++c) {
    const std::int64_t number = std::stoll(s.counties[c].id.substr(1));
    for (std::size_t y = 0; y < years; ++y) {
      const auto weight = number * static_cast<std::int64_t>(y + 1);
      output_sum += output[c * years + y] % 1000003 * weight;
      tier_sum += tiers[c * years + y] * weight;
    }
  }
  return {output_sum, tier_sum};
}

// The chain verdicts for every county (engine::assess_chain_every_county on the output of
// kChainYear, default visibility), folded per chain link over the counties where it has a maker, as
// compare.py folds the peers' rows: the number of weak and strong counties, and Σ over those
// counties of the county's number × each of makers, output mod 1000003, local buyers, buyers with
// recorded suppliers and buyers supplied locally.
constexpr int kChainYear = 2024;  // the year BM_ChainGaps* read (peer_sql.CHAIN_YEAR)

std::string chain_link_checksums(const Snapshot& s) {
  const atlas::Visibility vis;
  const auto output = atlas::app::output_column(s, vis, kChainYear);
  const atlas::engine::ChainInput input{s, vis, output.year, output.value, output.sample, /*texts=*/false};
  std::map<std::string, std::map<std::string, std::int64_t>> links;
  for (std::uint32_t c = 0; c < s.chains.size(); ++c) {
    const auto& chain = s.chains[c];
    for (const auto& a : atlas::engine::assess_chain_every_county(input, c)) {
      const std::int64_t number = std::stoll(s.counties[a.county.value].id.substr(1));
      for (const auto& l : a.links) {
        if (l.makers.empty()) continue;
        auto& fold = links[chain.id + "." + chain.links[l.link].id];
        for (const char* key : {"weak", "strong"})
          fold[key] += 0;  // both listed, as compare.py lists them
        fold[l.verdict == atlas::engine::Verdict::kStrong ? "strong" : "weak"] += 1;
        fold["makers"] += static_cast<std::int64_t>(l.makers.size()) * number;
        fold["output"] += l.output.value_or(0) % 1000003 * number;
        fold["buyers"] += l.buyers * number;
        fold["buyers_known"] += l.buyers_known * number;
        fold["buyers_local"] += l.buyers_local * number;
      }
    }
  }
  std::string out = "{";
  for (const auto& [key, fold] : links)
    out += fmt::format("{}\n    \"{}\": {}", out.size() > 1 ? "," : "", key, json_object(fold));
  return out + "}";
}

// Resident memory of this process in MiB (Linux), 0 when unknown.
std::int64_t resident_mib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) return std::stoll(line.substr(6)) / 1024;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: atlas_bench_answers ENTERPRISES [SEED]\n");
    return 2;
  }
  const auto n = std::strtoull(argv[1], nullptr, 10);
  const auto seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : atlas::bench::bench_seed();
  const auto snapshot = atlas::bench::stream_snapshot(atlas::bench::synthetic_dir(n, seed));
  const auto& s = *snapshot;
  const auto& rollup = s.rollups[s.find_metric("output_value")->value];

  std::map<std::string, std::int64_t> per_year, tiers, targets, county_targets;
  for (int y = rollup.first_year; y < rollup.first_year + rollup.years; ++y) {
    per_year[fmt::to_string(y)] = evaluate(fmt::format("sum(output_value) in {}", y), s);
  }
  for (const auto& [name, limit] :
       {std::pair{"over_1yi", "1亿"}, {"over_10yi", "10亿"}, {"over_20yi", "20亿"}}) {
    tiers[name] = evaluate(fmt::format("count(enterprises) where output_value > {} in 2025", limit), s);
  }
  for (const auto& t : s.targets)
    targets[t.id] = evaluate(t.indicator, s);
  for (const auto& t : s.targets) {
    const auto texts = atlas::bench::county_indicators({t}, "c0001");
    if (!texts.empty()) county_targets[t.id] = evaluate(texts.front(), s);
  }
  // Every county-able target for every county, from one grouped indicator per target: per target
  // Σ over counties of (value mod 1000003) × the county's number (c0042 → 42), which the peers'
  // GROUP BY rows give too; and c0001's values, which the per-county indicators give above.
  std::map<std::string, std::int64_t> grouped_checksums, c0001_grouped;
  for (const auto& [id, text] : atlas::bench::grouped_county_indicators(s.targets)) {
    auto checked = atlas::query::compile_indicator(text, s);
    if (!checked) die(checked.error().to_string());
    auto grouped = atlas::query::evaluate_grouped(*checked, s, {});
    if (!grouped) die(grouped.error().to_string());
    std::int64_t checksum = 0;
    for (const auto& g : grouped->groups) {
      if (!g.key) continue;
      const std::string& county = grouped->keys[*g.key].id;
      checksum += g.value % 1000003 * std::stoll(county.substr(1));
      if (county == "c0001") c0001_grouped[id] = g.value;
    }
    grouped_checksums[id] = checksum;
  }
  const auto [output_checksum, tier_checksum] = county_year_checksums(s, rollup);
  fmt::print("{{\n  \"enterprises\": {},\n  \"observations\": {},\n", s.enterprises.size(),
             s.observation_count());
  fmt::print("  \"resident_mib_with_snapshot\": {},\n", resident_mib());
  fmt::print("  \"output_per_year\": {},\n", json_object(per_year));
  fmt::print("  \"county_year_checksum\": {},\n  \"tier_checksum\": {},\n", output_checksum, tier_checksum);
  fmt::print("  \"c0001_output_2025\": {},\n",
             evaluate(R"(sum(output_value) where county = "c0001" in 2025)", s));
  fmt::print("  \"tiers_2025\": {},\n", json_object(tiers));
  fmt::print("  \"electric_output_2025\": {},\n",
             evaluate(R"(sum(output_value) where segment = "electric" in 2025)", s));
  fmt::print("  \"targets\": {},\n", json_object(targets));
  fmt::print("  \"c0001_targets\": {},\n", json_object(county_targets));
  fmt::print("  \"c0001_targets_grouped\": {},\n", json_object(c0001_grouped));
  fmt::print("  \"county_targets_checksum\": {},\n", json_object(grouped_checksums));
  fmt::print("  \"chain_links\": {}\n}}\n", chain_link_checksums(s));
  return 0;
}
