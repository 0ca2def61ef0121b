// What a session costs a request (docs/performance.md "Sessions"): the same cached API answer
// asked by the public and with a session cookie (one SQLite point read of the session and its
// user); a sign-in (Argon2id, 64 MiB); a CSRF check.
#include <atomic>
#include <filesystem>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "api/api.hpp"
#include "app/accounts.hpp"
#include "app/sessions.hpp"
#include "app/workspace.hpp"

namespace {

using namespace atlas;

constexpr const char* kPassword = "bench password 1";

struct SessionBench {
  std::string path;
  std::shared_ptr<const PlanSet> plans;
  std::unique_ptr<app::Sessions> sessions;
  std::unique_ptr<api::Api> api;
  std::string cookie;

  SessionBench() {
    path = (std::filesystem::temp_directory_path() /
            ("atlas-bench-session-" + std::to_string(::getpid()) + ".db"))
               .string();
    auto ws = app::Workspace::open(path);
    if (!ws) throw std::runtime_error(ws.error().to_string());
    if (!app::add_user(ws->store(), {"ana", Role::kAnalyst, {}, kPassword}, "bench"))
      throw std::runtime_error("add_user");
    plans = ws->plans();
    app::SessionOptions options;
    options.burst = 1'000'000;  // the sign-in benchmark signs in from one address many times
    sessions = std::move(*app::Sessions::open(path, options));
    api = std::make_unique<api::Api>(
        api::ApiContext{[this] { return plans; }, [] { return day_number(2026, 11, 27); }, sessions.get()},
        api::ApiOptions{});
    cookie = "atlas_session=" + sessions->sign_in("ana", kPassword, "bench")->token;
  }
  ~SessionBench() {
    api.reset();
    sessions.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path + suffix);
  }
};

SessionBench& bench() {
  static SessionBench b;
  return b;
}

void read(benchmark::State& state, bool signed_in) {
  SessionBench& b = bench();
  api::Request r;
  r.method = "GET";
  r.target = "/api/v1/targets";
  if (signed_in) r.cookie = b.cookie;
  for (auto _ : state) {
    const api::Response answer = b.api->handle(r);
    if (answer.status != 200) state.SkipWithError("not 200");
    benchmark::DoNotOptimize(answer.body.data());
  }
}

void BM_ApiCachedReadPublic(benchmark::State& state) {
  read(state, false);
}
void BM_ApiCachedReadSignedIn(benchmark::State& state) {
  read(state, true);
}

void BM_SignIn(benchmark::State& state) {
  SessionBench& b = bench();
  for (auto _ : state) {
    auto in = b.sessions->sign_in("ana", kPassword, "bench");
    if (!in) state.SkipWithError("sign-in refused");
    benchmark::DoNotOptimize(in->token.data());
  }
}

void BM_CsrfCheck(benchmark::State& state) {
  const std::string token(43, 'A');
  for (auto _ : state)
    benchmark::DoNotOptimize(app::Sessions::csrf_matches(token, "not-the-token-at-all-xxxxxxxx"));
}

}  // namespace

BENCHMARK(BM_ApiCachedReadPublic)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ApiCachedReadSignedIn)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SignIn)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CsrfCheck);
