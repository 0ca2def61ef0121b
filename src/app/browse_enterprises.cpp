// The enterprise list: posting-list filters, name search, sorting and paging.
#include <algorithm>
#include <limits>
#include <span>

#include "app/browse.hpp"
#include "app/internal/browse_text.hpp"
#include "model/text.hpp"

namespace atlas::app {

namespace {

// Keeps the ids of `ids` (sorted) that are in `list` (sorted). A moving lower_bound makes this
// O(k log n) when `ids` is much shorter than `list`, and linear at worst.
void intersect(std::vector<EnterpriseId>& ids, std::span<const EnterpriseId> list) {
  auto from = list.begin();
  std::erase_if(ids, [&](EnterpriseId e) {
    from = std::lower_bound(from, list.end(), e);
    return from == list.end() || *from != e;
  });
}

std::vector<EnterpriseId> zone_members(const Snapshot& s, ZoneId zone) {
  std::vector<EnterpriseId> out;
  for (ZoneId z : zone_subtree(s, zone)) {
    const auto row = s.by_zone.row(z.value);
    out.insert(out.end(), row.begin(), row.end());
  }
  std::ranges::sort(out);  // an enterprise sits in one zone: no duplicates
  return out;
}

// The intersection of the posting lists the filter names (shortest first), or nullopt when the
// filter names none.
std::optional<std::vector<EnterpriseId>> posting_candidates(const Snapshot& s, const EnterpriseFilter& f) {
  std::vector<EnterpriseId> zone;
  std::vector<std::span<const EnterpriseId>> lists;
  if (f.county) lists.push_back(s.by_county.row(f.county->value));
  if (f.segment) lists.push_back(s.by_segment.row(*f.segment));
  if (f.taxonomy) lists.push_back(s.by_taxonomy.row(f.taxonomy->value));
  if (f.zone) {
    zone = zone_members(s, *f.zone);
    lists.emplace_back(zone);
  }
  if (lists.empty()) return std::nullopt;
  std::ranges::sort(lists, {}, &std::span<const EnterpriseId>::size);
  std::vector<EnterpriseId> ids(lists.front().begin(), lists.front().end());
  for (std::size_t i = 1; i < lists.size() && !ids.empty(); ++i)
    intersect(ids, lists[i]);
  return ids;
}

// Sorts only what the page shows: [begin, end) ends up holding the elements a full sort would put
// there, in order.
template <class T, class Less>
void sort_page(std::vector<T>& v, std::size_t begin, std::size_t end, Less less) {
  if (begin >= end) return;
  if (begin > 0) std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(begin), v.end(), less);
  std::partial_sort(v.begin() + static_cast<std::ptrdiff_t>(begin),
                    v.begin() + static_cast<std::ptrdiff_t>(end), v.end(), less);
}

struct OutputKey {
  std::int64_t value = 0;
  EnterpriseId id;
  bool present = false;
};

void page_by_output(const YearTotals& output, std::vector<EnterpriseId>& ids, std::size_t begin,
                    std::size_t end) {
  std::vector<OutputKey> keys;
  keys.reserve(ids.size());
  for (EnterpriseId e : ids) {
    const auto v = output.read(e);
    keys.push_back(OutputKey{v ? v->value : 0, e, v.has_value()});
  }
  sort_page(keys, begin, end, [](const OutputKey& a, const OutputKey& b) {
    if (a.present != b.present) return a.present;
    if (a.value != b.value) return a.value > b.value;
    return a.id < b.id;
  });
  for (std::size_t i = begin; i < end; ++i)
    ids[i] = keys[i].id;
}

// Puts the enterprises of positions [begin, end) in name order (Chinese by pinyin) there. A small
// set is partially sorted by rank; a large one (a national list) is read off the Snapshot's name
// order through a membership bitmap: linear and cheap, where sorting a million ranks is not.
void page_by_name(const Snapshot& s, std::vector<EnterpriseId>& ids, std::size_t begin, std::size_t end) {
  const auto& c = s.enterprises;
  if (ids.size() < c.size() / 8) {
    sort_page(ids, begin, end,
              [&](EnterpriseId a, EnterpriseId b) { return c.name_rank[a.value] < c.name_rank[b.value]; });
    return;
  }
  std::vector<std::uint8_t> member(c.size(), 0);
  for (EnterpriseId e : ids)
    member[e.value] = 1;
  std::size_t position = 0;
  for (EnterpriseId e : c.by_name) {
    if (member[e.value] == 0) continue;
    if (position >= begin) ids[position] = e;
    if (++position == end) break;
  }
}

}  // namespace

bool enterprise_visible(const Snapshot& s, const Visibility& vis, EnterpriseId e) {
  return vis.include_sample || s.enterprises.sample[e.value] == 0;
}

std::vector<EnterpriseId> match_enterprises(const Snapshot& s, const Visibility& vis,
                                            const EnterpriseFilter& f) {
  const internal::TextMatcher matcher(f.q);
  const auto& c = s.enterprises;
  const auto keep = [&](EnterpriseId e) {
    if (!enterprise_visible(s, vis, e)) return false;
    const std::uint32_t i = e.value;
    if (f.outside && (c.outside[i] != 0) != *f.outside) return false;
    if (f.q.empty()) return true;
    if (matcher.matches(s.strings.view(c.name_zh[i])) || matcher.matches(s.strings.view(c.name_en[i])) ||
        matcher.matches(s.strings.view(c.slug[i])) || matcher.matches(s.strings.view(c.credit_code[i]))) {
      return true;
    }
    return std::ranges::any_of(c.aliases.row(i),
                               [&](StringId a) { return matcher.matches(s.strings.view(a)); });
  };
  if (auto ids = posting_candidates(s, f)) {
    std::erase_if(*ids, [&](EnterpriseId e) { return !keep(e); });
    return std::move(*ids);
  }
  std::vector<EnterpriseId> ids;
  ids.reserve(f.q.empty() ? c.size() : 0);
  for (std::uint32_t i = 0; i < c.size(); ++i) {
    if (keep(EnterpriseId{i})) ids.push_back(EnterpriseId{i});
  }
  return ids;
}

std::vector<EnterpriseSuggestion> suggest_enterprises(const Snapshot& s, const Visibility& vis,
                                                      const EnterpriseFilter& filter, std::size_t max) {
  std::vector<EnterpriseSuggestion> out;
  const std::size_t length = character_count(filter.q);
  // Allowed typos: a third of q, at least 1; a guess must keep more than half of q.
  const std::size_t limit = std::max<std::size_t>(1, length / 3);
  if (length < 3 || length > kMaxSearchText || max == 0) return out;
  EnterpriseFilter rest = filter;
  rest.q.clear();
  const auto& c = s.enterprises;
  for (EnterpriseId e : match_enterprises(s, vis, rest)) {
    const std::uint32_t i = e.value;
    std::optional<EnterpriseSuggestion> best;
    const auto consider = [&](StringId text) {
      const std::string_view view = s.strings.view(text);
      const auto d = approximate_substring_distance(filter.q, view, limit);
      if (d && (!best || *d < best->distance)) best = EnterpriseSuggestion{e, std::string(view), *d};
    };
    consider(c.name_zh[i]);
    consider(c.name_en[i]);
    for (StringId a : c.aliases.row(i))
      consider(a);
    if (best) out.push_back(std::move(*best));
  }
  const auto closer = [&](const EnterpriseSuggestion& a, const EnterpriseSuggestion& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    return c.name_rank[a.id.value] < c.name_rank[b.id.value];
  };
  std::ranges::sort(out, closer);
  if (out.size() > max) out.resize(max);
  return out;
}

EnterprisePage list_enterprises(const Snapshot& s, const Visibility& vis, const EnterpriseQuery& query) {
  std::vector<EnterpriseId> ids = match_enterprises(s, vis, query.filter);
  EnterprisePage page;
  page.total = ids.size();
  const std::size_t begin = std::min(query.offset, ids.size());
  const std::size_t end = begin + std::min(query.limit, ids.size() - begin);
  const YearTotals output(s, s.find_metric(s.plan.output_metric), query.year, vis);
  if (query.sort == EnterpriseSort::kOutputValueDesc) {
    page_by_output(output, ids, begin, end);
  } else {
    page_by_name(s, ids, begin, end);
  }
  page.items.reserve(end - begin);
  for (std::size_t i = begin; i < end; ++i)
    page.items.push_back(EnterpriseRow{ids[i], output.read(ids[i])});
  return page;
}

}  // namespace atlas::app
