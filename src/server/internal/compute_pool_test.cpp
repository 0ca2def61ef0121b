#include "server/internal/compute_pool.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "server/internal/test_gate.hpp"

namespace atlas::server::internal {
namespace {

using namespace std::chrono_literals;

TEST(ComputePool, RefusesWhatWouldWaitBeyondTheQueueLimit) {
  TestGate gate;
  std::atomic<int> done{0};
  ComputePool pool(1, 2, {});
  ASSERT_TRUE(pool.try_post([&] {
    gate.pass();
    ++done;
  }));
  ASSERT_TRUE(gate.wait_inside(1));  // the only thread is busy
  EXPECT_TRUE(pool.try_post([&] { ++done; }));
  EXPECT_TRUE(pool.try_post([&] { ++done; }));
  EXPECT_FALSE(pool.try_post([&] { ++done; }));  // a third would wait: refused, never run
  EXPECT_EQ(pool.busy(), 1U);
  EXPECT_EQ(pool.queued(), 2U);
  EXPECT_EQ(pool.refused(), 1U);
  gate.open();
  pool.stop();  // runs what was queued, then joins
  EXPECT_EQ(done.load(), 3);
  EXPECT_EQ(pool.queued(), 0U);
  EXPECT_FALSE(pool.try_post([] {}));  // stopped
}

TEST(ComputePool, RunsTasksOnAllItsThreadsAtOnce) {
  TestGate gate;
  ComputePool pool(3, 3, {});
  EXPECT_EQ(pool.threads(), 3U);
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(pool.try_post([&] { gate.pass(); }));
  EXPECT_TRUE(gate.wait_inside(3));  // three tasks inside at the same time
  gate.open();
}

TEST(ComputePool, WithAQueueLimitOfZeroRefusesEverything) {
  ComputePool pool(1, 0, {});
  EXPECT_FALSE(pool.try_post([] {}));
  EXPECT_EQ(pool.refused(), 1U);
}

TEST(ComputePool, ReportsATaskThatThrowsAndGoesOn) {
  std::mutex mutex;
  std::string reported;
  std::atomic<bool> ran_after{false};
  {
    ComputePool pool(1, 4, [&](std::string_view what) {
      std::lock_guard lock(mutex);
      reported = what;
    });
    ASSERT_TRUE(pool.try_post([] { throw std::runtime_error("handler broke"); }));
    ASSERT_TRUE(pool.try_post([&] { ran_after = true; }));
  }  // the destructor drains and joins
  EXPECT_EQ(reported, "handler broke");
  EXPECT_TRUE(ran_after.load());
}

}  // namespace
}  // namespace atlas::server::internal
