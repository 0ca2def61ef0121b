#include "app/internal/synthetic_world.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace atlas::app::internal {
namespace {

struct SubsystemDef {
  const char* code;
  const char* zh;
  const char* en;
  const char* hs;  // HS 2022 subheading closest to the subsystem's products, or ""
};

struct CategoryDef {
  const char* code;
  const char* zh;
  const char* en;
  int classes;  // the plan's count of product classes (§1, 《中国汽车工业产品规范化目录》)
  std::vector<SubsystemDef> subsystems;
};

// The six categories and their subsystems as the plan names them (§1); 910 classes in all.
const std::vector<CategoryDef>& categories() {
  static const std::vector<CategoryDef> kCategories = {
      {"powertrain",
       "动力系统",
       "Powertrain",
       196,
       {{"engine-block", "机体组", "Engine block", "840991"},
        {"lubrication", "润滑", "Lubrication", ""},
        {"intake-exhaust", "供排气", "Intake and exhaust", "870892"},
        {"drive-unit", "驱动装置", "Drive unit", ""},
        {"cooling", "冷却", "Cooling", "870891"},
        {"ignition", "点火", "Ignition", "851110"},
        {"clutch", "离合器", "Clutch", "870893"},
        {"transmission", "变速器", "Transmission", "870840"}}},
      {"chassis",
       "底盘系统",
       "Chassis",
       146,
       {{"fuel-supply", "燃油供给", "Fuel supply", ""},
        {"brake", "制动", "Brakes", "870830"},
        {"steering", "转向", "Steering", "870894"},
        {"suspension", "悬架", "Suspension", "870880"},
        {"driveline", "传动", "Driveline", "870850"},
        {"running-gear", "行走", "Running gear", "870870"}}},
      {"body",
       "车身系统",
       "Body",
       280,
       {{"body-panel", "车身面板", "Body panels", "870829"},
        {"bumper", "保险杠及防护装置", "Bumpers and guards", "870810"},
        {"door", "车门及开闭件", "Doors and closures", ""},
        {"cabin", "舱体", "Cabin", "870790"},
        {"trim", "内外饰", "Interior and exterior trim", ""},
        {"dashboard", "仪表板总成", "Dashboard", ""},
        {"mirror", "后视镜", "Mirrors", ""},
        {"seat", "座椅", "Seats", "940120"},
        {"glazing", "玻璃窗及清洗装置", "Glazing and washers", "700721"},
        {"air-conditioning", "空调子系统", "Air conditioning", ""},
        {"lighting", "照明子系统", "Lighting", "851220"},
        {"restraint", "安全带及安全气囊子系统", "Seat belts and airbags", "870895"}}},
      {"electrical",
       "电子电气系统",
       "Electrical and electronics",
       141,
       {{"infotainment", "娱乐设备", "Infotainment", "852721"},
        {"smart-control", "智能控制系统", "Smart control systems", ""},
        {"sensor", "传感器", "Sensors", ""},
        {"electrical-device", "电器件", "Electrical devices", "854430"}}},
      {"general-parts",
       "通用件",
       "General parts",
       91,
       {{"onboard-general", "随车通用件", "On-board general parts", ""},
        {"standard-parts", "标准件", "Standard parts", ""},
        {"tubing", "管件", "Tubing", ""},
        {"bushing-seal", "衬套及密封件", "Bushings and seals", ""},
        {"metal-forming", "金属成型部件", "Metal-formed parts", ""},
        {"plastic-moulding", "塑胶成型部件", "Moulded plastic parts", ""},
        {"surface-treatment", "表面处理组件", "Surface treatment", ""},
        {"materials-equipment", "上游材料与设备", "Upstream materials and equipment", ""}}},
      {"nev-parts",
       "新能源汽车专用部件",
       "NEV-specific parts",
       56,
       {{"power-battery", "动力电池子系统", "Power battery", "850760"},
        {"e-motor", "电机子系统", "Electric motor", "850152"},
        {"nev-control", "专有控制及执行系统", "NEV control and actuation", ""}}},
  };
  return kCategories;
}

// Category indices each segment mostly makes products of, most typical first.
const std::array<std::vector<std::size_t>, 4> kPreferredCategories = {{
    {2, 3, 1, 0},  // body: body, electrical, chassis, powertrain
    {1, 4, 2},     // commercial: chassis, general parts, body
    {5, 3},        // electric: NEV parts, electrical
    {4, 0, 1},     // common: general parts, powertrain, chassis
}};

constexpr std::array<int, 31> kProvinces = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
                                            42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};
constexpr std::uint64_t kNationalCounties = 2850;
constexpr std::uint64_t kEnterprisesPerCounty = 350;

std::vector<CountyRecord> make_counties(std::uint64_t enterprises, const std::string& provenance) {
  const std::uint64_t n =
      std::min(kNationalCounties, std::max<std::uint64_t>(8, enterprises / kEnterprisesPerCounty));
  std::vector<CountyRecord> out;
  out.reserve(n);
  for (std::uint64_t k = 0; k < n; ++k) {
    CountyRecord c;
    c.id = fmt::format("c{:04}", k + 1);
    c.provenance = provenance;
    // Invented counties only: city codes 51+ are unused by real divisions, so no adcode is a real
    // county's (and no plan's map draws them).
    const std::uint64_t r = k / kProvinces.size();
    c.adcode = fmt::format("{:02}{:02}{:02}", kProvinces[k % kProvinces.size()], 51 + r / 20, r % 20 + 1);
    c.name = {fmt::format("合成县{:04}", k + 1), fmt::format("Synthetic county {:04}", k + 1)};
    out.push_back(std::move(c));
  }
  return out;
}

void add_taxonomy(World& w) {
  for (const auto& cat : categories()) {
    w.taxonomy.push_back(
        {cat.code, TaxonomyLevel::kCategory, "", {cat.zh, cat.en}, cat.classes, {}, w.provenance});
    const int k = static_cast<int>(cat.subsystems.size());
    for (int j = 0; j < k; ++j) {
      const auto& sub = cat.subsystems[static_cast<std::size_t>(j)];
      w.taxonomy.push_back(
          {sub.code, TaxonomyLevel::kSubsystem, cat.code, {sub.zh, sub.en}, {}, {}, w.provenance});
    }
    for (int j = 0; j < k; ++j) {
      const auto& sub = cat.subsystems[static_cast<std::size_t>(j)];
      const int count = cat.classes / k + (j < cat.classes % k ? 1 : 0);
      for (int c = 1; c <= count; ++c) {
        TaxonomyRecord t{class_code(sub.code, c),
                         TaxonomyLevel::kClass,
                         sub.code,
                         {fmt::format("{}产品{:02}", sub.zh, c), fmt::format("{} product {:02}", sub.en, c)},
                         {},
                         {},
                         w.provenance};
        if (*sub.hs != '\0') t.hs.emplace_back(sub.hs);
        w.taxonomy.push_back(std::move(t));
      }
    }
  }
}

void order_classes(World& w, Rng& rng) {
  // add_taxonomy wrote each category before its subsystems and classes.
  std::vector<std::vector<std::uint32_t>> by_category;
  for (std::uint32_t i = 0; i < w.taxonomy.size(); ++i) {
    if (w.taxonomy[i].level == TaxonomyLevel::kCategory) by_category.emplace_back();
    if (w.taxonomy[i].level == TaxonomyLevel::kClass) by_category.back().push_back(i);
  }
  for (std::size_t s = 0; s < 4; ++s) {
    auto& order = w.class_order[s];
    std::vector<bool> used(by_category.size());
    auto append = [&](std::size_t c) {
      auto group = by_category[c];
      shuffle(group, rng);
      order.insert(order.end(), group.begin(), group.end());
      used[c] = true;
    };
    for (std::size_t c : kPreferredCategories[s])
      append(c);
    for (std::size_t c = 0; c < by_category.size(); ++c) {
      if (!used[c]) append(c);
    }
  }
  w.class_pick = DiscreteTable::zipf(w.class_order[0].size(), 1.05);
}

ZoneRecord zone(const World& w, std::string id, std::string zh, std::string en, SyntheticZoneKind kind,
                const std::vector<std::uint32_t>& counties, std::string parent) {
  ZoneRecord z{
      std::move(id), {std::move(zh), std::move(en)}, kSyntheticZoneKinds[kind].id, {}, std::move(parent),
      w.provenance};
  for (std::uint32_t c : counties)
    z.counties.push_back(w.counties[c].id);
  return z;
}

void add_zones(World& w) {
  const auto add = [&](ZoneRecord z, std::vector<std::uint32_t> counties) {
    w.zones.push_back(std::move(z));
    w.zone_counties.push_back(std::move(counties));
    return static_cast<int>(w.zones.size() - 1);
  };
  w.htz_zone = add(zone(w, "htz", "合成高新区", "Synthetic high-tech zone", kIndustrialBase, {0}, ""), {0});
  w.core_zone = add(
      zone(w, "lead-park", "合成龙头零部件产业园", "Synthetic lead parts park", kLeadPark, {0}, "htz"), {0});
  w.commercial_zone = add(zone(w, "commercial-corridor", "合成商用车零部件产业走廊",
                               "Synthetic commercial-vehicle parts corridor", kCorridor, {1, 0, 5}, ""),
                          {1, 0, 5});
  w.electric_zone = add(zone(w, "electric-corridor", "合成电驱动零部件产业走廊",
                             "Synthetic electric-drive parts corridor", kCorridor, {1, 7, 4, 3}, ""),
                        {1, 7, 4, 3});
  w.first_base_zone = static_cast<int>(w.zones.size());
  const std::size_t bases = std::clamp<std::size_t>(w.counties.size() / 15, 2, 200);
  for (std::size_t b = 0; b < bases; ++b) {
    const std::uint32_t county = w.county_rank[b];
    add(zone(w, fmt::format("base-{:03}", b + 1), fmt::format("合成产业基地{:03}", b + 1),
             fmt::format("Synthetic industrial base {:03}", b + 1), kIndustrialBase, {county}, ""),
        {county});
  }
}

}  // namespace

std::string class_code(std::string_view subsystem, int number) {
  return fmt::format("{}-{:02}", subsystem, number);
}

World make_world(const SyntheticOptions& options) {
  World w;
  w.options = options;
  w.provenance = fmt::format("sample: atlas gen seed {}", options.seed);
  Rng rng(mix_seed(options.seed, static_cast<std::uint64_t>(Stream::kWorld), 0));
  w.counties = make_counties(options.enterprises, w.provenance);
  w.county_rank.resize(w.counties.size());
  for (std::uint32_t i = 0; i < w.county_rank.size(); ++i)
    w.county_rank[i] = i;
  shuffle(w.county_rank, rng);
  w.county_pick = DiscreteTable::zipf(w.counties.size(), 0.7);
  add_taxonomy(w);
  order_classes(w, rng);
  add_zones(w);
  w.core_count = std::min<std::uint64_t>(std::max<std::uint64_t>(12, options.enterprises / 2000),
                                         options.enterprises / 4);
  return w;
}

}  // namespace atlas::app::internal
