// Fuzzes the Accept-Encoding parser (server/internal/accept_encoding.hpp) and the choice of coding
// for a precompressed file. Input: the header value. The parse never fails; every stated weight is
// 0–1000; names and parameter names are case-insensitive (upper-casing the header changes nothing);
// the chosen coding is available and accepted (weight above 0) unless it is identity, and no
// available coding weighs more than the one chosen.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "server/internal/accept_encoding.hpp"

namespace {

using atlas::fuzz::require;
using namespace atlas::server::internal;

bool weight_ok(int q) {
  return q == kUnstated || (q >= 0 && q <= 1000);
}

void check_choice(const AcceptEncoding& a, bool br, bool gzip) {
  const Coding chosen = choose_coding(&a, br, gzip);
  require(chosen != Coding::kBrotli || br, "brotli is chosen only when its file exists");
  require(chosen != Coding::kGzip || gzip, "gzip is chosen only when its file exists");
  const int q = a.quality(chosen);
  require(chosen == Coding::kIdentity || q > 0, "a compression is chosen only when accepted");
  if (q > 0) {
    require(!br || a.quality(Coding::kBrotli) <= q, "no available coding weighs more than the chosen one");
    require(!gzip || a.quality(Coding::kGzip) <= q, "no available coding weighs more than the chosen one");
    require(a.quality(Coding::kIdentity) <= q, "identity does not weigh more than the chosen coding");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = atlas::fuzz::as_text(data, size);
  const AcceptEncoding a = parse_accept_encoding(text);
  require(weight_ok(a.br) && weight_ok(a.gzip) && weight_ok(a.identity) && weight_ok(a.any),
          "every weight is unstated or 0-1000");
  for (const Coding c : {Coding::kBrotli, Coding::kGzip, Coding::kIdentity}) {
    const int q = a.quality(c);
    require(q >= 0 && q <= 1000, "every quality is 0-1000");
  }
  std::string upper(text);
  for (char& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  require(parse_accept_encoding(upper) == a, "names and parameters are case-insensitive");
  for (const bool br : {false, true})
    for (const bool gzip : {false, true})
      check_choice(a, br, gzip);
  require(choose_coding(nullptr, true, true) == Coding::kIdentity, "no header: identity");
  return 0;
}
