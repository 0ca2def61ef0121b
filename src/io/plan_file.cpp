#include "io/plan_file.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "io/internal/assemble.hpp"
#include "io/internal/plan_reader.hpp"
#include "model/units.hpp"

namespace atlas::io {
namespace {

/// A TOML basic string: quotes, backslashes and control characters escaped, UTF-8 kept.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string names(const Names& n) {
  if (n.en.empty()) return fmt::format("{{ zh = {} }}", toml_string(n.zh));
  return fmt::format("{{ zh = {}, en = {} }}", toml_string(n.zh), toml_string(n.en));
}

std::string strings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) {
    if (out.size() > 1) out += ", ";
    out += toml_string(item);
  }
  return out + "]";
}

/// Key-value lines of one table.
class Emitter {
 public:
  explicit Emitter(std::string& out) : out_(out) {}

  void header(std::string_view name, bool array) {
    if (!out_.empty()) out_ += '\n';
    out_ += array ? fmt::format("[[{}]]\n", name) : fmt::format("[{}]\n", name);
  }
  void raw(std::string_view key, std::string_view value) { out_ += fmt::format("{} = {}\n", key, value); }
  void text(std::string_view key, std::string_view value) { raw(key, toml_string(value)); }
  void optional_text(std::string_view key, std::string_view value) {
    if (!value.empty()) text(key, value);
  }
  void optional_slugs(std::string_view key, const std::vector<std::string>& values) {
    if (!values.empty()) raw(key, strings(values));
  }
  void optional_year(std::string_view key, int year) {
    if (year != 0) raw(key, std::to_string(year));
  }
  void optional_amount(std::string_view key, const std::optional<std::int64_t>& value) {
    if (value) text(key, format_amount(*value));
  }

 private:
  std::string& out_;
};

// 500000 → "0.5": the shortest decimal of a number held in millionths.
std::string millionths_text(std::int64_t value) {
  std::string out = fmt::format("{}.{:06}", value / 1'000'000, value % 1'000'000);
  while (out.back() == '0')
    out.pop_back();
  if (out.back() == '.') out += '0';
  return out;
}

void write_chain_rules(const ChainRules& r, Emitter& e) {
  e.header("plan.chain_rules", false);
  e.text("makers", r.basis == MakerBasis::kAboveSize ? "above-size" : "all");
  e.raw("min_makers", std::to_string(r.min_makers));
  e.optional_amount("anchor_output", r.anchor_output);
  e.optional_slugs("anchors", r.anchors);
  e.raw("min_local_supply", millionths_text(r.min_local_supply));
  e.raw("min_location_quotient", millionths_text(r.min_location_quotient));
  e.optional_text("reference", r.reference);
  e.text("provenance", r.provenance);
}

void write_plan_info(const PlanInfo& p, Emitter& e) {
  e.header("plan", false);
  e.text("id", p.id);
  e.raw("title", names(p.title));
  e.optional_text("document", p.document);
  if (p.issued) {
    const std::string date = p.issued->to_string();
    e.raw("issued", p.issued->precision == DatePrecision::kDay ? date : toml_string(date));
  }
  e.optional_year("start", p.start_year);
  e.optional_year("end", p.end_year);
  e.optional_slugs("scope", p.scope);
  if (p.output_metric != kOutputValueMetric) e.text("output_metric", p.output_metric);
  if (!p.map_source.empty() || !p.map_review_number.empty()) {
    e.raw("map", "{ source = " + toml_string(p.map_source) +
                     ", review_number = " + toml_string(p.map_review_number) + " }");
  }
  if (p.is_default) e.raw("default", "true");
  if (p.chain_rules != ChainRules{}) write_chain_rules(p.chain_rules, e);
  if (p.attraction != AttractionRules{}) {
    const AttractionRules& a = p.attraction;
    e.header("plan.attraction", false);
    e.optional_slugs("regions", a.regions);
    e.raw("weights", fmt::format("{{ gap = {}, ties = {}, scale = {}, region = {}, named = {} }}",
                                 millionths_text(a.weight_gap), millionths_text(a.weight_ties),
                                 millionths_text(a.weight_scale), millionths_text(a.weight_region),
                                 millionths_text(a.weight_named)));
    e.text("provenance", a.provenance);
  }
  if (p.forecast != ForecastRules{}) {
    const ForecastRules& f = p.forecast;
    e.header("plan.forecast", false);
    e.raw("shrinkage", millionths_text(f.shrinkage));
    e.raw("ramp_months", std::to_string(f.ramp_months));
    e.raw("cancellation", millionths_text(f.cancellation));
    e.raw("correlation", millionths_text(f.correlation));
    e.text("provenance", f.provenance);
  }
}

void write_term(const TermRecord& t, Emitter& e) {
  e.header(to_string(t.kind), true);
  e.text("id", t.id);
  e.raw("name", names(t.name));
  e.optional_text("provenance", t.provenance);
}

void write_unit(const UnitRecord& u, Emitter& e) {
  e.header("unit", true);
  e.text("id", u.id);
  e.text("measure", to_string(u.measure));
  e.raw("name", names(u.name));
  if (!u.scales.empty()) {
    std::string scales = "[";
    for (const UnitScale& s : u.scales) {
      if (scales.size() > 1) scales += ", ";
      scales += fmt::format("{{ factor = {}, name = {} }}", s.factor, names(s.name));
    }
    e.raw("scales", scales + "]");
  }
  e.optional_text("provenance", u.provenance);
}

void write_zone(const ZoneRecord& z, Emitter& e) {
  e.header("zone", true);
  e.text("id", z.id);
  e.raw("name", names(z.name));
  e.text("kind", z.kind);
  e.optional_slugs("counties", z.counties);
  e.optional_text("parent", z.parent);
  e.text("provenance", z.provenance);
}

void write_target(const TargetRecord& t, Emitter& e) {
  e.header("target", true);
  e.text("id", t.id);
  e.raw("title", names(t.title));
  e.text("indicator", t.indicator);
  e.text("goal", t.goal);
  e.optional_year("deadline", t.deadline);
  e.text("unit", t.unit_id.empty() ? std::string_view(to_string(t.unit)) : std::string_view(t.unit_id));
  e.optional_text("quote", t.quote);
  if (const auto& b = t.baseline) {
    std::string inline_table =
        fmt::format("{{ period = {}, value = {}", toml_string(b->period), toml_string(b->value));
    if (!b->quote.empty()) inline_table += ", quote = " + toml_string(b->quote);
    if (!b->provenance.empty()) inline_table += ", provenance = " + toml_string(b->provenance);
    e.raw("baseline", inline_table + " }");
  }
  e.text("provenance", t.provenance);
}

void write_project(const ProjectRecord& p, Emitter& e) {
  e.header("project", true);
  e.text("id", p.id);
  e.raw("name", names(p.name));
  e.text("type", p.type);
  e.optional_text("sponsor", p.sponsor);
  e.optional_text("zone", p.zone);
  e.optional_text("county", p.county);
  e.optional_amount("investment", p.investment);
  e.optional_amount("expected_output", p.expected_output);
  e.optional_slugs("products", p.products);
  e.optional_text("capacity", p.capacity);
  e.optional_text("quote", p.quote);
  e.text("provenance", p.provenance);
}

void write_chain(const ChainRecord& c, Emitter& e) {
  e.header("chain", true);
  e.text("id", c.id);
  e.raw("name", names(c.name));
  e.text("provenance", c.provenance);
  for (const ChainLinkRecord& link : c.links) {
    e.header("chain.link", true);
    e.text("id", link.id);
    e.raw("name", names(link.name));
    e.optional_slugs("classes", link.classes);
    e.optional_text("reference", link.reference);
  }
  for (const ChainEdgeRecord& edge : c.edges) {
    e.header("chain.edge", true);
    e.text("from", edge.from);
    e.text("to", edge.to);
  }
}

}  // namespace

bool has_plan(const Dataset& data) {
  return data.plan != PlanInfo{} || !data.zones.empty() || !data.targets.empty() || !data.projects.empty() ||
         !data.chains.empty() || !data.terms.empty() || !data.units.empty();
}

std::string write_plan(const Dataset& data) {
  std::string out;
  Emitter e(out);
  if (data.plan != PlanInfo{}) write_plan_info(data.plan, e);
  for (const TermRecord& t : data.terms)
    write_term(t, e);
  for (const UnitRecord& u : data.units)
    write_unit(u, e);
  for (const ZoneRecord& z : data.zones)
    write_zone(z, e);
  for (const TargetRecord& t : data.targets)
    write_target(t, e);
  for (const ProjectRecord& p : data.projects)
    write_project(p, e);
  for (const ChainRecord& c : data.chains)
    write_chain(c, e);
  return out;
}

ReadResult read_plan(std::string_view text, std::string file, ImportMode mode) {
  internal::Workspace ws;
  const std::uint32_t source = ws.add_source(std::move(file));
  internal::read_plan_toml(ws, source, text);
  ReadOptions options;
  options.mode = mode;
  return internal::finish(ws, options);
}

}  // namespace atlas::io
