// Small JSON pieces the app's answers share (app/chains.cpp, app/target_groups.cpp, app/plans_json.cpp).
#pragma once

#include <cstdint>
#include <optional>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "model/records.hpp"

namespace atlas::app::internal {

/// {"zh", "en"}.
inline boost::json::object names_json(const Names& n) {
  return boost::json::object{{"zh", n.zh}, {"en", n.en}};
}

/// The number, or null.
inline boost::json::value optional_int(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace atlas::app::internal
