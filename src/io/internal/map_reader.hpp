// Reading a plan's boundary map (`*.geojson`) into a workspace.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/internal/workspace.hpp"

namespace atlas::io::internal {

/// Bounds on a boundary map: what a prefecture's or a province's county map needs, many times over.
inline constexpr std::size_t kMaxMapBytes = std::size_t{32} << 20;
inline constexpr std::size_t kMaxMapDepth = 32;  // a MultiPolygon's position sits at depth 7
inline constexpr std::size_t kMaxMapFeatures = 10'000;
inline constexpr std::size_t kMaxMapPositions = 5'000'000;

/// Parses `bytes` (the GeoJSON file of source `source`) into ws.maps: a FeatureCollection whose
/// features are Polygons or MultiPolygons with a numeric `properties.adcode` (DataV GeoAtlas
/// layout). A file that is not JSON is reported at its line:column; one that is not such a
/// collection names the member at fault (`features[3].properties.adcode`). Either is a kFile issue.
void read_map_geojson(Workspace& ws, std::uint32_t source, std::string_view bytes);

/// After every input is read: a boundary map comes with its plan file (one map per import), the
/// plan names its source (`map = { source = "…" }`), and some feature's adcode is the adcode of a
/// county read now or in `existing`. Each problem is a kFile issue of the map: fatal in every mode.
void check_map(Workspace& ws, const Dataset* existing);

}  // namespace atlas::io::internal
