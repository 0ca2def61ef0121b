// The embedded Meizhou dataset, read once, as a Dataset (for expectations taken from the CSV
// files) and a Snapshot (what the use cases read). Test-only.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "io/embedded.hpp"
#include "model/snapshot.hpp"

namespace atlas::app::testing {

struct Meizhou {
  Dataset data;
  std::shared_ptr<const Snapshot> snapshot;
};

inline const Meizhou& meizhou() {
  static const Meizhou m = [] {
    auto read = io::read_embedded_dataset();
    if (!read) std::abort();
    auto snap = Snapshot::build(read->data, 3);
    if (!snap) std::abort();
    return Meizhou{std::move(read->data), std::move(*snap)};
  }();
  return m;
}

inline const Snapshot& snap() {
  return *meizhou().snapshot;
}

/// The ids (slugs) of `ids`, sorted.
inline std::vector<std::string> slugs(std::span<const EnterpriseId> ids) {
  std::vector<std::string> out;
  for (EnterpriseId e : ids)
    out.emplace_back(snap().strings.view(snap().enterprises.slug[e.value]));
  std::ranges::sort(out);
  return out;
}

/// The ids of the dataset's enterprises for which `pred(record)` holds, sorted.
template <class Pred>
std::vector<std::string> csv_enterprises(Pred pred) {
  std::vector<std::string> out;
  for (const EnterpriseRecord& r : meizhou().data.enterprises) {
    if (pred(r)) out.push_back(r.id);
  }
  std::ranges::sort(out);
  return out;
}

inline Visibility at(int year, int month, int day, bool include_sample = true) {
  return Visibility{day_number(year, month, day), include_sample};
}

}  // namespace atlas::app::testing
