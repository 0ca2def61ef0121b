// The human texts of problem responses: an English and a Chinese title per stable problem code,
// and the Chinese sentence that leads a problem's zh message. Private to api/.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace atlas::api::internal {

/// The problem codes the API emits (atlas::ErrorCode names plus the transport codes), in a
/// stable order. For tests and the OpenAPI document.
[[nodiscard]] std::span<const std::string_view> problem_codes();

/// "Unknown reference" / "引用不存在" for `code`; a generic title for an unknown code. Thread-safe.
[[nodiscard]] std::string_view problem_title(std::string_view code, bool chinese);

/// The Chinese sentence for `code` about `field` (empty: no field): "参数 county 引用了不存在的对象".
/// Never a copy of the English. Thread-safe.
[[nodiscard]] std::string problem_zh(std::string_view code, std::string_view field);

}  // namespace atlas::api::internal
