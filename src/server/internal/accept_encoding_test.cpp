#include "server/internal/accept_encoding.hpp"

#include <string>

#include <gtest/gtest.h>

namespace atlas::server::internal {
namespace {

Coding choose(std::string_view header, bool br = true, bool gzip = true) {
  const AcceptEncoding parsed = parse_accept_encoding(header);
  return choose_coding(&parsed, br, gzip);
}

TEST(AcceptEncoding, ReadsNamesAndWeightsCaseInsensitively) {
  const auto a = parse_accept_encoding("gzip, deflate, BR;Q=0.8 , identity;q=0.125");
  EXPECT_EQ(a.gzip, 1000);
  EXPECT_EQ(a.br, 800);
  EXPECT_EQ(a.identity, 125);
  EXPECT_EQ(a.any, kUnstated);
  EXPECT_EQ(parse_accept_encoding("x-gzip;q=0.5").gzip, 500);
  EXPECT_EQ(parse_accept_encoding("*;q=0").any, 0);
  EXPECT_EQ(parse_accept_encoding("br;q=1.000").br, 1000);
  EXPECT_EQ(parse_accept_encoding("br ; q = 0.3").br, 300);
}

TEST(AcceptEncoding, IgnoresAnEntryWhoseWeightIsMalformed) {
  for (const std::string bad : {"q=2", "q=1.5", "q=0.1234", "q=-1", "q=", "q=.5", "q=0.5x", "q=abc"}) {
    const auto a = parse_accept_encoding("gzip;" + bad + ", br");
    EXPECT_EQ(a.gzip, kUnstated) << bad;
    EXPECT_EQ(a.br, 1000) << bad;
  }
  EXPECT_EQ(parse_accept_encoding("gzip;level=9").gzip, 1000);  // other parameters are not weights
  EXPECT_EQ(parse_accept_encoding("gzip;q=1.").gzip, 1000);     // RFC 9110: "1" [ "." 0*3("0") ]
  EXPECT_EQ(parse_accept_encoding("gzip;q=0.").gzip, 0);
}

TEST(AcceptEncoding, SaysNothingOfAnEmptyOrUnknownHeader) {
  EXPECT_EQ(parse_accept_encoding(""), AcceptEncoding{});
  EXPECT_EQ(parse_accept_encoding(" , ,,"), AcceptEncoding{});
  EXPECT_EQ(parse_accept_encoding("deflate, zstd;q=0.9, compress"), AcceptEncoding{});
}

TEST(AcceptEncoding, ReadsAtMostTheFirstEntriesAndBytes) {
  std::string many;
  for (std::size_t i = 0; i < kMaxAcceptEncodingEntries; ++i)
    many += "deflate, ";
  EXPECT_EQ(parse_accept_encoding(many + "br").br, kUnstated);
  EXPECT_EQ(parse_accept_encoding(std::string(kMaxAcceptEncodingBytes, ' ') + ",br").br, kUnstated);
  EXPECT_EQ(parse_accept_encoding(std::string(100, ',') + "br").br, 1000);  // empty elements do not count
}

TEST(AcceptEncoding, GivesUnnamedCodingsTheWildcardsWeight) {
  const auto star = parse_accept_encoding("*;q=0.5, gzip;q=0.2");
  EXPECT_EQ(star.quality(Coding::kBrotli), 500);
  EXPECT_EQ(star.quality(Coding::kGzip), 200);
  EXPECT_EQ(star.quality(Coding::kIdentity), 500);
  const auto none = parse_accept_encoding("deflate");
  EXPECT_EQ(none.quality(Coding::kBrotli), 0);
  EXPECT_EQ(none.quality(Coding::kIdentity), 1000);  // identity is acceptable unless refused
}

TEST(ChooseCoding, PrefersBrotliThenGzipWhenBothAreAccepted) {
  EXPECT_EQ(choose("gzip, deflate, br, zstd"), Coding::kBrotli);  // Chromium's header
  EXPECT_EQ(choose("gzip, deflate"), Coding::kGzip);
  EXPECT_EQ(choose("gzip, deflate, br", false, true), Coding::kGzip);  // no .br sibling
  EXPECT_EQ(choose("br", false, true), Coding::kIdentity);
  EXPECT_EQ(choose("*"), Coding::kBrotli);
}

TEST(ChooseCoding, FollowsTheWeights) {
  EXPECT_EQ(choose("br;q=0.5, gzip"), Coding::kGzip);
  EXPECT_EQ(choose("br;q=0, gzip;q=0.1, identity;q=0"), Coding::kGzip);
  EXPECT_EQ(choose("br;q=0, gzip;q=0.1"), Coding::kIdentity);  // identity weighs 1 unless named
  EXPECT_EQ(choose("br;q=0.5, identity"), Coding::kIdentity);  // identity weighs 1, br 0.5
  EXPECT_EQ(choose("gzip, *;q=0"), Coding::kGzip);
  EXPECT_EQ(choose("*;q=0, identity;q=0.1"), Coding::kIdentity);
}

TEST(ChooseCoding, SendsIdentityWhenNothingAvailableIsAcceptedOrThereIsNoHeader) {
  EXPECT_EQ(choose(""), Coding::kIdentity);  // an empty header: identity only
  EXPECT_EQ(choose("identity"), Coding::kIdentity);
  EXPECT_EQ(choose("br;q=0, gzip;q=0"), Coding::kIdentity);
  EXPECT_EQ(choose("*;q=0"), Coding::kIdentity);  // rather than 406
  EXPECT_EQ(choose("gzip;q=1.5, br;q=x"), Coding::kIdentity);
  EXPECT_EQ(choose_coding(nullptr, true, true), Coding::kIdentity);
}

TEST(ChooseCoding, NamesTheContentEncoding) {
  EXPECT_EQ(content_encoding_of(Coding::kBrotli), "br");
  EXPECT_EQ(content_encoding_of(Coding::kGzip), "gzip");
  EXPECT_EQ(content_encoding_of(Coding::kIdentity), "");
}

}  // namespace
}  // namespace atlas::server::internal
