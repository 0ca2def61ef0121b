// Validator: cycles of parent links (zone parent, enterprise group), which the store could only
// refuse with a bare foreign-key error and the Snapshot could not walk.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "io/internal/validator.hpp"

namespace atlas::io::internal {
namespace {

// Marks of a depth-first walk up the parent links.
enum class Mark : std::uint8_t { kNew, kOnPath, kDone };

// "'b' → 'c' → 'a' → 'b'" for the cycle path[first…], starting at path[from].
std::string describe_cycle(const std::vector<std::string_view>& path, std::size_t first, std::size_t from) {
  std::string out;
  const std::size_t length = path.size() - first;
  for (std::size_t k = 0; k < length; ++k)
    out += fmt::format("'{}' → ", path[first + (from - first + k) % length]);
  return out + fmt::format("'{}'", path[from]);
}

}  // namespace

template <class R>
void Validator::report_cycles(TableKind kind, const Table<R>& table, const std::vector<R>* existing,
                              std::string R::*id, std::string R::*parent, std::string_view field,
                              std::string_view what) {
  // The links as they will be after the import: a record read replaces a stored one.
  std::unordered_map<std::string_view, std::string_view> up;
  if (existing != nullptr) {
    for (const R& r : *existing)
      up[r.*id] = r.*parent;
  }
  std::unordered_map<std::string_view, std::size_t> row_of;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (!table.live(i) || (table.rows[i].*id).empty()) continue;
    up[table.rows[i].*id] = table.rows[i].*parent;
    row_of[table.rows[i].*id] = i;
  }
  std::unordered_map<std::string_view, Mark> marks;
  std::vector<std::string_view> path;
  for (std::size_t row = 0; row < table.size(); ++row) {
    if (!table.live(row)) continue;
    for (std::string_view at = table.rows[row].*id; !at.empty();) {
      Mark& mark = marks[at];
      if (mark == Mark::kDone) break;
      if (mark == Mark::kOnPath) {
        const auto first = static_cast<std::size_t>(std::ranges::find(path, at) - path.begin());
        for (std::size_t i = first; i < path.size(); ++i) {
          const auto read = row_of.find(path[i]);
          if (read == row_of.end() || up[path[i]] == path[i]) continue;  // own parent: reported apart
          ws_.report(kind, table, read->second, ErrorCode::kInvalidValue, std::string(field),
                     fmt::format("{} cycle: {}", what, describe_cycle(path, first, i)));
          ++found_;
        }
        break;
      }
      mark = Mark::kOnPath;
      path.push_back(at);
      const auto next = up.find(at);
      at = next == up.end() ? std::string_view() : next->second;
    }
    for (std::string_view done : path)
      marks[done] = Mark::kDone;
    path.clear();
  }
}

// A chain's edges run upstream → downstream: a path that comes back to its start has no upstream
// end, so no verdict could say what depends on what. Reports the first cycle found, at the edge
// that closes it.
void Validator::check_chain_cycles(std::size_t row) {
  const ChainRecord& chain = ws_.chains.rows[row];
  std::unordered_map<std::string_view, std::vector<std::size_t>> out;  // link → its edges
  for (std::size_t e = 0; e < chain.edges.size(); ++e)
    out[chain.edges[e].from].push_back(e);
  std::unordered_map<std::string_view, Mark> marks;
  std::vector<std::string_view> path;
  std::vector<std::pair<std::string_view, std::size_t>> stack;  // (link, next edge of it to follow)
  for (const ChainLinkRecord& start : chain.links) {
    if (marks[start.id] != Mark::kNew) continue;
    stack.emplace_back(start.id, 0);
    marks[start.id] = Mark::kOnPath;
    path.push_back(start.id);
    while (!stack.empty()) {
      auto& [link, next] = stack.back();
      const auto edges = out.find(link);
      if (edges == out.end() || next == edges->second.size()) {
        marks[link] = Mark::kDone;
        path.pop_back();
        stack.pop_back();
        continue;
      }
      const std::size_t e = edges->second[next++];
      const std::string_view to = chain.edges[e].to;
      Mark& mark = marks[to];
      if (mark == Mark::kOnPath) {
        const auto first = static_cast<std::size_t>(std::ranges::find(path, to) - path.begin());
        ws_.report(TableKind::kChains, ws_.chains, row, ErrorCode::kInvalidValue, "edge.to",
                   fmt::format("chain '{}' has a cycle: {} (edges run upstream → downstream)", chain.id,
                               describe_cycle(path, first, first)),
                   fmt::format("edge.{}.to", e));
        ++found_;
        return;
      }
      if (mark == Mark::kNew) {
        mark = Mark::kOnPath;
        path.push_back(to);
        stack.emplace_back(to, 0);
      }
    }
  }
}

void Validator::check_cycles() {
  const Dataset* old = options_.existing;
  report_cycles(TableKind::kZones, ws_.zones, old != nullptr ? &old->zones : nullptr, &ZoneRecord::id,
                &ZoneRecord::parent, "parent", "zone parent");
  report_cycles(TableKind::kEnterprises, ws_.enterprises, old != nullptr ? &old->enterprises : nullptr,
                &EnterpriseRecord::id, &EnterpriseRecord::group, "group", "enterprise group");
}

}  // namespace atlas::io::internal
