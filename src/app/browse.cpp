// Annual totals, zones and counties, the taxonomy tree, chains and facts.
#include "app/browse.hpp"

#include <algorithm>
#include <charconv>
#include <span>

#include <fmt/format.h>

#include "model/provenance.hpp"
#include "model/units.hpp"

namespace atlas::app {

YearTotals::YearTotals(const Snapshot& s, std::optional<MetricId> metric, int year, const Visibility& vis)
    : snapshot_(s), metric_(metric), year_(year), vis_(vis) {
  if (!metric || !vis.include_sample) return;
  // The roll-up sums every figure, samples included, whatever its publication day: it is exact
  // only when samples count and every figure of the year was out by as_of (as query's MetricReader).
  const YearRollup& rollup = s.rollups[metric->value];
  const int slot = year - rollup.first_year;
  if (slot < 0 || slot >= rollup.years) return;
  if (vis.as_of < rollup.published_by[static_cast<std::size_t>(slot)]) return;
  rollup_ = &rollup;
  slot_ = static_cast<std::size_t>(slot);
}

std::optional<YearValue> YearTotals::read(EnterpriseId e) const {
  if (!metric_) return std::nullopt;
  if (rollup_ != nullptr) {
    const std::size_t cell = e.value * static_cast<std::size_t>(rollup_->years) + slot_;
    if (rollup_->months[cell] == 0) return std::nullopt;
    return YearValue{year_, rollup_->value[cell], rollup_->months[cell], rollup_->any_sample[cell] != 0};
  }
  // Snapshot::sum_span's walk over the year, also counting months and noting sample figures.
  const ObservationColumns& o = snapshot_.observations[metric_->value];
  const MonthIndex first = month_index(year_, 1);
  const MonthIndex last = month_index(year_, 12);
  const auto* lasts = o.last.data();
  const std::uint32_t end = o.offsets[e.value + 1];
  auto i =
      static_cast<std::uint32_t>(std::lower_bound(lasts + o.offsets[e.value], lasts + end, first) - lasts);
  YearValue out{year_, 0, 0, false};
  bool present = false;
  for (; i < end && o.last[i] <= last; ++i) {
    if (!o.visible(i, vis_)) continue;
    present = true;
    out.value += o.value[i];
    out.months = static_cast<std::uint8_t>(out.months + o.span[i]);
    out.sample = out.sample || (o.flags[i] & ObservationColumns::kSampleFlag) != 0;
  }
  return present ? std::optional<YearValue>(out) : std::nullopt;
}

std::string span_text(MonthIndex first, MonthIndex last) {
  const int year = year_of(first);
  if (month_of(first) == 1 && month_of(last) == 12) return fmt::format("{}", year);
  if (first == last) return fmt::format("{}-{:02}", year, month_of(first));
  return fmt::format("{}-{:02}~{:02}", year, month_of(first), month_of(last));
}

std::vector<ZoneId> zone_subtree(const Snapshot& s, ZoneId zone) {
  std::vector<ZoneId> out{zone};
  // Breadth-first over the parent links; the plan loader rejects cycles, and the bound on the
  // output keeps a broken snapshot from looping.
  for (std::size_t next = 0; next < out.size() && out.size() <= s.zones.size(); ++next) {
    for (std::uint32_t z = 0; z < s.zone_parent.size(); ++z) {
      if (s.zone_parent[z] == out[next] && ZoneId{z} != zone) out.push_back(ZoneId{z});
    }
  }
  return out;
}

namespace {

void add_value(std::optional<YearValue>& total, const std::optional<YearValue>& part) {
  if (!part) return;
  if (!total) {
    total = part;
    return;
  }
  total->value += part->value;
  total->months = std::max(total->months, part->months);
  total->sample = total->sample || part->sample;
}

AreaTotals totals_of(const Snapshot& s, const Visibility& vis, const YearTotals& output,
                     std::span<const EnterpriseId> members) {
  AreaTotals t;
  for (EnterpriseId e : members) {
    if (!enterprise_visible(s, vis, e)) continue;
    if (s.enterprises.outside[e.value] != 0) continue;  // an outside firm is never counted as local
    ++t.enterprises;
    add_value(t.output_value, output.read(e));
  }
  return t;
}

bool names_zone(std::string_view indicator, std::string_view zone) {
  return indicator.find(fmt::format("zone = \"{}\"", zone)) != std::string_view::npos ||
         indicator.find(fmt::format("zone=\"{}\"", zone)) != std::string_view::npos;
}

}  // namespace

ZonesOverview zones_overview(const Snapshot& s, const Visibility& vis, int year) {
  const YearTotals output(s, s.find_metric(s.plan.output_metric), year, vis);
  ZonesOverview out;
  out.year = year;
  std::vector<AreaTotals> direct(s.zones.size());
  for (std::uint32_t z = 0; z < s.zones.size(); ++z)
    direct[z] = totals_of(s, vis, output, s.by_zone.row(z));
  for (std::uint32_t z = 0; z < s.zones.size(); ++z) {
    ZoneSummary zone{ZoneId{z}, {}, facts_about(s, vis, s.zones[z].id), {}};
    for (ZoneId member : zone_subtree(s, ZoneId{z})) {
      zone.totals.enterprises += direct[member.value].enterprises;
      add_value(zone.totals.output_value, direct[member.value].output_value);
    }
    for (std::uint32_t t = 0; t < s.targets.size(); ++t) {
      if (names_zone(s.targets[t].indicator, s.zones[z].id)) zone.targets.push_back(TargetId{t});
    }
    out.zones.push_back(std::move(zone));
  }
  std::optional<YearValue> in_counties;
  for (std::uint32_t c = 0; c < s.counties.size(); ++c) {
    out.counties.push_back(CountySummary{CountyId{c}, totals_of(s, vis, output, s.by_county.row(c))});
    add_value(in_counties, out.counties.back().totals.output_value);
  }
  std::vector<EnterpriseId> no_county;
  for (std::uint32_t e = 0; e < s.enterprises.size(); ++e) {
    if (!s.enterprises.county[e].valid()) no_county.push_back(EnterpriseId{e});
  }
  out.county_not_recorded = totals_of(s, vis, output, no_county);
  const std::int64_t covered = in_counties ? in_counties->value : 0;
  const std::int64_t total =
      covered + (out.county_not_recorded.output_value ? out.county_not_recorded.output_value->value : 0);
  if (total > 0) out.county_coverage = static_cast<double>(covered) / static_cast<double>(total);
  return out;
}

TaxonomyTree taxonomy_tree(const Snapshot& s, const Visibility& vis) {
  TaxonomyTree tree;
  tree.children.resize(s.taxonomy.size());
  tree.enterprises.resize(s.taxonomy.size());
  for (std::uint32_t n = 0; n < s.taxonomy.size(); ++n) {
    const ClassId parent = s.taxonomy_parent[n];
    (parent.valid() ? tree.children[parent.value] : tree.roots).push_back(ClassId{n});
    const auto makers = s.by_taxonomy.row(n);
    tree.enterprises[n] =
        vis.include_sample ? makers.size()
                           : static_cast<std::size_t>(std::ranges::count_if(
                                 makers, [&](EnterpriseId e) { return s.enterprises.sample[e.value] == 0; }));
  }
  return tree;
}

std::vector<ChainSummary> chains_overview(const Snapshot& s, const Visibility& vis) {
  std::vector<ChainSummary> out;
  out.reserve(s.chains.size());
  std::vector<EnterpriseId> makers;
  for (const ChainRecord& chain : s.chains) {
    ChainSummary summary;
    for (const ChainLinkRecord& link : chain.links) {
      ChainLinkSummary l;
      makers.clear();
      for (const std::string& code : link.classes) {
        const ClassId cls = s.find_class(code);
        if (!cls.valid()) continue;
        l.classes.push_back(cls);
        const auto row = s.by_taxonomy.row(cls.value);
        makers.insert(makers.end(), row.begin(), row.end());
      }
      std::ranges::sort(makers);
      makers.erase(std::unique(makers.begin(), makers.end()), makers.end());
      l.enterprises = static_cast<std::size_t>(
          std::ranges::count_if(makers, [&](EnterpriseId e) { return enterprise_visible(s, vis, e); }));
      summary.links.push_back(std::move(l));
    }
    out.push_back(std::move(summary));
  }
  return out;
}

std::vector<std::uint32_t> facts_about(const Snapshot& s, const Visibility& vis, std::string_view subject) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t f = 0; f < s.facts.size(); ++f) {
    if (s.facts[f].subject != subject) continue;
    if (!vis.include_sample && is_sample(s.facts[f].provenance)) continue;
    out.push_back(f);
  }
  return out;
}

FactValue fact_value(const FactRecord& fact) {
  FactValue out;
  out.text = fact.value;
  if (fact.unit != "percent") {
    if (auto amount = parse_amount(fact.value)) {
      out.kind = FactValue::Kind::kInteger;
      out.integer = *amount;
      return out;
    }
  }
  double d = 0;
  const char* end = fact.value.data() + fact.value.size();
  const auto [ptr, ec] = std::from_chars(fact.value.data(), end, d);
  if (!fact.value.empty() && ec == std::errc() && ptr == end) {
    out.kind = FactValue::Kind::kDecimal;
    out.decimal = d;
  }
  return out;
}

}  // namespace atlas::app
