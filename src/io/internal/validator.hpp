// Whole-dataset checks after every file is parsed: duplicate keys and cross-references.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "io/dataset_reader.hpp"
#include "io/internal/workspace.hpp"

namespace atlas::io::internal {

/// The ids of one table that references may point at. `known` is false when neither an input nor
/// the existing dataset provided the table: references to it are then left unchecked.
class KeySet {
 public:
  bool known = false;

  void insert(std::string_view key) {
    if (!key.empty()) keys_.insert(key);
  }
  [[nodiscard]] bool contains(std::string_view key) const { return keys_.contains(key); }
  /// " (did you mean 'x'?)" among the keys (left out for very large tables).
  [[nodiscard]] std::string suggest(std::string_view key) const;

 private:
  std::unordered_set<std::string_view> keys_;
};

/// Checks the live records of a workspace, adding an issue for each problem. Only live records
/// provide keys, so running it again after dropping rows (kSkipInvalid) finds what they broke.
/// Views into `ws` and `options.existing`, which must outlive it. Not thread-safe.
class Validator {
 public:
  Validator(Workspace& ws, const ReadOptions& options);

  /// Adds the issues found; returns how many.
  std::size_t run();

 private:
  void build_keys();
  void check_duplicates();
  void check_plan();
  void check_taxonomy();
  void check_enterprises();
  void check_observations();
  void check_facts();
  void check_fact_values();
  void check_plan_records();
  void check_output_metric(std::size_t plan_row);
  void check_chains();
  void check_stored_candidates(std::size_t chain_row, const KeySet& links);
  void check_activity();
  /// Words of a vocabulary that the plan read declares: every record read that uses another word of
  /// that kind is reported. Unchecked when no plan file is read or it declares none of the kind.
  void check_vocabularies();
  void term(TableKind kind, auto& table, std::size_t row, std::string_view field, std::string_view word,
            VocabularyKind vocabulary);
  void check_supply_edges();
  /// Zone parents and enterprise groups must not form a cycle, among the records read and the
  /// existing ones they replace or point at; each record read on a cycle is reported with it.
  void check_cycles();
  void check_chain_cycles(std::size_t chain_row);
  void check_chain_rules(std::size_t plan_row);

  template <class R>
  void report_cycles(TableKind kind, const Table<R>& table, const std::vector<R>* existing,
                     std::string R::*id, std::string R::*parent, std::string_view field,
                     std::string_view what);

  /// Reports `value` of `field` when `target` is known and lacks it.
  template <class R>
  void reference(TableKind kind, const Table<R>& table, std::size_t row, std::string_view field,
                 std::string_view value, const KeySet& target, std::string_view what,
                 std::string_view at = {});

  template <class R>
  void references(TableKind kind, const Table<R>& table, std::size_t row, std::string_view field,
                  const std::vector<std::string>& values, const KeySet& target, std::string_view what,
                  std::string_view at = {}) {
    for (const std::string& value : values)
      reference(kind, table, row, field, value, target, what, at);
  }

  Workspace& ws_;
  const ReadOptions& options_;
  std::size_t found_ = 0;
  KeySet counties_, taxonomy_, metrics_, zones_, enterprises_, projects_, chains_, facts_;
  std::array<KeySet, kVocabularyKinds> terms_;  // per VocabularyKind: the words the plan read declares
  std::unordered_map<std::string_view, TaxonomyLevel> levels_;
  std::unordered_map<std::string_view, std::vector<std::string_view>> chain_links_;
  std::unordered_set<std::string_view> all_links_;
};

}  // namespace atlas::io::internal
