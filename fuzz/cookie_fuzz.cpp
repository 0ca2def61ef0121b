// Fuzzes the Cookie header reader (api/internal/cookie.hpp). Input: the header value. The reader
// never fails; a value found is a piece of the header, holds no ';', starts and ends with no blank,
// and is what a header with the same cookie moved to the front gives; over the size limit
// nothing is read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/internal/cookie.hpp"
#include "fuzz_support.hpp"

namespace {

using atlas::api::internal::cookie_value;
using atlas::api::internal::kMaxCookieHeader;
using atlas::api::internal::kSessionCookie;
using atlas::fuzz::require;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view header = atlas::fuzz::as_text(data, size);
  for (const std::string_view name : {kSessionCookie, std::string_view("a"), std::string_view("")}) {
    const auto value = cookie_value(header, name);
    if (!value) continue;
    require(!name.empty(), "an empty name finds nothing");
    require(header.size() <= kMaxCookieHeader, "an oversized header is not read");
    require(value->data() >= header.data() && value->data() + value->size() <= header.data() + header.size(),
            "the value is a piece of the header");
    require(value->find(';') == std::string_view::npos, "the value holds no ';'");
    require(value->empty() || (value->front() != ' ' && value->back() != ' ' && value->front() != '\t' &&
                               value->back() != '\t'),
            "the value is trimmed");
    // The same value put first is found first, unchanged.
    const std::string plain(*value);
    if (plain.find('"') == std::string::npos &&
        header.size() + plain.size() + name.size() + 2 <= kMaxCookieHeader) {
      const std::string front = std::string(name) + "=" + plain + ";" + std::string(header);
      const auto again = cookie_value(front, name);
      require(again && *again == plain, "a cookie put first is read first");
    }
  }
  return 0;
}
