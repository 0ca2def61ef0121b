#include "query/schema.hpp"

#include <array>

#include "query/internal/fields.hpp"

namespace atlas::query {
namespace {

constexpr std::array<std::string_view, internal::kRecordSetCount> kSetNames{
    "enterprises", "projects", "carriers", "supplier_entries", "candidates"};

constexpr std::array<std::string_view, 6> kDateFields{"signed",          "started",    "commissioned",
                                                      "full_production", "recognized", "entered"};

}  // namespace

const char* to_string(RecordSet set) {
  return kSetNames[static_cast<std::size_t>(set)].data();
}

std::optional<RecordSet> parse_record_set(std::string_view name) {
  for (std::size_t i = 0; i < kSetNames.size(); ++i) {
    if (kSetNames[i] == name) return static_cast<RecordSet>(i);
  }
  return std::nullopt;
}

const char* to_string(FieldType type) {
  switch (type) {
    case FieldType::kText:
      return "text";
    case FieldType::kReference:
      return "reference";
    case FieldType::kTaxonomy:
      return "taxonomy";
    case FieldType::kEnum:
      return "enum";
    case FieldType::kOrdered:
      return "ordered enum";
    case FieldType::kBool:
      return "bool";
    case FieldType::kAmount:
      return "amount";
    case FieldType::kCount:
      return "count";
    case FieldType::kDate:
      return "date";
  }
  return "unknown";
}

std::vector<FieldInfo> fields_of(RecordSet set, const Snapshot& snapshot) {
  std::vector<FieldInfo> out;
  for (auto name : internal::field_names(set, snapshot)) {
    const auto field = internal::find_field(set, name, snapshot);
    out.push_back(FieldInfo{std::string(name), field->spec.type, field->is_metric()});
  }
  return out;
}

bool is_date_field(std::string_view name) {
  for (auto date : kDateFields) {
    if (date == name) return true;
  }
  return false;
}

}  // namespace atlas::query
