// Resolving filter values given as text: ids, codes and enum words, with "did you mean …?".
#include <array>
#include <charconv>
#include <string>

#include <fmt/format.h>

#include "app/browse.hpp"
#include "app/internal/browse_text.hpp"

namespace atlas::app {

namespace {

using internal::Suggester;

template <class Rows, class Key>
std::unexpected<Error> unknown(std::string_view what, std::string_view text, std::string_view field,
                               const Rows& rows, Key key) {
  Suggester suggester(text);
  for (const auto& row : rows)
    suggester.consider(key(row));
  return fail(ErrorCode::kUnknownReference, fmt::format("no {} \"{}\"{}", what, text, suggester.hint()),
              std::string(field));
}

template <class Enum, std::size_t N>
Result<Enum> resolve_word(std::string_view what, std::string_view word, std::string_view field,
                          const std::array<Enum, N>& values) {
  for (Enum v : values) {
    if (word == to_string(v)) return v;
  }
  Suggester suggester(word);
  std::string known;
  for (Enum v : values) {
    suggester.consider(to_string(v));
    known += known.empty() ? "" : ", ";
    known += to_string(v);
  }
  return fail(ErrorCode::kInvalidValue,
              fmt::format("\"{}\" is not a {} ({}){}", word, what, known, suggester.hint()),
              std::string(field));
}

}  // namespace

Result<CountyId> resolve_county(const Snapshot& s, std::string_view id, std::string_view field) {
  if (CountyId c = s.find_county(id); c.valid()) return c;
  return unknown("county", id, field, s.counties,
                 [](const CountyRecord& r) -> std::string_view { return r.id; });
}

Result<ZoneId> resolve_zone(const Snapshot& s, std::string_view id, std::string_view field) {
  if (ZoneId z = s.find_zone(id); z.valid()) return z;
  return unknown("zone", id, field, s.zones, [](const ZoneRecord& r) -> std::string_view { return r.id; });
}

Result<ClassId> resolve_class(const Snapshot& s, std::string_view code, std::string_view field) {
  if (ClassId c = s.find_class(code); c.valid()) return c;
  return unknown("taxonomy code", code, field, s.taxonomy,
                 [](const TaxonomyRecord& r) -> std::string_view { return r.code; });
}

Result<EnterpriseId> resolve_sponsor(const Snapshot& s, std::string_view id, std::string_view field) {
  if (EnterpriseId e = s.find_enterprise(id); e.valid()) return e;
  return unknown("enterprise", id, field, s.projects,
                 [](const ProjectRecord& r) -> std::string_view { return r.sponsor; });
}

Result<std::uint32_t> resolve_term(const Snapshot& s, VocabularyKind kind, std::string_view word,
                                   std::string_view field) {
  if (auto code = s.find_term(kind, word)) return *code;
  Suggester suggester(word);
  std::string known;
  for (const TermRecord& t : s.vocabulary(kind)) {
    suggester.consider(t.id);
    known += known.empty() ? "" : ", ";
    known += t.id;
  }
  return fail(ErrorCode::kInvalidValue,
              fmt::format("\"{}\" is not a {} of plan {} ({}){}", word, to_string(kind), s.plan.id,
                          known.empty() ? std::string("it has none") : known, suggester.hint()),
              std::string(field));
}

const char* to_string(ProjectStatus status) {
  switch (status) {
    case ProjectStatus::kPlanned:
      return "planned";
    case ProjectStatus::kSigned:
      return "signed";
    case ProjectStatus::kStarted:
      return "started";
    case ProjectStatus::kCommissioned:
      return "commissioned";
    case ProjectStatus::kFullProduction:
      return "full-production";
  }
  return "planned";
}

Result<ProjectStatus> resolve_project_status(std::string_view word, std::string_view field) {
  static constexpr std::array kAll = {ProjectStatus::kPlanned, ProjectStatus::kSigned,
                                      ProjectStatus::kStarted, ProjectStatus::kCommissioned,
                                      ProjectStatus::kFullProduction};
  return resolve_word("project status", word, field, kAll);
}

Result<int> parse_year(std::string_view text, std::string_view field) {
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || year < 1900 || year > 2200) {
    return fail(ErrorCode::kInvalidValue, fmt::format("\"{}\" is not a year (1900–2200)", text),
                std::string(field));
  }
  return year;
}

int default_year(DayNumber as_of) {
  return date_of(as_of).year - 1;
}

}  // namespace atlas::app
