// Enterprise profiles and the fixed vocabularies (OEMs, processes, certifications, chains).
#include <algorithm>
#include <cmath>
#include <span>
#include <utility>

#include <fmt/format.h>

#include "app/internal/synthetic_world.hpp"
#include "model/credit_code.hpp"
#include "model/units.hpp"

namespace atlas::app::internal {
namespace {

constexpr std::array<double, 4> kSegmentShares = {0.38, 0.12, 0.20, 0.30};  // SyntheticSegment order
constexpr std::array<double, 4> kSegmentScale = {1.2, 0.9, 1.0, 0.7};
constexpr std::array<double, 4> kSegmentTrend = {0.01, -0.01, 0.15, 0.0};
constexpr std::array<double, 4> kClassCountWeights = {0.45, 0.30, 0.15, 0.10};
constexpr double kMedianOutput = 200.0 * kWan;  // lognormal body of the first year's output
constexpr double kOutputSigma = 1.6;
constexpr double kTailShare = 0.0005;  // share drawn from the Pareto tail
constexpr double kTailScale = 5.0 * kYi;
constexpr double kTailShape = 1.3;
constexpr double kLargestOutput = 2000.0 * kYi;
constexpr double kMedianProductivity = 80.0 * kWan;  // output per employee and year
constexpr std::int64_t kRounding = 1000;             // bureaus report in 千元

constexpr std::array<const char*, 30> kSyllables = {
    "华", "达", "鑫", "盛", "宏", "瑞", "恒", "源", "精", "信", "泰", "远", "隆", "通", "兴",
    "丰", "嘉", "顺", "宝", "德", "安", "永", "光", "明", "新", "金", "利", "凯", "铭", "昌"};
constexpr std::array<const char*, 6> kSuffixes = {"汽车零部件有限公司", "精密机械有限公司",
                                                  "科技股份有限公司",   "实业有限公司",
                                                  "汽配制造有限公司",   "机电有限公司"};

std::size_t pick(Rng& rng, std::span<const double> weights) {
  double u = rng.uniform();
  for (std::size_t i = 0; i + 1 < weights.size(); ++i) {
    if ((u -= weights[i]) < 0) return i;
  }
  return weights.size() - 1;
}

std::int64_t round_figure(double yuan) {
  return std::max<std::int64_t>(kRounding, std::llround(yuan / kRounding) * kRounding);
}

void place(const World& w, EnterpriseProfile& p, Rng& rng) {
  const double n = static_cast<double>(w.options.enterprises);
  const double functional = std::min(0.35, 3000.0 / n);  // the belts are local, not national
  const double htz = std::min(0.03, 500.0 / n);
  const double u = rng.uniform();
  if (p.index < w.core_count) {
    p.zone = w.core_zone;
  } else if (p.segment == kCommercialSegment && u < functional) {
    p.zone = w.commercial_zone;
  } else if (p.segment == kElectricSegment && u < functional) {
    p.zone = w.electric_zone;
  } else if (u > 0.85) {
    p.zone = w.first_base_zone + static_cast<int>(rng.below(w.zones.size() - w.first_base_zone));
  } else if (u > 0.85 - htz) {
    p.zone = w.htz_zone;
  }
  if (p.zone >= 0) {
    const auto& counties = w.zone_counties[static_cast<std::size_t>(p.zone)];
    p.county = counties[rng.below(counties.size())];
  } else {
    p.county = w.county_rank[w.county_pick.sample(rng)];
  }
}

double first_year_output(const World& w, const EnterpriseProfile& p, Rng& rng) {
  if (p.index < 2 && p.index < w.core_count) return rng.uniform(9.0 * kYi, 16.0 * kYi);
  if (p.index < 12 && p.index < w.core_count) return rng.uniform(0.8 * kYi, 6.0 * kYi);
  if (rng.chance(kTailShare)) return std::min(rng.pareto(kTailScale, kTailShape), kLargestOutput);
  return rng.lognormal(std::log(kMedianOutput), kOutputSigma) *
         kSegmentScale[static_cast<std::size_t>(p.segment)];
}

void grow(const World& w, EnterpriseProfile& p, Rng& rng) {
  double output = first_year_output(w, p, rng);
  const double trend = rng.normal(0.06, 0.06) + kSegmentTrend[static_cast<std::size_t>(p.segment)];
  const double productivity = rng.lognormal(std::log(kMedianProductivity), 0.35);
  for (int y = 0; y < w.years(); ++y) {
    if (y > 0) output *= std::exp(std::clamp(trend + rng.normal(0.0, 0.10), -0.7, 1.2));
    p.output[static_cast<std::size_t>(y)] = round_figure(output);
    p.employees[static_cast<std::size_t>(y)] = std::max<std::int64_t>(5, std::llround(output / productivity));
  }
}

void choose_classes(const World& w, EnterpriseProfile& p, Rng& rng) {
  const auto count = 1 + pick(rng, kClassCountWeights);
  const auto& order = w.class_order[static_cast<std::size_t>(p.segment)];
  for (int tries = 0; p.class_count < count && tries < 16; ++tries) {
    const std::uint32_t cls = order[w.class_pick.sample(rng)];
    const std::uint32_t* end = p.classes.data() + p.class_count;
    if (std::find(std::as_const(p.classes).data(), end, cls) == end) p.classes[p.class_count++] = cls;
  }
}

// Indices into oems() that buy from each segment.
const std::array<std::vector<std::uint8_t>, 4> kSegmentCustomers = {{
    {0, 1, 2, 3, 5, 6, 7, 8, 9},  // body
    {10, 11, 2, 4},               // commercial
    {1, 12, 13, 14, 15, 0},       // electric
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
}};

void choose_customers(EnterpriseProfile& p, Rng& rng) {
  const auto& pool = kSegmentCustomers[static_cast<std::size_t>(p.segment)];
  const auto count = rng.below(kMaxCustomers + 1);
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint8_t oem = pool[rng.below(pool.size())];
    const std::uint8_t* end = p.customers.data() + p.customer_count;
    if (std::find(std::as_const(p.customers).data(), end, oem) == end) p.customers[p.customer_count++] = oem;
  }
}

void choose_traits(EnterpriseProfile& p, Rng& rng) {
  p.high_tech = rng.chance(p.output[0] > kYi ? 0.37 : 0.12);
  const auto process_count = 1 + rng.below(3);
  for (std::size_t k = 0; k < process_count; ++k)
    p.processes |= std::uint16_t(1u << rng.below(processes().size()));
  constexpr std::array<double, 4> kCertShares = {0.55, 0.8, 0.35, 0.2};
  for (std::size_t k = 0; k < kCertShares.size(); ++k) {
    if (rng.chance(kCertShares[k])) p.certifications |= std::uint8_t(1u << k);
  }
  choose_customers(p, rng);
  // Groups: about 3 % of enterprises belong to a group headed by an enterprise whose index is a
  // multiple of 97 (heads belong to no group themselves).
  constexpr std::uint64_t kHeadEvery = 97;
  if (p.index >= kHeadEvery && p.index % kHeadEvery != 0 && rng.chance(0.03)) {
    p.group = static_cast<std::int64_t>(rng.below(p.index / kHeadEvery + 1) * kHeadEvery);
  }
}

}  // namespace

EnterpriseProfile enterprise_profile(const World& w, std::uint64_t index) {
  Rng rng(mix_seed(w.options.seed, static_cast<std::uint64_t>(Stream::kEnterprise), index));
  EnterpriseProfile p;
  p.index = index;
  p.segment = index < w.core_count ? std::uint8_t{kBodySegment}
                                   : static_cast<std::uint8_t>(pick(rng, kSegmentShares));
  place(w, p, rng);
  grow(w, p, rng);
  choose_classes(w, p, rng);
  choose_traits(p, rng);
  return p;
}

std::string enterprise_id(std::uint64_t index) {
  return fmt::format("e{:07}", index + 1);
}

std::string enterprise_credit_code(const World& w, const EnterpriseProfile& p) {
  // 9 (registered by the market regulator) 1 (enterprise), the county's division code, then a
  // 9-character organisation code (GB 11714: 8 digits + check) unique per index, then the check.
  constexpr std::uint64_t kBodies = 100'000'000;
  const std::uint64_t body = (p.index * 48271 + w.options.seed % kBodies) % kBodies;
  std::string code = fmt::format("91{}{:08}", w.counties[p.county].adcode, body);
  constexpr std::array<int, 8> kOrgWeights = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < kOrgWeights.size(); ++i)
    sum += (code[8 + i] - '0') * kOrgWeights[i];
  const int check = 11 - sum % 11;
  code.push_back(check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check));
  code.push_back(credit_code_check_char(code));
  return code;
}

Names enterprise_names(const World& w, std::uint64_t index) {
  Rng rng(mix_seed(w.options.seed, static_cast<std::uint64_t>(Stream::kName), index));
  const char* a = kSyllables[rng.below(kSyllables.size())];
  const char* b = kSyllables[rng.below(kSyllables.size())];
  const char* suffix = kSuffixes[rng.below(kSuffixes.size())];
  return {fmt::format("{}{}{}", a, b, suffix), fmt::format("Sample Auto Parts {:07}", index + 1)};
}

const std::vector<Oem>& oems() {
  static const std::vector<Oem> kOems = {
      {"gac", "广汽"},
      {"byd", "比亚迪"},
      {"faw", "一汽"},
      {"saic", "上汽"},
      {"dongfeng", "东风"},
      {"changan", "长安"},
      {"geely", "吉利"},
      {"great-wall", "长城"},
      {"chery", "奇瑞"},
      {"baic", "北汽"},
      {"sinotruk", "中国重汽"},
      {"cimc", "中集车辆"},
      {"tesla-shanghai", "特斯拉上海"},
      {"nio", "蔚来"},
      {"li-auto", "理想"},
      {"xpeng", "小鹏"},
  };
  return kOems;
}

const std::vector<const char*>& processes() {
  static const std::vector<const char*> kProcesses = {
      "casting",  "forging",        "machining",  "stamping", "assembly", "welding", "injection-moulding",
      "painting", "heat-treatment", "electronics"};
  return kProcesses;
}

const std::vector<const char*>& certifications() {
  static const std::vector<const char*> kCertifications = {"IATF16949", "ISO9001", "ISO14001", "ISO45001"};
  return kCertifications;
}

const std::vector<ChainTemplate>& chains() {
  static const std::vector<ChainTemplate> kChains = {
      {"commercial",
       "商用车零部件产业链",
       "Commercial-vehicle parts chain",
       {{"materials", "上游材料", "Materials", "materials-equipment", 3},
        {"castings", "铸锻件", "Castings and forgings", "metal-forming", 4},
        {"brakes", "制动", "Brakes", "brake", 4},
        {"suspension", "悬架", "Suspension", "suspension", 3},
        {"axle", "车轴", "Axles", "running-gear", 4}},
       {{"materials", "castings"},
        {"castings", "axle"},
        {"castings", "brakes"},
        {"brakes", "axle"},
        {"suspension", "axle"}}},
      {"electric",
       "电驱动产业链",
       "Electric-drive chain",
       {{"materials", "上游材料", "Materials", "materials-equipment", 3},
        {"battery", "动力电池", "Power battery", "power-battery", 6},
        {"motor", "电机", "Electric motor", "e-motor", 5},
        {"control", "电控", "Control", "nev-control", 5}},
       {{"materials", "battery"}, {"battery", "control"}, {"motor", "control"}}},
      {"body",
       "车身零部件产业链",
       "Body parts chain",
       {{"plastics", "塑胶件", "Moulded plastics", "plastic-moulding", 3},
        {"stampings", "冲压件", "Stampings", "metal-forming", 3},
        {"panels", "车身面板", "Body panels", "body-panel", 4},
        {"trim", "内外饰", "Trim", "trim", 4},
        {"seats", "座椅", "Seats", "seat", 3},
        {"glazing", "汽车玻璃", "Glazing", "glazing", 3},
        {"electronics", "智能控制", "Smart control", "smart-control", 4}},
       {{"plastics", "trim"}, {"stampings", "panels"}, {"trim", "seats"}}},
  };
  return kChains;
}

}  // namespace atlas::app::internal
