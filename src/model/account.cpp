#include "model/account.hpp"

#include <array>
#include <utility>

namespace atlas {
namespace {

constexpr std::array<std::pair<Role, const char*>, 3> kRoles{
    {{Role::kAdmin, "admin"}, {Role::kAnalyst, "analyst"}, {Role::kEnterprise, "enterprise"}}};

}  // namespace

const char* to_string(Role role) {
  for (const auto& [r, word] : kRoles) {
    if (r == role) return word;
  }
  return "analyst";
}

std::optional<Role> parse_role(std::string_view word) {
  for (const auto& [r, w] : kRoles) {
    if (word == w) return r;
  }
  return std::nullopt;
}

}  // namespace atlas
