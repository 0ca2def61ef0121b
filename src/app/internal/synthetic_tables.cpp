#include "app/internal/synthetic_tables.hpp"

#include <array>
#include <cmath>
#include <utility>

#include "app/internal/synthetic_writer.hpp"
#include "model/units.hpp"

namespace atlas::app::internal {
namespace {

namespace fs = std::filesystem;

// Share of a year's output made in each month: the Spring Festival dip in January–February, the
// year-end rush in December (typical of China's monthly industrial output).
constexpr std::array<double, 12> kSeason = {0.065, 0.055, 0.085, 0.082, 0.083, 0.088,
                                            0.080, 0.082, 0.088, 0.084, 0.092, 0.116};
constexpr double kMonthNoise = 0.08;
constexpr std::int64_t kAboveSizeThreshold = 2000 * kWan;  // 规上: 2,000万元 main-business revenue

// A year's year-to-date output as bureaus publish it: 1–2月, 1–3月 … 1–12月 (11 rows).
void write_year(BufferedWriter& out, std::string_view id, std::string_view provenance, int year,
                std::int64_t annual, Rng& rng) {
  std::array<double, 12> cumulative{};
  double total = 0;
  for (std::size_t m = 0; m < 12; ++m) {
    total += kSeason[m] * std::exp(kMonthNoise * rng.normal());
    cumulative[m] = total;
  }
  const double thousands = static_cast<double>(annual / 1000);
  for (int m = 2; m <= 12; ++m) {
    const std::int64_t value =
        m == 12 ? annual
                : std::llround(thousands * cumulative[static_cast<std::size_t>(m - 1)] / total) * 1000;
    out.print("{},output_value,{}-01~{:02},{},{}", id, year, m, value, provenance);
    out.end_row();
  }
}

template <class Item, class Name>
void write_list(BufferedWriter& out, const Item* begin, const Item* end, Name name) {
  for (const Item* it = begin; it != end; ++it) {
    if (it != begin) out.write(";");
    out.write(name(*it));
  }
}

void write_enterprise_row(const World& w, const EnterpriseProfile& p, BufferedWriter& out) {
  const auto names = enterprise_names(w, p.index);
  const auto last = static_cast<std::size_t>(w.years() - 1);
  out.print("{},{},", enterprise_id(p.index), enterprise_credit_code(w, p));
  out.csv_field(names.zh);
  out.write(",");
  out.csv_field(names.en);
  out.print(",{},{},{},{},{},", w.counties[p.county].id,
            p.zone >= 0 ? std::string_view(w.zones[static_cast<std::size_t>(p.zone)].id) : std::string_view(),
            kSyntheticSegments[p.segment].id, p.output[last] >= kAboveSizeThreshold, p.high_tech);
  write_list(out, p.classes.data(), p.classes.data() + p.class_count,
             [&](std::uint32_t c) -> std::string_view { return w.taxonomy[c].code; });
  out.write(",");
  const char* sep = "";
  for (std::size_t i = 0; i < processes().size(); ++i) {
    if ((p.processes >> i) & 1u) out.print("{}{}", std::exchange(sep, ";"), processes()[i]);
  }
  out.write(",");
  sep = "";
  for (std::size_t i = 0; i < certifications().size(); ++i) {
    if ((p.certifications >> i) & 1u) out.print("{}{}", std::exchange(sep, ";"), certifications()[i]);
  }
  out.write(",");
  write_list(out, p.customers.data(), p.customers.data() + p.customer_count,
             [](std::uint8_t c) -> std::string_view { return oems()[c].slug; });
  out.print(",{},{},{}", p.employees[last],
            p.group >= 0 ? enterprise_id(static_cast<std::uint64_t>(p.group)) : "", w.provenance);
  out.end_row();
}

Result<void> close_all(std::initializer_list<BufferedWriter*> writers) {
  for (auto* w : writers) {
    if (auto r = w->close(); !r) return r;
  }
  return {};
}

}  // namespace

Result<void> write_reference_tables(const World& w, const fs::path& dir, SyntheticSummary& summary) {
  BufferedWriter counties(dir / "counties.csv");
  counties.write("id,adcode,name_zh,name_en,provenance\n");
  for (const auto& c : w.counties) {
    counties.print("{},{},{},{},{}", c.id, c.adcode, c.name.zh, c.name.en, c.provenance);
    counties.end_row();
  }
  BufferedWriter taxonomy(dir / "taxonomy.csv");
  taxonomy.write("code,level,parent,name_zh,name_en,class_count,hs,provenance\n");
  for (const auto& t : w.taxonomy) {
    taxonomy.print("{},{},{},", t.code, to_string(t.level), t.parent);
    taxonomy.csv_field(t.name.zh);
    taxonomy.write(",");
    taxonomy.csv_field(t.name.en);
    taxonomy.print(",{},{},{}", t.class_count ? fmt::to_string(*t.class_count) : "",
                   t.hs.empty() ? std::string() : t.hs.front(), t.provenance);
    taxonomy.end_row();
  }
  BufferedWriter metrics(dir / "metrics.csv");
  metrics.write("id,name_zh,name_en,unit,provenance\n");
  metrics.print("output_value,工业总产值,Gross industrial output value,yuan,{}\n", w.provenance);
  metrics.print("employees,从业人员,Employees,count,{}\n", w.provenance);
  summary.counties = w.counties.size();
  summary.taxonomy = w.taxonomy.size();
  summary.metrics = 2;
  return close_all({&counties, &taxonomy, &metrics});
}

void Totals::note(const World& w, const EnterpriseProfile& p) {
  const std::int64_t v = p.output[0];
  if (p.zone == w.core_zone) {
    core_first_year_output += v;
    core_over_10yi += v >= 10 * kYi ? 1 : 0;
    core_1yi_to_10yi += v >= kYi && v < 10 * kYi ? 1 : 0;
  }
  segment_output[static_cast<std::size_t>(p.segment)] += v;
  over_20yi += v > 20 * kYi ? 1 : 0;
  over_10yi += v > 10 * kYi ? 1 : 0;
  over_1yi += v > kYi ? 1 : 0;
  if (county_output.size() < w.counties.size()) {
    county_output.resize(w.counties.size());
    county_over_1yi.resize(w.counties.size());
  }
  county_output[p.county] += v;
  county_over_1yi[p.county] += v > kYi ? 1 : 0;
}

Result<Totals> write_enterprises(const World& w, const fs::path& dir, SyntheticSummary& summary) {
  BufferedWriter enterprises(dir / "enterprises.csv");
  enterprises.write(
      "id,credit_code,name_zh,name_en,county,zone,segment,above_size,high_tech,classes,processes,"
      "certifications,customers,employees,group,provenance\n");
  BufferedWriter observations(dir / "observations.csv");
  observations.write("enterprise,metric,period,value,provenance\n");
  Totals totals;
  for (std::uint64_t i = 0; i < w.options.enterprises; ++i) {
    const auto p = enterprise_profile(w, i);
    write_enterprise_row(w, p, enterprises);
    const std::string id = enterprise_id(i);
    Rng rng(mix_seed(w.options.seed, static_cast<std::uint64_t>(Stream::kMonthly), i));
    for (int y = 0; y < w.years(); ++y) {
      const auto k = static_cast<std::size_t>(y);
      write_year(observations, id, w.provenance, w.options.first_year + y, p.output[k], rng);
      observations.print("{},employees,{},{},{}", id, w.options.first_year + y, p.employees[k], w.provenance);
      observations.end_row();
    }
    totals.first_year_output += p.output[0];
    totals.first_year_employees += p.employees[0];
    totals.high_tech += p.high_tech ? 1 : 0;
    totals.note(w, p);
  }
  summary.enterprises = enterprises.rows();
  summary.observations = observations.rows();
  if (auto r = close_all({&enterprises, &observations}); !r) return std::unexpected(r.error());
  return totals;
}

Result<void> write_facts(const World& w, const Totals& t, const fs::path& dir, SyntheticSummary& summary) {
  BufferedWriter facts(dir / "facts.csv");
  facts.write("id,subject,metric,period,value,qualifier,quote,provenance\n");
  const int year = w.options.first_year;
  facts.print("cluster-output-{0},cluster,output_value,{0},{1},exact,,{2}", year,
              format_amount(t.first_year_output), w.provenance);
  facts.end_row();
  facts.print("cluster-employees-{0},cluster,employees,{0},{1},exact,,{2}", year, t.first_year_employees,
              w.provenance);
  facts.end_row();
  facts.print("cluster-high-tech,cluster,high_tech_enterprises,{},{},exact,,{}", w.options.last_year,
              t.high_tech, w.provenance);
  facts.end_row();
  facts.print("lead-park-output-{0},lead-park,output_value,{0},{1},about,,{2}", year,
              format_amount(t.core_first_year_output), w.provenance);
  facts.end_row();
  summary.facts = facts.rows();
  return facts.close();
}

}  // namespace atlas::app::internal
