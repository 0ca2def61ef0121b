// atlas_bench_gen N [SEED]: makes sure the synthetic dataset of N enterprises is in the benchmark
// cache (generating it when missing) and prints its directory.
#include <cstdio>
#include <cstdlib>

#include "support/bench_data.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: atlas_bench_gen ENTERPRISES [SEED]\n");
    return 2;
  }
  const auto n = std::strtoull(argv[1], nullptr, 10);
  const auto seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : atlas::bench::bench_seed();
  std::printf("%s\n", atlas::bench::synthetic_dir(n, seed).c_str());
  return 0;
}
