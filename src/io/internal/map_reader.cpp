#include "io/internal/map_reader.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include <boost/json.hpp>
#include <fmt/format.h>

namespace atlas::io::internal {
namespace {

namespace json = boost::json;

// The 1-based line and column of byte `offset` of `text`.
Location location_at(std::string_view text, std::size_t offset, const std::string& file) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const auto line = static_cast<std::uint32_t>(std::ranges::count(before, '\n') + 1);
  const auto last_break = before.find_last_of('\n');
  const std::size_t column = last_break == std::string_view::npos ? offset + 1 : offset - last_break;
  return Location{file, line, static_cast<std::uint32_t>(column)};
}

struct Checker {
  std::size_t positions = 0;
  std::string problem;  // the first one found

  bool fail(std::string message) {
    problem = std::move(message);
    return false;
  }

  // A position: two or more finite numbers, longitude and latitude in degrees (WGS 84, RFC 7946).
  bool position(const json::value& v, const std::string& at) {
    const json::array* a = v.if_array();
    if (a == nullptr || a->size() < 2 ||
        !std::ranges::all_of(*a, [](const json::value& n) { return n.is_number(); }))
      return fail(fmt::format("{} is not a position [longitude, latitude]", at));
    const double longitude = (*a)[0].to_number<double>();
    const double latitude = (*a)[1].to_number<double>();
    const bool finite =
        std::ranges::all_of(*a, [](const json::value& n) { return std::isfinite(n.to_number<double>()); });
    if (!finite || !(std::abs(longitude) <= 180.0) || !(std::abs(latitude) <= 90.0)) {
      return fail(fmt::format("{} is not longitude and latitude in degrees (WGS 84): [{}, {}]", at,
                              json::serialize((*a)[0]), json::serialize((*a)[1])));
    }
    if (++positions > kMaxMapPositions)
      return fail(fmt::format("more than {} positions: simplify the boundaries", kMaxMapPositions));
    return true;
  }

  // An array of `depth` nested arrays ending in positions (1: a ring, 2: a polygon, 3: a multipolygon).
  bool nested(const json::value& v, int depth, const std::string& at) {
    const json::array* a = v.if_array();
    if (a == nullptr) return fail(fmt::format("{} is not an array", at));
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string inner = fmt::format("{}[{}]", at, i);
      if (!(depth == 1 ? position((*a)[i], inner) : nested((*a)[i], depth - 1, inner))) return false;
    }
    return true;
  }

  // The feature's adcode as digits, or empty (with the problem) when it has none.
  std::string adcode(const json::object& properties, const std::string& at) {
    const json::value* v = properties.if_contains("adcode");
    if (v == nullptr) {
      fail(fmt::format("{}.properties has no adcode (the county's 6-digit administrative code)", at));
      return {};
    }
    std::string digits;
    if (v->is_int64() && v->as_int64() > 0) digits = std::to_string(v->as_int64());
    if (v->is_uint64()) digits = std::to_string(v->as_uint64());
    if (const json::string* s = v->if_string()) digits = std::string(*s);
    if (digits.empty() || digits.size() > 12 ||
        !std::ranges::all_of(digits, [](char c) { return c >= '0' && c <= '9'; })) {
      fail(fmt::format("{}.properties.adcode is not an administrative code of digits", at));
      return {};
    }
    return digits;
  }
};

}  // namespace

void read_map_geojson(Workspace& ws, std::uint32_t source, std::string_view bytes) {
  ws.mark_read(TableKind::kMap);
  const std::string& file = ws.sources[source].file;
  const auto refuse = [&](std::string message, Location where, ErrorCode code = ErrorCode::kInvalidValue) {
    where.file = file;
    ws.report_file(TableKind::kMap, source, Error{code, std::move(message), std::move(where), "map"});
  };
  if (bytes.size() > kMaxMapBytes) {
    return refuse(
        fmt::format("the map is {} bytes, more than the {} MiB a boundary map may have: simplify it",
                    bytes.size(), kMaxMapBytes >> 20),
        {}, ErrorCode::kLimitExceeded);
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  json::parse_options options;
  options.max_depth = kMaxMapDepth;
  json::stream_parser parser({}, options);
  boost::system::error_code ec;
  const std::size_t used = parser.write_some(bytes.data(), bytes.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    const std::size_t at = ec == json::error::too_deep || used < bytes.size() ? used : bytes.size();
    return refuse(fmt::format("not JSON: {}", ec.message()), location_at(bytes, at, file));
  }
  const json::value doc = parser.release();
  const json::object* root = doc.if_object();
  const json::value* type = root == nullptr ? nullptr : root->if_contains("type");
  if (type == nullptr || !type->is_string() || type->as_string() != "FeatureCollection") {
    return refuse(
        "not a GeoJSON FeatureCollection: the file must be an object with \"type\": \"FeatureCollection\" "
        "and its \"features\" (the DataV GeoAtlas layout)",
        Location{{}, 1, 1});
  }
  const json::value* features = root->if_contains("features");
  if (features == nullptr || !features->is_array() || features->as_array().empty()) {
    return refuse("the FeatureCollection has no \"features\" array of counties", {});
  }
  const json::array& list = features->as_array();
  if (list.size() > kMaxMapFeatures) {
    return refuse(
        fmt::format("{} features, more than the {} a boundary map may have", list.size(), kMaxMapFeatures),
        {}, ErrorCode::kLimitExceeded);
  }
  Checker check;
  Workspace::Map map{source, {}, {}};
  for (std::size_t i = 0; i < list.size() && check.problem.empty(); ++i) {
    const std::string at = fmt::format("features[{}]", i);
    const json::object* feature = list[i].if_object();
    const json::value* properties = feature == nullptr ? nullptr : feature->if_contains("properties");
    const json::value* geometry = feature == nullptr ? nullptr : feature->if_contains("geometry");
    if (properties == nullptr || !properties->is_object()) {
      check.fail(fmt::format("{} is not a Feature with \"properties\"", at));
      break;
    }
    std::string code = check.adcode(properties->as_object(), at);
    if (code.empty()) break;
    const json::object* shape = geometry == nullptr ? nullptr : geometry->if_object();
    const json::value* kind = shape == nullptr ? nullptr : shape->if_contains("type");
    const json::value* coordinates = shape == nullptr ? nullptr : shape->if_contains("coordinates");
    const bool polygon = kind != nullptr && kind->is_string() && kind->as_string() == "Polygon";
    const bool multi = kind != nullptr && kind->is_string() && kind->as_string() == "MultiPolygon";
    if ((!polygon && !multi) || coordinates == nullptr) {
      check.fail(fmt::format("{}.geometry is not a Polygon or MultiPolygon with coordinates", at));
      break;
    }
    if (!check.nested(*coordinates, multi ? 3 : 2, at + ".geometry.coordinates")) break;
    map.adcodes.push_back(std::move(code));
  }
  if (!check.problem.empty()) return refuse(std::move(check.problem), {}, ErrorCode::kInvalidValue);
  map.geojson = json::serialize(doc);
  ws.maps.push_back(std::move(map));
}

void check_map(Workspace& ws, const Dataset* existing) {
  if (ws.maps.empty()) return;
  const auto refuse = [&](const Workspace::Map& map, std::string message) {
    ws.report_file(TableKind::kMap, map.source,
                   Error{ErrorCode::kInvalidValue, std::move(message),
                         Location{ws.sources[map.source].file, 0, 0}, "map"});
  };
  for (std::size_t i = 1; i < ws.maps.size(); ++i) {
    refuse(ws.maps[i], fmt::format("a second boundary map: one import takes one plan's map (the first is {})",
                                   ws.sources[ws.maps[0].source].file));
  }
  const Workspace::Map& map = ws.maps.front();
  std::size_t plan = 0;
  while (plan < ws.plan.size() && !ws.plan.live(plan))
    ++plan;
  if (plan == ws.plan.size()) {
    return refuse(map, "a boundary map is imported with its plan: put the plan's .toml file beside it");
  }
  if (ws.plan.rows[plan].map_source.empty()) {
    refuse(map, fmt::format("the plan file ({}) does not say where this map comes from: add "
                            "map = {{ source = \"…\" }} to its [plan]",
                            ws.sources[ws.plan.origins[plan].source].file));
  }
  std::unordered_set<std::string_view> adcodes;
  for (std::size_t i = 0; i < ws.counties.size(); ++i) {
    if (ws.counties.live(i)) adcodes.insert(ws.counties.rows[i].adcode);
  }
  if (existing != nullptr) {
    for (const CountyRecord& c : existing->counties)
      adcodes.insert(c.adcode);
  }
  if (std::ranges::any_of(map.adcodes, [&](const std::string& a) { return adcodes.contains(a); })) return;
  refuse(map, fmt::format("no feature's adcode ({}{}) is the adcode of a county: the map's counties must be "
                          "the plan's (counties.csv, column adcode)",
                          map.adcodes.front(), map.adcodes.size() > 1 ? ", …" : ""));
}

}  // namespace atlas::io::internal
