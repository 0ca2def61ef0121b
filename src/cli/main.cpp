// `atlas`: the command line. A thin shell over app/: parse flags, call a use case, print.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <expected>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <span>
#include <thread>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include "api/api.hpp"
#include "app/accounts.hpp"
#include "app/browse.hpp"
#include "app/chains.hpp"
#include "app/check.hpp"
#include "app/forecast.hpp"
#include "app/sessions.hpp"
#include "app/snapshot_watcher.hpp"
#include "app/synthetic.hpp"
#include "app/target_groups.hpp"
#include "app/workspace.hpp"
#include "cli/table.hpp"
#include "io/sheet.hpp"
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
  std::string plan;
  std::string lang = "zh";
  std::string as_of;
  bool json = false;
  bool no_sample = false;
  std::string by;      // --by FIELD: each target broken down by county, zone, segment …
  std::string target;  // --target ID: only this one (with --by)
};

// An empty database gets the embedded plan on first use; never silently, since a user whose own
// import was refused would otherwise take the default plan's figures for theirs.
// `--as-of DATE`: the last day of the date given (2024 → 2024-12-31), else today; on a date that
// does not read, the error is printed naming the flag and the exit code returned.
std::expected<DayNumber, int> as_of_flag(const std::string& text) {
  if (text.empty()) return today();
  auto date = atlas::parse_date(text);
  if (!date)
    return std::unexpected(fail_with(atlas::Error{date.error().code, date.error().message, {}, "--as-of"}));
  return date->last_day();
}

void say_if_seeded(const atlas::app::Workspace& ws, const std::string& db, std::string_view command) {
  if (!ws.seeded()) return;
  const auto snapshot = ws.snapshot();
  fmt::print(stderr,
             "atlas {}: {} held no plan: loaded the embedded plan {} ({}); `atlas import --db {} DIR` loads "
             "your own\n",
             command, db, snapshot->plan.title.zh, snapshot->plan.id, db);
}

// `atlas check --by FIELD [--target ID]`: every target (or one) broken down by FIELD. A target that
// cannot be grouped so is listed with the reason; naming one with --target makes that an error.
int run_check_by(const atlas::Snapshot& s, const CheckFlags& f, DayNumber as_of) {
  const atlas::app::CheckOptions options{as_of, !f.no_sample};
  std::vector<atlas::app::TargetGroups> groups;
  std::vector<std::pair<std::string, std::string>> refused;
  for (const auto& t : s.targets) {
    if (!f.target.empty() && t.id != f.target) continue;
    auto g = atlas::app::target_groups(s, t.id, f.by, options);
    if (!g && f.target.empty()) {
      refused.emplace_back(t.id, g.error().message);
      continue;
    }
    if (!g) {
      auto e = g.error();
      e.field = e.field == "by" ? "--by" : e.field == "id" ? "--target" : e.field;
      return fail_with(e);
    }
    groups.push_back(std::move(*g));
  }
  if (!f.target.empty() && groups.empty()) {
    auto missing = atlas::app::target_groups(s, f.target, f.by, options);
    atlas::Error e = missing ? atlas::Error{atlas::ErrorCode::kNotFound, "no such target", {}, "--target"}
                             : missing.error();
    if (e.field == "id") e.field = "--target";
    return fail_with(e);
  }
  const auto lang = f.lang == "en" ? atlas::cli::Lang::kEn : atlas::cli::Lang::kZh;
  std::string text;
  if (f.json) {
    boost::json::array items;
    for (const auto& g : groups) {
      boost::json::object o = atlas::app::target_groups_json(g);
      o.emplace("target", g.check.id);
      items.emplace_back(std::move(o));
    }
    boost::json::array not_grouped;
    for (const auto& [id, why] : refused)
      not_grouped.emplace_back(boost::json::object{{"target", id}, {"reason", why}});
    text = boost::json::serialize(boost::json::object{{"plan", s.plan.id},
                                                      {"by", f.by},
                                                      {"targets", std::move(items)},
                                                      {"not_grouped", std::move(not_grouped)}}) +
           "\n";
  } else {
    text = atlas::cli::format_target_groups(groups, refused, lang);
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

int run_check(const CheckFlags& f) {
  const auto parsed_as_of = as_of_flag(f.as_of);
  if (!parsed_as_of) return parsed_as_of.error();
  const DayNumber as_of = *parsed_as_of;
  auto ws = atlas::app::Workspace::open(f.db);
  if (!ws) return fail_with(ws.error());
  say_if_seeded(*ws, f.db, "check");
  auto snapshot = ws->plan(f.plan);
  if (!snapshot) return fail_with(snapshot.error());
  if (!f.by.empty()) return run_check_by(**snapshot, f, as_of);
  auto report = atlas::app::check_targets(**snapshot, {as_of, !f.no_sample});
  if (!report) return fail_with(report.error());
  const auto lang = f.lang == "en" ? atlas::cli::Lang::kEn : atlas::cli::Lang::kZh;
  const std::string text = f.json ? atlas::app::check_report_json(*report, f.lang) + "\n"
                                  : atlas::cli::format_check(*report, lang);
  std::fwrite(text.data(), 1, text.size(), stdout);
  // The table shows every target; a script still learns that one of them could not be evaluated.
  const auto broken =
      std::ranges::count_if(report->targets, [](const auto& t) { return t.problem.has_value(); });
  if (broken == 0) return 0;
  fmt::print(stderr, "atlas check: {} target(s) could not be evaluated (status error / 无法评估)\n", broken);
  return 1;
}

struct ForecastFlags {
  std::string db = "atlas.db";
  std::string plan;
  std::string lang = "zh";
  std::string as_of;
  std::int64_t runs = atlas::app::kDefaultForecastRuns;
  std::uint64_t seed = atlas::app::kDefaultForecastSeed;
  unsigned threads = 0;
  bool json = false;
  bool no_sample = false;
  bool backtest = false;
};

// `atlas forecast`: how likely each target is to be met by its deadline (docs/forecast.md).
int run_forecast(const ForecastFlags& f) {
  const auto parsed_as_of = as_of_flag(f.as_of);
  if (!parsed_as_of) return parsed_as_of.error();
  const DayNumber as_of = *parsed_as_of;
  auto ws = atlas::app::Workspace::open(f.db);
  if (!ws) return fail_with(ws.error());
  say_if_seeded(*ws, f.db, "forecast");
  auto snapshot = ws->plan(f.plan);
  if (!snapshot) return fail_with(snapshot.error());
  atlas::app::ForecastOptions options;
  options.as_of = as_of;
  options.include_sample = !f.no_sample;
  options.runs = f.runs;
  options.seed = f.seed;
  options.threads = f.threads;
  const auto lang = f.lang == "en" ? atlas::cli::Lang::kEn : atlas::cli::Lang::kZh;
  if (f.backtest) {
    auto scored = atlas::app::backtest(**snapshot, options);
    if (!scored) {
      auto e = scored.error();
      if (e.field == "runs") e.field = "--runs";
      return fail_with(e);
    }
    const std::string text = f.json ? atlas::app::backtest_json(**snapshot, *scored) + "\n"
                                    : atlas::cli::format_backtest(*scored, lang);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  auto report = atlas::app::forecast_targets(**snapshot, options);
  if (!report) {
    auto e = report.error();
    if (e.field == "runs") e.field = "--runs";
    return fail_with(e);
  }
  const std::string text =
      f.json ? atlas::app::forecast_report_json(*report) + "\n" : atlas::cli::format_forecast(*report, lang);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

struct GapsFlags {
  std::string db = "atlas.db";
  std::string plan;
  std::string chain;
  std::string county;
  std::string lang = "zh";
  std::string as_of;
  bool json = false;
  bool no_sample = false;
  bool every_county = false;  // gaps --every-county: one row per county, all counties in one pass
};

// `atlas gaps`: the weak and missing links of the plan's chains (or one), for its region or a county.
int run_gaps(const GapsFlags& f) {
  const auto parsed_as_of = as_of_flag(f.as_of);
  if (!parsed_as_of) return parsed_as_of.error();
  const DayNumber as_of = *parsed_as_of;
  auto ws = atlas::app::Workspace::open(f.db);
  if (!ws) return fail_with(ws.error());
  say_if_seeded(*ws, f.db, "gaps");
  auto snapshot = ws->plan(f.plan);
  if (!snapshot) return fail_with(snapshot.error());
  const atlas::Snapshot& s = **snapshot;
  atlas::CountyId county;
  if (!f.county.empty()) {
    auto c = atlas::app::resolve_county(s, f.county, "--county");
    if (!c) return fail_with(c.error());
    county = *c;
  }
  std::vector<std::uint32_t> chains;
  if (!f.chain.empty()) {
    auto c = atlas::app::resolve_chain(s, f.chain, "--chain");
    if (!c) return fail_with(c.error());
    chains.push_back(*c);
  } else {
    for (std::uint32_t c = 0; c < s.chains.size(); ++c)
      chains.push_back(c);
  }
  if (chains.empty()) {
    fmt::print(stderr, "atlas gaps: plan {} has no chain ([[chain]] in its plan file)\n", s.plan.id);
    return 1;
  }
  atlas::Visibility vis;
  vis.as_of = as_of;
  vis.include_sample = !f.no_sample;
  const auto output = atlas::app::output_column(s, vis, atlas::app::default_year(as_of));
  if (f.every_county) {
    if (!f.county.empty()) {
      return fail_with(atlas::Error{atlas::ErrorCode::kInvalidArgument,
                                    "--every-county judges every county: leave out --county",
                                    {},
                                    "--county"});
    }
    const auto lang = f.lang == "en" ? atlas::cli::Lang::kEn : atlas::cli::Lang::kZh;
    std::string text;
    if (f.json) {
      boost::json::array items;
      for (std::uint32_t c : chains)
        items.emplace_back(atlas::app::chain_counties_json(s, vis, output, c));
      text = boost::json::serialize(boost::json::object{{"plan", s.plan.id},
                                                        {"as_of", atlas::date_of(as_of).to_string()},
                                                        {"include_sample", !f.no_sample},
                                                        {"chains", std::move(items)}}) +
             "\n";
    } else {
      for (std::uint32_t c : chains) {
        const auto every = atlas::engine::assess_chain_every_county(
            {s, vis, output.year, output.value, output.sample, false}, c);
        text += atlas::cli::format_gaps_every_county(s, every, lang);
      }
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  std::vector<atlas::engine::ChainAssessment> assessed;
  for (std::uint32_t c : chains)
    assessed.push_back(atlas::app::assess_chain(s, vis, output, c, county));
  std::string text;
  if (f.json) {
    boost::json::array items;
    const auto fed = atlas::app::targets_fed_by_projects(s, vis);
    for (const auto& a : assessed)
      items.emplace_back(atlas::app::chain_assessment_json(s, a, output, &fed));
    boost::json::object root{{"plan", s.plan.id},
                             {"as_of", atlas::date_of(as_of).to_string()},
                             {"include_sample", !f.no_sample},
                             {"chains", std::move(items)}};
    text = boost::json::serialize(root) + "\n";
  } else {
    text =
        atlas::cli::format_gaps(s, assessed, f.lang == "en" ? atlas::cli::Lang::kEn : atlas::cli::Lang::kZh);
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

struct CandidatesFlags {
  GapsFlags common;
  std::string link;
};

// The Snapshot, visibility and output column a chains command reads, or an exit code.
struct ChainsContext {
  std::shared_ptr<const atlas::Snapshot> snapshot;
  atlas::Visibility vis;
  atlas::CountyId county;
  atlas::app::OutputColumn output;
};

std::expected<ChainsContext, int> open_chains(const GapsFlags& f, std::string_view command) {
  const auto parsed_as_of = as_of_flag(f.as_of);
  if (!parsed_as_of) return std::unexpected(parsed_as_of.error());
  const DayNumber as_of = *parsed_as_of;
  auto ws = atlas::app::Workspace::open(f.db);
  if (!ws) return std::unexpected(fail_with(ws.error()));
  say_if_seeded(*ws, f.db, command);
  auto snapshot = ws->plan(f.plan);
  if (!snapshot) return std::unexpected(fail_with(snapshot.error()));
  ChainsContext ctx;
  ctx.snapshot = *snapshot;
  if (!f.county.empty()) {
    auto c = atlas::app::resolve_county(*ctx.snapshot, f.county, "--county");
    if (!c) return std::unexpected(fail_with(c.error()));
    ctx.county = *c;
  }
  ctx.vis.as_of = as_of;
  ctx.vis.include_sample = !f.no_sample;
  ctx.output = atlas::app::output_column(*ctx.snapshot, ctx.vis, atlas::app::default_year(as_of));
  return ctx;
}

// `atlas candidates LINK`: the outside firms to court for one link, ranked, with their reasons.
int run_candidates(const CandidatesFlags& f) {
  auto ctx = open_chains(f.common, "candidates");
  if (!ctx) return ctx.error();
  const atlas::Snapshot& s = *ctx->snapshot;
  auto link = atlas::app::resolve_link(s, f.link, "LINK");
  if (!link) return fail_with(link.error());
  const auto chain = atlas::app::assess_chain(s, ctx->vis, ctx->output, link->chain, ctx->county);
  const auto ranked = atlas::engine::rank_candidates(s, chain, link->link, ctx->vis);
  const std::string text =
      f.common.json ? boost::json::serialize(atlas::app::candidates_json(s, chain, link->link, ranked)) + "\n"
                    : atlas::cli::format_candidates(
                          s, chain, link->link, ranked,
                          f.common.lang == "en" ? atlas::cli::Lang::kEn : atlas::cli::Lang::kZh);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

struct CatalogueFlags {
  GapsFlags common;
  std::string kind;
  std::string out;
};

// `atlas catalogue`: the key-development or target-enterprise catalogue (§6(1)) as CSV, or as an
// XLSX workbook when --out ends in .xlsx; written whole under a temporary name and renamed, so a
// failed run leaves no half file.
int run_catalogue(const CatalogueFlags& f) {
  auto ctx = open_chains(f.common, "catalogue");
  if (!ctx) return ctx.error();
  auto sheet = atlas::app::catalogue_sheet(*ctx->snapshot, ctx->vis, ctx->output, ctx->county, f.kind);
  if (!sheet) return fail_with(sheet.error());
  const std::filesystem::path out(f.out);
  std::string extension = out.extension().string();
  std::ranges::transform(extension, extension.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool xlsx = extension == ".xlsx";
  if (xlsx) {
    if (auto written = atlas::io::write_xlsx(out, std::span(&*sheet, 1)); !written) {
      fmt::print(stderr, "atlas catalogue: --out: {}\n", written.error().message);
      return 1;
    }
  } else {
    const std::string csv = atlas::io::sheet_csv(*sheet);
    const std::filesystem::path tmp = out.string() + ".tmp";
    {
      std::FILE* file = std::fopen(tmp.c_str(), "wb");
      if (file == nullptr) {
        fmt::print(stderr, "atlas catalogue: --out: cannot write {}\n", tmp.string());
        return 1;
      }
      const bool ok = std::fwrite(csv.data(), 1, csv.size(), file) == csv.size();
      if (std::fclose(file) != 0 || !ok) {
        std::filesystem::remove(tmp);
        fmt::print(stderr, "atlas catalogue: --out: writing {} failed\n", tmp.string());
        return 1;
      }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, out, ec);
    if (ec) {
      std::filesystem::remove(tmp);
      fmt::print(stderr, "atlas catalogue: --out: {}: {}\n", out.string(), ec.message());
      return 1;
    }
  }
  fmt::print("atlas catalogue: wrote {} ({} {} row(s), {})\n", out.string(), sheet->rows.size(), f.kind,
             xlsx ? "XLSX" : "CSV");
  return 0;
}

struct ImportFlags {
  std::string db = "atlas.db";
  std::string plan;
  std::vector<std::string> files;
  bool skip_invalid = false;
};

// Import and export work on the database as it is: only `check` and `serve` seed an
// empty one with the embedded plan, so a clerk's own dataset never gets the default plan mixed in.
atlas::app::OpenOptions unseeded() {
  atlas::app::OpenOptions o;
  o.seed_if_empty = false;
  return o;
}

// Removes a database file (and SQLite's -wal and -shm beside it) that a refused import created:
// "nothing was written" then holds for the file system too, and no empty database is left for a
// later `check` to fill with the embedded plan.
void remove_created_database(const std::string& db) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(db + suffix, ignored);
}

int run_import(const ImportFlags& f) {
  const bool existed = std::filesystem::exists(f.db);
  std::optional<atlas::app::ImportReport> done;
  std::size_t errors = 0;
  {
    auto ws = atlas::app::Workspace::open(f.db, unseeded());
    if (!ws) return fail_with(ws.error());
    std::vector<std::filesystem::path> paths(f.files.begin(), f.files.end());
    auto report = ws->import_files(paths, {f.skip_invalid, f.plan, "atlas import"});
    // clang-tidy 14 reads std::expected only partly (scripts/tidy) and sees the branches alike.
    if (report) {  // NOLINT(bugprone-branch-clone)
      done = std::move(*report);
    } else {
      print_errors(report.error());
      errors = report.error().size();
    }
  }  // the database is closed here
  if (!done) {
    if (!existed) remove_created_database(f.db);
    fmt::print(stderr, "atlas import: {} error(s); nothing was written\n", errors);
    return 1;
  }
  const atlas::app::ImportReport* report = &*done;
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
  std::uint64_t inserted = 0;
  std::uint64_t updated = 0;
  for (const auto& t : report->applied.tables) {
    inserted += t.inserted;
    updated += t.updated;
  }
  fmt::print(
      "atlas import: {} record(s) read; {} new and {} changed written in one transaction (audit event {})\n",
      report->records, inserted, updated, report->applied.event_id);
  return 0;
}

int run_export(const std::string& db, const std::string& dir, const std::string& plan) {
  auto ws = atlas::app::Workspace::open(db, unseeded());
  if (!ws) return fail_with(ws.error());
  if (auto r = ws->export_to(dir, plan); !r) return fail_with(r.error());
  fmt::print("atlas export: wrote {}\n", dir);
  return 0;
}

// `atlas plans`: one line per plan of the database.
int run_plans(const std::string& db, bool json) {
  auto ws = atlas::app::Workspace::open(db, unseeded());
  if (!ws) return fail_with(ws.error());
  const auto plans = ws->plans();
  const std::string text = json ? atlas::cli::format_plans_json(*plans) : atlas::cli::format_plans(*plans);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

// `atlas user …` (docs/security.md): accounts. A password comes from standard input when it is
// not a terminal (one line), else it is asked for twice without echo.
struct UserFlags {
  std::string db = "atlas.db";
  std::string name;
  std::string role;
  std::string enterprise;
  bool json = false;
};

// One line of standard input, at most one byte over the longest password (so that a longer one is
// refused by its length, not read whole into memory); none at end of input.
std::optional<std::string> read_line() {
  std::string line;
  char c = 0;
  bool any = false;
  while (std::cin.get(c)) {
    any = true;
    if (c == '\n') break;
    if (line.size() <= atlas::app::kMaxPasswordBytes) line.push_back(c);
  }
  if (!any) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::optional<std::string> read_password(std::string_view who) {
  if (isatty(STDIN_FILENO) == 0) return read_line();
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  fmt::print(stderr, "Password for {}: ", who);
  std::optional<std::string> line = read_line();
  fmt::print(stderr, "\nAgain: ");
  const std::optional<std::string> again = read_line();
  fmt::print(stderr, "\n");
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  if (!line || !again) return std::nullopt;
  if (*line != *again) {
    fmt::print(stderr, "atlas user: the two passwords differ\n");
    return std::nullopt;
  }
  return line;
}

int run_user(const std::string& action, const UserFlags& f) {
  auto ws = atlas::app::Workspace::open(f.db);
  if (!ws) return fail_with(ws.error());
  atlas::Store& store = ws->store();
  const std::string actor = "atlas user " + action;
  if (action == "list") {
    auto users = store.users();
    if (!users) return fail_with(users.error());
    if (f.json) {
      boost::json::array out;
      for (const atlas::UserRecord& u : *users) {
        out.emplace_back(
            boost::json::object{{"name", u.name},
                                {"role", atlas::to_string(u.role)},
                                {"enterprise", u.enterprise.empty() ? boost::json::value(nullptr)
                                                                    : boost::json::value(u.enterprise)},
                                {"disabled", u.disabled},
                                {"created", u.created},
                                {"password_changed", u.password_changed}});
      }
      fmt::print("{}\n", boost::json::serialize(out));
      return 0;
    }
    fmt::print("{:<24} {:<11} {:<20} {:<9} {}\n", "name", "role", "enterprise", "state", "password changed");
    for (const atlas::UserRecord& u : *users) {
      fmt::print("{:<24} {:<11} {:<20} {:<9} {}\n", u.name, atlas::to_string(u.role),
                 u.enterprise.empty() ? "-" : u.enterprise, u.disabled ? "disabled" : "active",
                 u.password_changed);
    }
    return 0;
  }
  if (action == "disable" || action == "enable") {
    auto u = atlas::app::set_user_disabled(store, f.name, action == "disable", actor);
    if (!u) return fail_with(u.error());
    fmt::print("atlas user: {} {}d\n", u->name, action);
    return 0;
  }
  atlas::app::NewUser user;
  if (action == "add") {
    const auto role = atlas::parse_role(f.role);
    if (!role) {
      return fail_with(atlas::Error{
          atlas::ErrorCode::kInvalidValue, "--role is admin, analyst or enterprise", {}, "--role"});
    }
    user.role = *role;
    user.enterprise = f.enterprise;
    if (auto ok = atlas::app::check_user_name(f.name); !ok) return fail_with(ok.error());
  }
  if (action == "passwd") {
    auto known = store.find_user(f.name);
    if (!known) return fail_with(known.error());
    if (!*known) {
      return fail_with(
          atlas::Error{atlas::ErrorCode::kNotFound, "no user named \"" + f.name + "\"", {}, "name"});
    }
  }
  auto password = read_password(f.name);
  if (!password) {
    return fail_with(atlas::Error{atlas::ErrorCode::kMissingField, "no password given", {}, "password"});
  }
  if (action == "passwd") {
    auto u = atlas::app::set_password(store, f.name, *password, actor);
    if (!u) return fail_with(u.error());
    fmt::print("atlas user: the password of {} is changed\n", u->name);
    return 0;
  }
  user.name = f.name;
  user.password = *password;
  auto added = atlas::app::add_user(store, user, actor);
  if (!added) return fail_with(added.error());
  fmt::print("atlas user: added {} ({}{})\n", added->name, atlas::to_string(added->role),
             added->enterprise.empty() ? "" : ", enterprise " + added->enterprise);
  return 0;
}

int run_gen(const atlas::app::SyntheticOptions& options) {
  auto summary = atlas::app::generate_synthetic(options);
  if (!summary) return fail_with(summary.error());
  fmt::print("atlas gen: {} enterprises, {} observations, {} supply edges, {} counties, {} MB in {}\n",
             summary->enterprises, summary->observations, summary->supply_edges, summary->counties,
             summary->bytes / 1'000'000, options.out_dir.string());
  if (!summary->more_plans.empty()) {
    fmt::print("atlas gen: {} more plans over parts of the counties; import them after the directory:\n",
               summary->more_plans.size());
    fmt::print("  atlas import --db atlas.db {}\n", options.out_dir.string());
    for (const auto& plan : summary->more_plans)
      fmt::print("  atlas import --db atlas.db {}\n", plan.string());
  }
  return 0;
}

struct ServeFlags {
  std::string db = "atlas.db";
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 0;
  unsigned compute_threads = 0;
  std::size_t compute_queue = 128;
  unsigned reload_ms = 200;
  std::string web;
  bool no_access_log = false;
  std::string secure_cookie = "auto";
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

// The live reload's log lines (stderr, like the server's own).
atlas::app::WatchEvents reload_log() {
  atlas::app::WatchEvents events;
  events.rebuilding = [](std::int64_t stored, std::uint64_t published) {
    fmt::print(stderr, "atlas serve: data version {} committed (serving {}), rebuilding the Snapshot\n",
               stored, published);
  };
  events.published = [](const atlas::PlanSet& s, std::chrono::milliseconds took) {
    fmt::print(stderr, "atlas serve: published Snapshot version {} ({} plan(s)) in {} ms\n", s.version(),
               s.plans().size(), took.count());
  };
  events.failed = [](const atlas::Error& e) {
    fmt::print(stderr, "atlas serve: reload failed, still serving the previous Snapshot: {}\n",
               e.to_string());
  };
  return events;
}

atlas::server::ServerOptions server_options(const ServeFlags& f, const atlas::app::SnapshotWatcher& watcher) {
  atlas::server::ServerOptions options;
  options.listen = f.listen;
  options.threads = f.threads;
  options.compute_threads = f.compute_threads;
  options.compute_queue = f.compute_queue;
  options.static_root = web_root(f.web);
  options.access_log = !f.no_access_log;
  options.reload_status = [&watcher] {
    const auto s = watcher.status();
    return atlas::server::ReloadStatus{s.reloads, s.failures, s.store_version, s.failing};
  };
  return options;
}

int run_serve(const ServeFlags& f) {
  auto ws = atlas::app::Workspace::open(f.db);
  if (!ws) return fail_with(ws.error());
  say_if_seeded(*ws, f.db, "serve");

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // every thread started from here on inherits the mask

  // Publishes a new Snapshot after each import committed by another process (reload_ms 0: never).
  atlas::app::WatchOptions watch;
  watch.poll_interval = std::chrono::milliseconds(f.reload_ms);
  atlas::app::SnapshotWatcher watcher(std::move(*ws), watch, reload_log());
  const auto plans = [&watcher] { return watcher.current(); };
  // /healthz and /metrics describe the default plan (else the first): every plan has the same version.
  const auto snapshot = [&watcher] {
    const auto set = watcher.current();
    auto fallback = set->default_plan();
    return fallback ? fallback : set->plans().front();
  };
  // Sign-in and sessions on their own connection; every sign-in, refusal and lock-out is logged.
  atlas::app::SessionOptions session_options;
  session_options.log = [](std::string_view line) { fmt::print(stderr, "atlas serve: {}\n", line); };
  auto sessions = atlas::app::Sessions::open(f.db, std::move(session_options));
  if (!sessions) return fail_with(sessions.error());
  atlas::api::ApiOptions api_options;
  api_options.secure_cookie = f.secure_cookie == "always"  ? atlas::api::ApiOptions::SecureCookie::kAlways
                              : f.secure_cookie == "never" ? atlas::api::ApiOptions::SecureCookie::kNever
                                                           : atlas::api::ApiOptions::SecureCookie::kAuto;
  const atlas::api::Api api(atlas::api::ApiContext{plans, today, sessions->get()}, api_options);

  auto server = atlas::server::Server::start(api, snapshot, server_options(f, watcher));
  if (!server) return fail_with(server.error());
  fmt::print("Cluster Atlas serving {} on http://{}/\n", f.db, (*server)->address());
  // No account yet: a one-time link creates the first administrator (there is no default password).
  auto setup = (*sessions)->issue_setup_token();
  if (!setup) return fail_with(setup.error());
  if (*setup) {
    fmt::print(
        "No user exists yet. To create the first administrator, open this one-time link (it works once, "
        "until this server stops):\n  http://{}/setup#token={}\nor run: atlas user add NAME --role admin "
        "--db {}\n",
        (*server)->address(), **setup, f.db);
  }
  std::fflush(stdout);

  const int signal = wait_for_stop_signal(signals);
  fmt::print(stderr, "atlas serve: {} received, stopping (finishing requests in flight)\n",
             signal == SIGINT ? "SIGINT" : "SIGTERM");
  watcher.stop();
  (*server)->stop();
  (*server)->wait();
  fmt::print(stderr, "atlas serve: stopped\n");
  return 0;
}

int run(int argc, char** argv) {
  CLI::App app{
      "Cluster Atlas — a region's industrial-cluster development plan as live data: its targets, key "
      "projects and chains",
      "atlas"};
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
  c->add_option("--plan", check.plan,
                "The plan to check (default: the default or only plan; see `atlas plans`)");
  c->add_flag("--json", check.json, "Print JSON instead of a table");
  c->add_flag("--no-sample", check.no_sample, "Leave out illustrative (sample) data");
  c->add_option(
      "--by", check.by,
      "Break each target down by a field: county, zone, segment, class, subsystem, category (enterprise "
      "targets); county, zone, type (project targets)");
  c->add_option("--target", check.target, "With --by: only this target");

  ForecastFlags forecast;
  auto* fc = app.add_subcommand(
      "forecast",
      "How likely each target is to be met by its deadline: probability and P10/P50/P90 (Monte Carlo)");
  fc->add_option("--db", forecast.db, "Database file (created and seeded with the embedded plan if empty)")
      ->capture_default_str();
  fc->add_option("--plan", forecast.plan, "The plan (default: the default or only plan; see `atlas plans`)");
  fc->add_option("--as-of", forecast.as_of,
                 "Forecast from what was known at this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  fc->add_option("--runs", forecast.runs, "Monte Carlo runs (1 to 1000000)")->capture_default_str();
  fc->add_option("--seed", forecast.seed, "Random seed: the same seed gives the same numbers")
      ->capture_default_str();
  fc->add_option("--threads", forecast.threads, "Threads (0: one per core; the numbers do not depend on it)")
      ->capture_default_str();
  fc->add_option("--lang", forecast.lang, "Language of titles: zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  fc->add_flag("--json", forecast.json, "Print JSON (the API's shape) instead of a table");
  fc->add_flag("--no-sample", forecast.no_sample, "Leave out illustrative (sample) data");
  fc->add_flag("--backtest", forecast.backtest,
               "Forecast from each past mid-year and year-end and score against what the figures showed: "
               "P10–P90 coverage, MAPE, Brier (up to --as-of)");

  GapsFlags gaps;
  auto* gp = app.add_subcommand("gaps",
                                "Strong, weak and missing links of the plan's chains, with the evidence and "
                                "the projects that fill them");
  gp->add_option("--db", gaps.db, "Database file (created and seeded with the embedded plan if empty)")
      ->capture_default_str();
  gp->add_option("--plan", gaps.plan, "The plan (default: the default or only plan; see `atlas plans`)");
  gp->add_option("--chain", gaps.chain, "One chain of the plan (default: every chain)");
  gp->add_option("--county", gaps.county,
                 "Judge the links for one county of the plan (default: its whole region)");
  gp->add_option("--as-of", gaps.as_of, "Use only what was known at this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  gp->add_option("--lang", gaps.lang, "Language of names and evidence: zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  gp->add_flag("--json", gaps.json, "Print JSON (the API's shape) instead of a table");
  gp->add_flag("--no-sample", gaps.no_sample, "Leave out illustrative (sample) data");
  gp->add_flag("--every-county", gaps.every_county,
               "One row per county: links made locally, strong / weak / missing, the first gaps (one pass)");

  const auto chains_options = [](CLI::App* cmd, GapsFlags& flags) {
    cmd->add_option("--db", flags.db, "Database file (created and seeded with the embedded plan if empty)")
        ->capture_default_str();
    cmd->add_option("--plan", flags.plan, "The plan (default: the default or only plan; see `atlas plans`)");
    cmd->add_option("--county", flags.county,
                    "Judge the links for one county (default: the plan's whole region)");
    cmd->add_option("--as-of", flags.as_of,
                    "Use only what was known at this date (YYYY, YYYY-MM or YYYY-MM-DD)");
    cmd->add_flag("--no-sample", flags.no_sample, "Leave out illustrative (sample) data");
  };
  CandidatesFlags candidates;
  auto* cd = app.add_subcommand(
      "candidates",
      "The outside firms to court for one chain link, ranked, each with the reasons for its score");
  cd->add_option("link", candidates.link, "The link: LINK, or CHAIN/LINK when several chains have it")
      ->required();
  chains_options(cd, candidates.common);
  cd->add_option("--lang", candidates.common.lang, "Language of names and reasons: zh or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  cd->add_flag("--json", candidates.common.json, "Print JSON (the API's shape) instead of a table");

  CatalogueFlags catalogue;
  auto* cg = app.add_subcommand(
      "catalogue",
      "Write the key-development or the target-enterprise catalogue (plan §6(1)) as CSV or XLSX");
  cg->add_option("--kind", catalogue.kind,
                 "key-development (weak and missing links) or target-enterprise (candidates)")
      ->required()
      ->check(CLI::IsMember({"key-development", "target-enterprise"}));
  cg->add_option(
        "--out", catalogue.out,
        "The file to write: F.xlsx an Excel workbook, anything else CSV (UTF-8 with a byte-order mark)")
      ->required();
  chains_options(cg, catalogue.common);

  ImportFlags import;
  auto* i = app.add_subcommand("import", "Validate CSV tables / plan TOML and write them in one transaction");
  i->add_option("files", import.files, "CSV files, plan TOML files or directories of them")->required();
  i->add_option("--db", import.db, "Database file")->capture_default_str();
  i->add_flag("--skip-invalid", import.skip_invalid, "Write the valid rows and list the rejected ones");
  i->add_option("--plan", import.plan,
                "The plan that CSV tables without a plan file belong to (default: the database's only plan)");

  std::string export_db = "atlas.db";
  std::string export_dir;
  std::string export_plan;
  auto* e = app.add_subcommand("export", "Write the database back as plan TOML + CSV tables");
  e->add_option("dir", export_dir, "Output directory")->required();
  e->add_option("--db", export_db, "Database file")->capture_default_str();
  e->add_option("--plan", export_plan, "The plan to write (default: the default or only plan)");

  std::string plans_db = "atlas.db";
  bool plans_json = false;
  auto* p = app.add_subcommand("plans", "List the plans of the database: id, title, years, scope, default");
  p->add_option("--db", plans_db, "Database file")->capture_default_str();
  p->add_flag("--json", plans_json, "Print JSON instead of a table");

  atlas::app::SyntheticOptions gen;
  std::string gen_dir;
  auto* g = app.add_subcommand("gen", "Write a synthetic dataset of any size (for benchmarks and demos)");
  g->add_option("--enterprises", gen.enterprises, "Number of enterprises")->capture_default_str();
  g->add_option("--seed", gen.seed, "Random seed (same seed, same files)")->capture_default_str();
  g->add_option("--plans", gen.plans,
                "Plans over the one register: the directory's plan over every county (the default) and "
                "plans-1 city plans over runs of them, in DIR/more-plans/")
      ->capture_default_str();
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
  s->add_option("--threads", serve.threads,
                "I/O threads: connections, /healthz, /metrics, files (0: one per core)")
      ->envname("ATLAS_THREADS")
      ->capture_default_str();
  s->add_option("--compute-threads", serve.compute_threads,
                "Threads that compute /api answers (0: one per core)")
      ->envname("ATLAS_COMPUTE_THREADS")
      ->capture_default_str();
  s->add_option("--compute-queue", serve.compute_queue,
                "/api requests that may wait for a compute thread; more get 503 + Retry-After")
      ->envname("ATLAS_COMPUTE_QUEUE")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20))
      ->capture_default_str();
  s->add_option("--reload-ms", serve.reload_ms,
                "How often to look for an import committed by another process, in ms (0: never)")
      ->envname("ATLAS_RELOAD_MS")
      ->capture_default_str();
  s->add_option("--web", serve.web, "Directory of the built web app (default: web/dist)")
      ->envname("ATLAS_WEB");
  s->add_flag("--no-access-log", serve.no_access_log, "Do not log one line per request");
  s->add_option("--secure-cookie", serve.secure_cookie,
                "Mark the session cookie Secure: auto (when a TLS proxy sends X-Forwarded-Proto: https), "
                "always, never")
      ->envname("ATLAS_SECURE_COOKIE")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();

  UserFlags user;
  auto* us = app.add_subcommand("user", "Accounts: add, list, disable, enable, passwd (docs/security.md)");
  us->require_subcommand(1);
  const auto user_db = [&user](CLI::App* cmd) {
    cmd->add_option("--db", user.db, "Database file (created and seeded with the embedded plan if empty)")
        ->capture_default_str();
  };
  auto* ua = us->add_subcommand("add", "Add a user; the password is read from standard input (or asked for)");
  ua->add_option("name", user.name, "User name: 2–64 of a-z 0-9 . _ - @")->required();
  ua->add_option("--role", user.role, "admin, analyst or enterprise")
      ->required()
      ->check(CLI::IsMember({"admin", "analyst", "enterprise"}));
  ua->add_option("--enterprise", user.enterprise, "An enterprise user's enterprise (its id)");
  user_db(ua);
  auto* ul = us->add_subcommand("list", "Every user: name, role, enterprise, state (never a password)");
  ul->add_flag("--json", user.json, "Print JSON");
  user_db(ul);
  auto* ud = us->add_subcommand("disable", "Stop a user from signing in");
  ud->add_option("name", user.name, "User name")->required();
  user_db(ud);
  auto* ue = us->add_subcommand("enable", "Let a disabled user sign in again");
  ue->add_option("name", user.name, "User name")->required();
  user_db(ue);
  auto* up = us->add_subcommand("passwd", "Set a user's password (read from standard input, or asked for)");
  up->add_option("name", user.name, "User name")->required();
  user_db(up);

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
  if (gp->parsed()) return run_gaps(gaps);
  if (fc->parsed()) return run_forecast(forecast);
  if (cd->parsed()) return run_candidates(candidates);
  if (cg->parsed()) return run_catalogue(catalogue);
  if (i->parsed()) return run_import(import);
  if (e->parsed()) return run_export(export_db, export_dir, export_plan);
  if (p->parsed()) return run_plans(plans_db, plans_json);
  if (s->parsed()) return run_serve(serve);
  for (CLI::App* cmd : {ua, ul, ud, ue, up}) {
    if (cmd->parsed()) return run_user(cmd->get_name(), user);
  }
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
