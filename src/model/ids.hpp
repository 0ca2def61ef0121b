// Strong, dense ids: an index into a Snapshot column, never mixed up across kinds.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace atlas {

/// A dense 32-bit index tagged with what it indexes. `Id<T>::none()` means "absent".
template <class Tag>
struct Id {
  std::uint32_t value = std::numeric_limits<std::uint32_t>::max();

  constexpr Id() = default;
  constexpr explicit Id(std::uint32_t v) : value(v) {}
  static constexpr Id none() { return Id{}; }
  [[nodiscard]] constexpr bool valid() const { return value != std::numeric_limits<std::uint32_t>::max(); }
  constexpr auto operator<=>(const Id&) const = default;
};

struct EnterpriseTag {};
struct ClassTag {};
struct CountyTag {};
struct ZoneTag {};
struct ProjectTag {};
struct ChainTag {};
struct MetricTag {};
struct CarrierTag {};
struct TargetTag {};
struct StringTag {};

using EnterpriseId = Id<EnterpriseTag>;
using ClassId = Id<ClassTag>;  // a node of the taxonomy: category, subsystem or product class
using CountyId = Id<CountyTag>;
using ZoneId = Id<ZoneTag>;
using ProjectId = Id<ProjectTag>;
using ChainId = Id<ChainTag>;
using MetricId = Id<MetricTag>;
using CarrierId = Id<CarrierTag>;
using TargetId = Id<TargetTag>;
using StringId = Id<StringTag>;  // an interned string of a Snapshot

}  // namespace atlas

template <class Tag>
struct std::hash<atlas::Id<Tag>> {
  std::size_t operator()(atlas::Id<Tag> id) const noexcept { return std::hash<std::uint32_t>{}(id.value); }
};
