#include "app/internal/target_contributors.hpp"

#include <algorithm>
#include <charconv>

#include "model/provenance.hpp"
#include "query/indicator.hpp"

namespace atlas::app {

RecordLabel record_label(const Snapshot& s, query::RecordSet set, std::uint32_t index) {
  switch (set) {
    case query::RecordSet::kEnterprises: {
      const auto& e = s.enterprises;
      return RecordLabel{
          std::string(s.strings.view(e.slug[index])),
          Names{std::string(s.strings.view(e.name_zh[index])), std::string(s.strings.view(e.name_en[index]))},
          e.sample[index] != 0};
    }
    case query::RecordSet::kProjects: {
      const auto& p = s.projects[index];
      return RecordLabel{p.id, p.name, is_sample(p.provenance)};
    }
    case query::RecordSet::kCarriers: {
      const auto& c = s.carriers[index];
      return RecordLabel{c.id, c.name, is_sample(c.provenance)};
    }
    case query::RecordSet::kSupplierEntries: {
      const auto& entry = s.supplier_entries[index];
      const EnterpriseId e = s.find_enterprise(entry.enterprise);
      Names name{entry.enterprise, ""};
      if (e.valid()) {
        name.zh = std::string(s.strings.view(s.enterprises.name_zh[e.value]));
        name.en = std::string(s.strings.view(s.enterprises.name_en[e.value]));
      }
      name.zh += " → " + entry.oem;
      if (!name.en.empty()) name.en += " → " + entry.oem;
      return RecordLabel{entry.id, std::move(name), is_sample(entry.provenance)};
    }
    case query::RecordSet::kCandidates: {
      const auto& c = s.candidates[index];
      return RecordLabel{c.id, c.name, is_sample(c.provenance)};
    }
  }
  return RecordLabel{};
}

namespace internal {
namespace {

// True when a visible sample figure of `metric` lies wholly inside [first, last] for `e`.
bool uses_sample_figure(const Snapshot& s, MetricId metric, std::uint32_t e, MonthIndex first,
                        MonthIndex last, const Visibility& vis) {
  const auto& o = s.observations[metric.value];
  for (std::uint32_t i = o.offsets[e]; i < o.offsets[e + 1]; ++i) {
    const int start = static_cast<int>(o.last[i]) - o.span[i] + 1;
    if (start < first || o.last[i] > last) continue;
    if ((o.flags[i] & ObservationColumns::kSampleFlag) != 0 && o.visible(i, vis)) return true;
  }
  return false;
}

std::optional<std::int64_t> project_amount(const Snapshot& s, const query::Indicator& ind, std::uint32_t p) {
  if (ind.aggregate == query::Aggregate::kCount) return std::nullopt;
  if (ind.subject == "investment") return s.projects[p].investment;
  if (ind.subject == "expected_output") return s.projects[p].expected_output;
  return std::nullopt;
}

std::vector<ContributorItem> items_of(const Snapshot& s, const query::Indicator& ind,
                                      const query::IndicatorResult& r, const Visibility& vis) {
  const auto metric = r.set == query::RecordSet::kEnterprises ? query::metric_read_by(ind, s) : std::nullopt;
  std::vector<ContributorItem> items;
  items.reserve(r.records.size());
  for (std::uint32_t rec : r.records) {
    ContributorItem item{rec, std::nullopt, record_label(s, r.set, rec).sample};
    if (metric && r.period) {
      const SpanValue v = s.sum_span(*metric, EnterpriseId(rec), r.period->first, r.period->last, vis);
      if (v.present) item.value = v.value;
      item.sample = item.sample || uses_sample_figure(s, *metric, rec, r.period->first, r.period->last, vis);
    } else if (r.set == query::RecordSet::kProjects) {
      item.value = project_amount(s, ind, rec);
    }
    items.push_back(item);
  }
  return items;
}

// The year a level reading is for: "2025" / "2025-01~09" → 2025.
int reading_year(std::string_view period) {
  int year = 0;
  std::from_chars(period.data(), period.data() + std::min<std::size_t>(4, period.size()), year);
  return year;
}

void sort_items(const Snapshot& s, query::RecordSet set, std::vector<ContributorItem>& items) {
  std::vector<std::pair<std::string, ContributorItem>> keyed;
  keyed.reserve(items.size());
  for (const auto& item : items)
    keyed.emplace_back(record_label(s, set, item.record).id, item);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    const auto& va = a.second.value;
    const auto& vb = b.second.value;
    if (va.has_value() != vb.has_value()) return va.has_value();
    if (va && *va != *vb) return *va > *vb;
    return a.first < b.first;
  });
  for (std::size_t i = 0; i < items.size(); ++i)
    items[i] = keyed[i].second;
}

}  // namespace

Result<std::vector<ContributorItem>> latest_contributors(const Snapshot& s, const CompiledPlan& plan,
                                                         std::size_t target, const TargetCheck& t,
                                                         const Visibility& vis, query::RecordSet& set) {
  const CompiledTarget& compiled = *plan.target(target);
  set = compiled.checked.set();
  if (!t.latest) return std::vector<ContributorItem>{};
  auto r = compiled.indicator.period
               ? evaluate_checked(plan.in_year(target, reading_year(t.latest_period)), s, vis)
               : query::evaluate(compiled.checked, s, vis);
  if (!r) return std::unexpected(r.error());
  auto items = items_of(s, compiled.indicator, *r, vis);
  sort_items(s, r->set, items);
  return items;
}

}  // namespace internal
}  // namespace atlas::app
