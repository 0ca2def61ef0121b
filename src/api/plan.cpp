// PLACEHOLDER (being written this session): replaced by the real handler.
#include "api/internal/handler.hpp"

namespace atlas::api::internal {

Outcome<boost::json::object> get_plan(const ReadContext& /*ctx*/) {
  return std::unexpected(Problem{501, "not-implemented", "not implemented yet", "尚未实现", {}, 0});
}
}  // namespace atlas::api::internal
