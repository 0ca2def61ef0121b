#include "app/synthetic.hpp"

#include <system_error>

#include <fmt/format.h>

#include "app/internal/synthetic_tables.hpp"
#include "app/internal/synthetic_world.hpp"

namespace atlas::app {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMaxEnterprises = 9'999'999;  // ids are e0000001 … e9999999
constexpr int kFirstYear = 1990;
constexpr std::uint64_t kMaxPlans = 64;
constexpr int kLastYear = 2100;

Result<void> validate(const SyntheticOptions& o) {
  if (o.enterprises < 1 || o.enterprises > kMaxEnterprises) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("enterprises must be between 1 and {}, not {}", kMaxEnterprises, o.enterprises),
                "enterprises");
  }
  if (o.first_year < kFirstYear || o.last_year > kLastYear || o.first_year > o.last_year ||
      o.last_year - o.first_year + 1 > internal::kMaxYears) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("years {}..{} must lie within {}..{} and span 1 to {} years", o.first_year,
                            o.last_year, kFirstYear, kLastYear, internal::kMaxYears),
                "years");
  }
  if (o.out_dir.empty()) return fail(ErrorCode::kInvalidArgument, "no output directory given", "out_dir");
  if (o.plans < 1 || o.plans > kMaxPlans) {
    return fail(ErrorCode::kInvalidArgument,
                fmt::format("plans must be between 1 and {}, not {}", kMaxPlans, o.plans), "plans");
  }
  return {};
}

std::uint64_t total_bytes(const SyntheticSummary& s) {
  std::uint64_t bytes = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(s.table_dir, ec)) {
    if (entry.is_regular_file(ec) && entry.path().extension() == ".csv") bytes += entry.file_size(ec);
  }
  bytes += fs::file_size(s.plan_file, ec);
  for (const auto& p : s.more_plans)
    bytes += fs::file_size(p, ec);
  return bytes;
}

}  // namespace

Result<SyntheticSummary> generate_synthetic(const SyntheticOptions& options) {
  if (auto r = validate(options); !r) return std::unexpected(r.error());
  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (ec) {
    return fail(ErrorCode::kIo, fmt::format("cannot create {}: {}", options.out_dir.string(), ec.message()),
                "out_dir");
  }
  const auto world = internal::make_world(options);
  SyntheticSummary summary;
  summary.table_dir = options.out_dir;
  const auto& dir = options.out_dir;
  if (auto r = internal::write_reference_tables(world, dir, summary); !r) return std::unexpected(r.error());
  auto totals = internal::write_enterprises(world, dir, summary);
  if (!totals) return std::unexpected(totals.error());
  if (auto r = internal::write_facts(world, *totals, dir, summary); !r) return std::unexpected(r.error());
  if (auto r = internal::write_records(world, dir, summary); !r) return std::unexpected(r.error());
  if (auto r = internal::write_supply_edges(world, dir, summary); !r) return std::unexpected(r.error());
  if (auto r = internal::write_plans(world, *totals, dir, summary); !r) return std::unexpected(r.error());
  summary.bytes = total_bytes(summary);
  return summary;
}

}  // namespace atlas::app
