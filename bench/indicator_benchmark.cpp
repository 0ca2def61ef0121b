// The cost of reading a long indicator: lexing and parsing must stay linear in its length (issue 7:
// a 50,000-term `or` chain took 16.6 s when every token's column was counted from the start).
// The peer is the text's own length: the figure to read is time per byte across sizes.
#include <string>

#include <benchmark/benchmark.h>

#include "query/parser.hpp"

namespace atlas::bench {
namespace {

std::string or_chain(std::int64_t terms) {
  std::string text = "count(enterprises) where name = \"梅州市某汽车零部件有限公司\"";
  for (std::int64_t i = 1; i < terms; ++i)
    text += " or name = \"梅州市某汽车零部件有限公司\"";
  return text;
}

// Parses an `or` chain of N terms with the limits lifted, so the whole text is read.
void BM_ParseIndicator_OrChain(benchmark::State& state) {
  const std::string text = or_chain(state.range(0));
  query::Limits unlimited;
  unlimited.max_bytes = text.size();
  unlimited.max_conditions = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    auto parsed = query::parse_indicator(text, unlimited);
    if (!parsed) state.SkipWithError(parsed.error().to_string().c_str());
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ParseIndicator_OrChain)->RangeMultiplier(4)->Range(16, 65536)->Complexity();

// What a caller gets for the same text under the default limits: refused after the first bytes.
void BM_ParseIndicator_RefusedOrChain(benchmark::State& state) {
  const std::string text = or_chain(state.range(0));
  for (auto _ : state) {
    auto parsed = query::parse_indicator(text);
    benchmark::DoNotOptimize(parsed);
  }
}
BENCHMARK(BM_ParseIndicator_RefusedOrChain)->Arg(50000);

}  // namespace
}  // namespace atlas::bench
