// A killed import leaves the database as it was: a child process starts a big apply and is
// SIGKILLed in the middle of its transaction (after SQLite has spilled uncommitted pages to the
// WAL); the parent then reopens the file and finds exactly the state before the import.
#include <filesystem>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.hpp"
#include "store/store_test_data.hpp"

namespace atlas {
namespace {

using store_test::normalized;
using store_test::RawDb;
using store_test::rich_dataset;
using store_test::TempDir;

constexpr int kBaseObservations = 2'000;
constexpr int kImportObservations = 150'000;
constexpr std::uint64_t kKillAfter = 100'000;  // records applied before the child reports in

// Figures for "bpw", one a month from year 1000 on, under `metric`.
std::vector<ObservationRecord> monthly_figures(const std::string& metric, int count, std::int64_t value) {
  std::vector<ObservationRecord> figures;
  figures.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    figures.push_back({"bpw", metric, store_test::month_period(1000 + i / 12, i % 12 + 1), value + i,
                       std::nullopt, "sample: crash test"});
  }
  return figures;
}

// The import the child is killed in: a new county, a changed enterprise, revised old figures and
// many new ones.
Dataset big_import() {
  Dataset delta;
  delta.counties = {{"pingyuan", "441426", {"平远县", ""}, "plan"}};
  delta.enterprises = {normalized(rich_dataset()).enterprises.front()};
  delta.enterprises[0].county = "pingyuan";
  delta.observations = monthly_figures("output_value", kBaseObservations, 7);  // revisions
  auto fresh = monthly_figures("employees", kImportObservations, 1);
  delta.observations.insert(delta.observations.end(), fresh.begin(), fresh.end());
  return delta;
}

// Kills and reaps the child if the test ends before it did so itself.
struct ChildGuard {
  pid_t pid = -1;
  ~ChildGuard() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }
};

// The child: opens its own connection, applies, and at kKillAfter records tells the parent
// through the pipe and waits to be killed. Never returns.
[[noreturn]] void run_child(const std::string& path, const Dataset& delta, int report_fd) {
  alarm(60);  // never outlive a broken parent
  StoreOptions small_cache;
  small_cache.cache_kib = 1024;  // so that the transaction spills to the WAL long before the kill
  auto store = Store::open(path, small_cache);
  if (!store) _exit(2);
  auto applied =
      store->apply(delta, AuditEvent{"crash test", "import"}, [&](std::string_view, std::uint64_t done) {
        if (done < kKillAfter) return;
        const char byte = 'x';
        if (write(report_fd, &byte, 1) != 1) _exit(4);
        for (;;)
          pause();
      });
  _exit(applied ? 3 : 5);  // reaching here means the kill never came
}

TEST(StoreCrash, AKilledImportLeavesTheDatabaseAsItWas) {
  TempDir dir;
  const std::string path = dir.file("atlas.db");
  Dataset before;
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store);
    Dataset base = rich_dataset();
    auto figures = monthly_figures("output_value", kBaseObservations, 1'000'000);
    base.observations.insert(base.observations.end(), figures.begin(), figures.end());
    ASSERT_TRUE(store->apply(base, AuditEvent{"system", "seed"}));
    before = store->load().value();
  }  // closed: the child must not inherit a live connection
  const Dataset delta = big_import();

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ChildGuard child;
  child.pid = fork();
  ASSERT_GE(child.pid, 0);
  if (child.pid == 0) {
    close(fds[0]);
    run_child(path, delta, fds[1]);
  }
  close(fds[1]);
  char byte = 0;
  const ssize_t got = read(fds[0], &byte, 1);
  close(fds[0]);
  ASSERT_EQ(got, 1) << "the child died before reaching the middle of its transaction";

  // The transaction is open and has written uncommitted pages to the WAL file.
  std::error_code no_wal;
  const auto wal_bytes = std::filesystem::file_size(path + "-wal", no_wal);
  EXPECT_FALSE(no_wal) << no_wal.message();
  EXPECT_GT(wal_bytes, 1'000'000U) << "nothing of the transaction reached the disk before the kill";
  ASSERT_EQ(kill(child.pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child.pid, &status, 0), child.pid);
  child.pid = -1;
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGKILL);

  auto store = Store::open(path);
  ASSERT_TRUE(store) << store.error().to_string();
  EXPECT_TRUE(store_test::same_dataset(store->load().value(), before));
  EXPECT_EQ(store->data_version().value(), 1);
  EXPECT_EQ(store->audit_log(10).value().size(), 1U);
  RawDb raw(path);
  EXPECT_EQ(raw.text("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(raw.count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  // And the database takes the same import afterwards.
  auto retried = store->apply(delta, AuditEvent{"crash test", "import"});
  ASSERT_TRUE(retried) << retried.error().to_string();
  EXPECT_EQ(retried->data_version, 2);
}

}  // namespace
}  // namespace atlas
