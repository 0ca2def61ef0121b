// `atlas`: the command line. A thin shell over app/: parse flags, call a use case, print.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "api/api.hpp"
#include "app/check.hpp"
#include "app/synthetic.hpp"
#include "app/workspace.hpp"
#include "cli/table.hpp"
#include "server/server.hpp"

namespace {

using atlas::DayNumber;

constexpr const char* kVersion = "0.1.0";

DayNumber today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<DayNumber>(now.time_since_epoch().count());
}

void print_errors(const std::vector<atlas::Error>& errors) {
  for (const auto& e : errors)
    fmt::print(stderr, "{}\n", e.to_string());
}

int fail_with(const atlas::Error& e) {
  fmt::print(stderr, "atlas: {}\n", e.to_string());
  return 1;
}

struct CheckFlags {
  std::string db = "atlas.db";
  std::string lang = "zh";
  std::string as_of;
  bool json = false;
  bool no_sample = false;
};

int run_check(const CheckFlags& f) {
  DayNumber as_of = today();
  if (!f.as_of.empty()) {
    auto date = atlas::parse_date(f.as_of);
    if (!date) return fail_with(atlas::Error{date.error().code, date.error().message, {}, "--as-of"});
    as_of = date->last_day();
  }
  auto ws = atlas::app::Workspace::open(f.db);
  if (!ws) return fail_with(ws.error());
  auto report = atlas::app::check_targets(*ws->snapshot(), {as_of, !f.no_sample});
  if (!report) return fail_with(report.error());
  const auto lang = f.lang == "en" ? atlas::cli::Lang::kEn : atlas::cli::Lang::kZh;
  const std::string text = f.json ? atlas::app::check_report_json(*report, f.lang) + "\n"
                                  : atlas::cli::format_check(*report, lang);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

struct ImportFlags {
  std::string db = "atlas.db";
  std::vector<std::string> files;
  bool skip_invalid = false;
};

// Import and export work on the database as it is: only `check` and `serve` seed an
// empty one with the embedded plan, so a clerk's own dataset never gets Meizhou mixed in.
atlas::app::OpenOptions unseeded() {
  atlas::app::OpenOptions o;
  o.seed_if_empty = false;
  return o;
}

int run_import(const ImportFlags& f) {
  auto ws = atlas::app::Workspace::open(f.db, unseeded());
  if (!ws) return fail_with(ws.error());
  std::vector<std::filesystem::path> paths(f.files.begin(), f.files.end());
  auto report = ws->import_files(paths, {f.skip_invalid, "atlas import"});
  if (!report) {
    print_errors(report.error());
    fmt::print(stderr, "atlas import: {} error(s); nothing was written\n", report.error().size());
    return 1;
  }
  for (const auto& rejected : report->rejected)
    print_errors(rejected.errors);
  if (!report->rejected.empty()) {
    fmt::print(stderr, "atlas import: {} row(s) rejected and skipped\n", report->rejected.size());
  }
  for (const auto& t : report->applied.tables) {
    fmt::print("{:<18} {:>9} new {:>9} changed {:>9} unchanged\n", t.table, t.inserted, t.updated,
               t.unchanged);
  }
  if (report->applied.event_id == 0) {
    fmt::print("atlas import: nothing changed: {} record(s) already stored as they are (data version {})\n",
               report->records, report->applied.data_version);
    return 0;
  }
  fmt::print("atlas import: {} record(s) written in one transaction (audit event {})\n", report->records,
             report->applied.event_id);
  return 0;
}

int run_export(const std::string& db, const std::string& dir) {
  auto ws = atlas::app::Workspace::open(db, unseeded());
  if (!ws) return fail_with(ws.error());
  if (auto r = ws->export_to(dir); !r) return fail_with(r.error());
  fmt::print("atlas export: wrote {}\n", dir);
  return 0;
}

int run_gen(const atlas::app::SyntheticOptions& options) {
  auto summary = atlas::app::generate_synthetic(options);
  if (!summary) return fail_with(summary.error());
  fmt::print("atlas gen: {} enterprises, {} observations, {} supply edges, {} counties, {} MB in {}\n",
             summary->enterprises, summary->observations, summary->supply_edges, summary->counties,
             summary->bytes / 1'000'000, options.out_dir.string());
  return 0;
}

struct ServeFlags {
  std::string db = "atlas.db";
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 0;
  std::string web;
  bool no_access_log = false;
};

// The built web app: --web / ATLAS_WEB, else web/dist beside the source tree (the binary sits in
// a build directory of it), else ./web/dist. The first candidate is kept when none exists, so the
// "not built" answer names where it looked.
std::filesystem::path web_root(const std::string& flag) {
  if (!flag.empty()) return flag;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path beside =
      ec ? std::filesystem::path("web/dist") : exe.parent_path() / ".." / "web" / "dist";
  if (std::filesystem::is_directory(beside, ec)) return beside.lexically_normal();
  if (std::filesystem::is_directory("web/dist", ec)) return std::filesystem::absolute("web/dist", ec);
  return beside.lexically_normal();
}

// Blocks until SIGINT or SIGTERM (blocked in every thread before the server starts them).
int wait_for_stop_signal(const sigset_t& signals) {
  int signal = 0;
  while (sigwait(&signals, &signal) != 0) {
  }
  return signal;
}

int run_serve(const ServeFlags& f) {
  auto ws = atlas::app::Workspace::open(f.db);
  if (!ws) return fail_with(ws.error());
  // Read-only in this issue: the Snapshot published at start. Held atomically so a later reload can
  // swap it while workers read.
  std::atomic<std::shared_ptr<const atlas::Snapshot>> current{ws->snapshot()};
  const auto snapshot = [&current] { return current.load(); };
  const atlas::api::Api api(atlas::api::ApiContext{snapshot, today}, atlas::api::ApiOptions{});

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // the worker threads inherit the mask

  atlas::server::ServerOptions options;
  options.listen = f.listen;
  options.threads = f.threads;
  options.static_root = web_root(f.web);
  options.access_log = !f.no_access_log;
  auto server = atlas::server::Server::start(api, snapshot, options);
  if (!server) return fail_with(server.error());
  fmt::print("Cluster Atlas serving {} on http://{}/\n", f.db, (*server)->address());
  std::fflush(stdout);

  const int signal = wait_for_stop_signal(signals);
  fmt::print(stderr, "atlas serve: {} received, stopping (finishing requests in flight)\n",
             signal == SIGINT ? "SIGINT" : "SIGTERM");
  (*server)->stop();
  (*server)->wait();
  fmt::print(stderr, "atlas serve: stopped\n");
  return 0;
}

int run(int argc, char** argv) {
  CLI::App app{"Cluster Atlas — an industrial-cluster plan as live data (梅州市汽车零部件产业集群)", "atlas"};
  app.set_version_flag("--version", fmt::format("atlas {}", kVersion));
  app.require_subcommand(1);

  CheckFlags check;
  auto* c =
      app.add_subcommand("check", "Where each target of the plan stands: baseline, latest, goal, status");
  c->add_option("--db", check.db, "Database file (created and seeded with the embedded plan if empty)")
      ->capture_default_str();
  c->add_option("--lang", check.lang, "Language of titles: zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  c->add_option("--as-of", check.as_of, "Use only what was known at this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  c->add_flag("--json", check.json, "Print JSON instead of a table");
  c->add_flag("--no-sample", check.no_sample, "Leave out illustrative (sample) data");

  ImportFlags import;
  auto* i = app.add_subcommand("import", "Validate CSV tables / plan TOML and write them in one transaction");
  i->add_option("files", import.files, "CSV files, plan TOML files or directories of them")->required();
  i->add_option("--db", import.db, "Database file")->capture_default_str();
  i->add_flag("--skip-invalid", import.skip_invalid, "Write the valid rows and list the rejected ones");

  std::string export_db = "atlas.db";
  std::string export_dir;
  auto* e = app.add_subcommand("export", "Write the database back as plan TOML + CSV tables");
  e->add_option("dir", export_dir, "Output directory")->required();
  e->add_option("--db", export_db, "Database file")->capture_default_str();

  atlas::app::SyntheticOptions gen;
  std::string gen_dir;
  auto* g = app.add_subcommand("gen", "Write a synthetic dataset of any size (for benchmarks and demos)");
  g->add_option("--enterprises", gen.enterprises, "Number of enterprises")->capture_default_str();
  g->add_option("--seed", gen.seed, "Random seed (same seed, same files)")->capture_default_str();
  g->add_option("dir", gen_dir, "Output directory")->required();

  ServeFlags serve;
  auto* s =
      app.add_subcommand("serve", "Serve the API (/api/v1), the web app, /healthz and /metrics over HTTP");
  s->add_option("--db", serve.db, "Database file (created and seeded with the embedded plan if empty)")
      ->envname("ATLAS_DB")
      ->capture_default_str();
  s->add_option("--listen", serve.listen, "HOST:PORT to listen on (port 0: any free port)")
      ->envname("ATLAS_LISTEN")
      ->capture_default_str();
  s->add_option("--threads", serve.threads, "Worker threads (0: one per CPU core)")->capture_default_str();
  s->add_option("--web", serve.web, "Directory of the built web app (default: web/dist)")
      ->envname("ATLAS_WEB");
  s->add_flag("--no-access-log", serve.no_access_log, "Do not log one line per request");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // A wrong command line: say what was wrong, then show what is possible.
    fmt::print(stderr, "atlas: {}\n\n{}", e.what(), app.help());
    return 2;
  }
  if (c->parsed()) return run_check(check);
  if (i->parsed()) return run_import(import);
  if (e->parsed()) return run_export(export_db, export_dir);
  if (s->parsed()) return run_serve(serve);
  if (g->parsed()) {
    gen.out_dir = gen_dir;
    return run_gen(gen);
  }
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    fmt::print(stderr, "atlas: internal error: {}\n", e.what());
    return 2;
  }
}
