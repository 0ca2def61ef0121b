// The store's exception boundary: no Store method throws.
#pragma once

#include <exception>
#include <string_view>

#include <fmt/format.h>

#include "model/error.hpp"

namespace atlas::store_internal {

/// Runs `body`; an exception (std::bad_alloc, a throwing callback) becomes kStoreError naming what
/// was being done.
template <class Body>
auto guarded(std::string_view doing, Body body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& e) {
    return fail(ErrorCode::kStoreError, fmt::format("{}: {}", doing, e.what()));
  }
}

}  // namespace atlas::store_internal
