// The benchmarks that run on a cached dataset of N enterprises. They are registered together, by
// size (all of N = 1,000 first, then 100,000 …), in dataset_benchmark.cpp, so that each dataset is
// read and built once and a million-enterprise dataset is never held twice.
#pragma once

#include <benchmark/benchmark.h>

namespace atlas::bench {

void BM_LoadSnapshot(benchmark::State& state);
void BM_ReadDataset(benchmark::State& state);
void BM_SnapshotBuild(benchmark::State& state);
void BM_EvaluateAllTargets(benchmark::State& state);
void BM_SegmentTotal(benchmark::State& state);
void BM_OutputPerCountyPerYear(benchmark::State& state);
void BM_TiersPerCountyPerYear(benchmark::State& state);
void BM_OutputPerCountyPerYearQuery(benchmark::State& state);
void BM_EvaluateTargetsPerCounty(benchmark::State& state);
void BM_EvaluateTargetsPerCountyGrouped(benchmark::State& state);
void BM_ChainGaps(benchmark::State& state);
void BM_ForecastPrepare(benchmark::State& state);
void BM_ForecastSimulate(benchmark::State& state);
void BM_ChainGapsEveryCounty(benchmark::State& state);
void BM_ChainOutputColumn(benchmark::State& state);
void BM_ChainGapsEveryCountyGrouped(benchmark::State& state);

}  // namespace atlas::bench
