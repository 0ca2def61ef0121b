// The watcher against a real database file: a second connection commits, as `atlas import` in
// another process would, and the watcher's thread publishes what it committed.
#include "app/snapshot_watcher.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "app/plan_views.hpp"

namespace atlas::app {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class TempDir {
 public:
  explicit TempDir(std::string_view name)
      : path_(fs::temp_directory_path() / fmt::format("atlas-watch-{}-{}", name, ::getpid())) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::string file(std::string_view name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Polls `done` until it holds or `limit` passes; whether it held.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit = 5s) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(2ms);
  }
  return true;
}

WatchOptions fast() {
  WatchOptions o;
  o.poll_interval = 5ms;
  o.retry_interval = 50ms;
  return o;
}

// What the watcher's thread reported, readable from the test's thread.
struct Recorder {
  std::mutex mutex;
  std::vector<std::string> errors;
  int rebuilds = 0;

  WatchEvents events() {
    WatchEvents e;
    e.rebuilding = [this](std::int64_t, std::uint64_t) {
      std::lock_guard lock(mutex);
      ++rebuilds;
    };
    e.failed = [this](const Error& error) {
      std::lock_guard lock(mutex);
      errors.push_back(error.to_string());
    };
    return e;
  }
  std::vector<std::string> seen_errors() {
    std::lock_guard lock(mutex);
    return errors;
  }
  int seen_rebuilds() {
    std::lock_guard lock(mutex);
    return rebuilds;
  }
};

// A metric: a register every plan's Snapshot holds whole.
Dataset new_county() {
  Dataset d;
  d.metrics = {{"watch_test_metric", {"测试指标", "Watch test metric"}, MetricUnit::kCount, "watch test"}};
  return d;
}

bool has_new_record(const PlanSet& plans) {
  return plans.plans().front()->find_metric("watch_test_metric").has_value();
}

class SnapshotWatcherTest : public ::testing::Test {
 protected:
  SnapshotWatcherTest() : dir_("db"), path_(dir_.file("atlas.db")) {}

  // The watcher over a freshly seeded database (data version 1).
  std::unique_ptr<SnapshotWatcher> watch(WatchOptions options = fast()) {
    auto ws = Workspace::open(path_);
    EXPECT_TRUE(ws) << ws.error().to_string();
    return std::make_unique<SnapshotWatcher>(std::move(*ws), options, recorder_.events());
  }

  // A second connection, as another process has.
  Store writer() const {
    auto store = Store::open(path_);
    EXPECT_TRUE(store) << store.error().to_string();
    return std::move(*store);
  }

  TempDir dir_;
  std::string path_;
  Recorder recorder_;
};

TEST_F(SnapshotWatcherTest, PublishesWhatAnotherConnectionCommits) {
  auto watcher = watch();
  const auto before = watcher->current();
  ASSERT_EQ(before->version(), 1U);
  ASSERT_FALSE(has_new_record(*before));

  auto store = writer();
  ASSERT_TRUE(store.apply(new_county(), {"test", "import"}));

  ASSERT_TRUE(eventually([&] { return watcher->current()->version() == 2; }));
  EXPECT_TRUE(has_new_record(*watcher->current()));
  // A request that took the old Snapshot still reads it, unchanged.
  EXPECT_EQ(before->version(), 1U);
  EXPECT_FALSE(has_new_record(*before));
  const WatchStatus status = watcher->status();
  EXPECT_EQ(status.reloads, 1U);
  EXPECT_EQ(status.failures, 0U);
  EXPECT_EQ(status.store_version, 2);
  EXPECT_FALSE(status.failing);
}

TEST_F(SnapshotWatcherTest, DoesNotRebuildWhileNothingIsCommitted) {
  auto watcher = watch();
  ASSERT_TRUE(eventually([&] { return watcher->status().store_version == 1; }));
  std::this_thread::sleep_for(50ms);  // ten polls
  EXPECT_EQ(recorder_.seen_rebuilds(), 0);
  EXPECT_EQ(watcher->status().reloads, 0U);
}

TEST_F(SnapshotWatcherTest, KeepsTheOldSnapshotWhenARebuildFailsAndRecoversOnTheNextCommit) {
  auto watcher = watch();
  auto store = writer();
  // The store takes a supply edge of a product class it does not know; the Snapshot refuses it.
  Dataset bad;
  bad.supply_edges = {{"bpw-meizhou", "bpw-germany", "no-such-class", std::nullopt, "watch test"}};
  ASSERT_TRUE(store.apply(bad, {"test", "import"}));

  ASSERT_TRUE(eventually([&] { return watcher->status().failing; }));
  EXPECT_EQ(watcher->current()->version(), 1U);
  EXPECT_EQ(watcher->status().store_version, 2);
  const auto errors = recorder_.seen_errors();
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors.front().find("no-such-class"), std::string::npos) << errors.front();

  // The same version is retried only after retry_interval, not at every poll.
  std::this_thread::sleep_for(20ms);
  EXPECT_LE(watcher->status().failures, 2U);

  // Adding the class makes the stored data whole again: version 3 is published.
  auto small = store.load_small_tables();
  ASSERT_TRUE(small);
  TaxonomyRecord cls = *std::ranges::find_if(
      small->taxonomy, [](const TaxonomyRecord& t) { return t.level == TaxonomyLevel::kClass; });
  cls.code = "no-such-class";
  Dataset fix;
  fix.taxonomy = {cls};
  ASSERT_TRUE(store.apply(fix, {"test", "import"}));
  ASSERT_TRUE(eventually([&] { return watcher->current()->version() == 3; }));
  EXPECT_FALSE(watcher->status().failing);
  EXPECT_EQ(watcher->status().reloads, 1U);
}

TEST_F(SnapshotWatcherTest, StopsAtOnceWhileWaiting) {
  WatchOptions slow;
  slow.poll_interval = 1h;
  auto watcher = watch(slow);
  const auto started = std::chrono::steady_clock::now();
  watcher->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  watcher->stop();  // idempotent
  EXPECT_EQ(watcher->current()->version(), 1U);
}

TEST(SnapshotFromStore, StopsEarlyWhenAskedTo) {
  TempDir dir("stop");
  auto ws = Workspace::open(dir.file("atlas.db"));
  ASSERT_TRUE(ws);
  std::stop_source source;
  source.request_stop();
  auto snapshot = plan_set_from_store(ws->store(), source.get_token());
  ASSERT_FALSE(snapshot);
  EXPECT_NE(snapshot.error().message.find("rebuild stopped"), std::string::npos);
}

}  // namespace
}  // namespace atlas::app
