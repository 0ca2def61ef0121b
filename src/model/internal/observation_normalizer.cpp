#include "model/internal/observation_normalizer.hpp"

#include <algorithm>
#include <span>

namespace atlas::internal {
namespace {

struct Span {
  MonthIndex last;
  std::uint8_t months;
  std::int64_t value;
  const RawObservation* source;
};

// Keeps, of several reports of the same period, the one given last.
std::vector<const RawObservation*> latest_per_period(std::span<const RawObservation> year) {
  std::vector<const RawObservation*> out;
  for (const auto& r : year) {
    auto same = std::find_if(out.begin(), out.end(), [&](const auto* o) { return o->period == r.period; });
    if (same != out.end()) {
      *same = &r;
    } else {
      out.push_back(&r);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return a->period.last != b->period.last ? a->period.last < b->period.last
                                            : a->period.kind < b->period.kind;
  });
  return out;
}

void reconcile_year(std::span<const RawObservation> year, std::vector<Span>& spans) {
  const auto reports = latest_per_period(year);
  const MonthIndex january = month_index(year.front().period.year(), 1);
  MonthIndex next = january;  // first month not covered yet
  std::int64_t cumulative_before = 0;
  for (const auto* r : reports) {
    if (r->period.kind != PeriodKind::kCumulative || r->period.last < next) continue;
    spans.push_back({r->period.last, static_cast<std::uint8_t>(r->period.last + 1 - next),
                     r->value - cumulative_before, r});
    cumulative_before = r->value;
    next = static_cast<MonthIndex>(r->period.last + 1);
  }
  for (const auto* r : reports) {
    if (r->period.kind != PeriodKind::kMonth || r->period.last < next) continue;
    spans.push_back({r->period.last, 1, r->value, r});
    next = static_cast<MonthIndex>(r->period.last + 1);
  }
  const auto annual = std::find_if(reports.rbegin(), reports.rend(),
                                   [](const auto* r) { return r->period.kind == PeriodKind::kYear; });
  const MonthIndex december = static_cast<MonthIndex>(january + 11);
  if (annual != reports.rend() && next <= december) {
    std::int64_t held = 0;
    for (const auto& s : spans) {
      if (s.last >= january) held += s.value;
    }
    spans.push_back(
        {december, static_cast<std::uint8_t>(december + 1 - next), (*annual)->value - held, *annual});
  }
}

}  // namespace

ObservationColumns normalize_observations(std::vector<RawObservation> raw, std::size_t enterprise_count) {
  std::stable_sort(raw.begin(), raw.end(), [](const RawObservation& a, const RawObservation& b) {
    if (a.enterprise != b.enterprise) return a.enterprise < b.enterprise;
    return a.period.year() < b.period.year();
  });
  ObservationColumns out;
  out.offsets.assign(enterprise_count + 1, 0);
  std::vector<Span> spans;
  StringId last_provenance = StringId::none();
  std::size_t i = 0;
  for (std::uint32_t e = 0; e < enterprise_count; ++e) {
    out.offsets[e] = static_cast<std::uint32_t>(out.value.size());
    while (i < raw.size() && raw[i].enterprise.value == e) {
      std::size_t j = i;
      while (j < raw.size() && raw[j].enterprise == raw[i].enterprise &&
             raw[j].period.year() == raw[i].period.year()) {
        ++j;
      }
      spans.clear();
      reconcile_year(std::span<const RawObservation>(raw.data() + i, j - i), spans);
      std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.last < b.last; });
      for (const auto& s : spans) {
        const auto index = static_cast<std::uint32_t>(out.value.size());
        out.last.push_back(s.last);
        out.span.push_back(s.months);
        out.value.push_back(s.value);
        std::uint8_t flags = s.source->sample ? ObservationColumns::kSampleFlag : 0;
        if (s.source->explicit_published) {
          flags |= ObservationColumns::kPublishedFlag;
          out.published_exceptions.emplace_back(index, s.source->published);
        }
        out.flags.push_back(flags);
        if (s.source->provenance != last_provenance) {
          out.provenance_runs.emplace_back(index, s.source->provenance);
          last_provenance = s.source->provenance;
        }
      }
      i = j;
    }
  }
  out.offsets[enterprise_count] = static_cast<std::uint32_t>(out.value.size());
  // The distinct provenance of the figures: a reader that has met them all can stop looking.
  if (!out.value.empty() && (out.provenance_runs.empty() || out.provenance_runs.front().first > 0)) {
    out.provenances.push_back(StringId::none());
  }
  for (const auto& run : out.provenance_runs) {
    if (std::ranges::find(out.provenances, run.second) == out.provenances.end()) {
      out.provenances.push_back(run.second);
    }
  }
  return out;
}

YearRollup build_year_rollup(const ObservationColumns& columns, std::size_t enterprise_count) {
  YearRollup r;
  if (columns.size() == 0) return r;
  const auto [lo, hi] = std::minmax_element(columns.last.begin(), columns.last.end());
  r.first_year = year_of(*lo);
  r.years = year_of(*hi) - r.first_year + 1;
  const std::size_t cells = enterprise_count * static_cast<std::size_t>(r.years);
  r.value.assign(cells, 0);
  r.months.assign(cells, 0);
  r.any_sample.assign(cells, 0);
  r.published_by.assign(static_cast<std::size_t>(r.years), 0);
  for (std::size_t e = 0; e < enterprise_count; ++e) {
    for (std::uint32_t i = columns.offsets[e]; i < columns.offsets[e + 1]; ++i) {
      const auto year = static_cast<std::size_t>(year_of(columns.last[i]) - r.first_year);
      r.published_by[year] = std::max(r.published_by[year], columns.published_at(i));
      const std::size_t cell = e * static_cast<std::size_t>(r.years) + year;
      r.value[cell] += columns.value[i];
      r.months[cell] = static_cast<std::uint8_t>(r.months[cell] + columns.span[i]);
      r.any_sample[cell] |= columns.flags[i] & ObservationColumns::kSampleFlag;
    }
  }
  return r;
}

}  // namespace atlas::internal
