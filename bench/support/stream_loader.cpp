#include "support/stream_loader.hpp"

#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/csv.hpp"
#include "io/dataset_reader.hpp"
#include "model/units.hpp"

namespace atlas::bench {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "atlas bench: %s\n", message.c_str());
  std::exit(2);
}

// A read-only mapping of a whole file.
class Mapping {
 public:
  explicit Mapping(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) die(fmt::format("cannot open {}", path.string()));
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) data_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (data_ == MAP_FAILED) die(fmt::format("cannot map {}", path.string()));
    if (size_ > 0) ::madvise(data_, size_, MADV_SEQUENTIAL);
  }
  ~Mapping() {
    if (size_ > 0) ::munmap(data_, size_);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  [[nodiscard]] std::string_view text() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

// Column positions by header name.
class Columns {
 public:
  explicit Columns(std::span<const std::string_view> header) : names_(header.begin(), header.end()) {}
  [[nodiscard]] std::size_t at(std::string_view name) const {
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == name) return i;
    }
    return kAbsent;
  }
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

 private:
  std::vector<std::string> names_;
};

std::string_view cell(std::span<const std::string_view> row, std::size_t column) {
  return column < row.size() ? row[column] : std::string_view();
}

void split_list(std::string_view text, std::vector<std::string>& out) {
  out.clear();
  while (!text.empty()) {
    const auto end = std::min(text.find(';'), text.size());
    if (end > 0) out.emplace_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return text == "true" || text == "1";
}

std::int64_t parse_value(std::string_view text, const io::CsvReader& reader) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && end == text.data() + text.size()) return value;
  auto amount = parse_amount(text);
  if (!amount) die(fmt::format("{}:{}: {}", reader.file(), reader.line(), amount.error().to_string()));
  return *amount;
}

template <class RowFn>
void for_each_row(const fs::path& path, RowFn on_row) {
  const Mapping file(path);
  io::CsvReader reader(file.text(), path.string());
  auto first = reader.next();
  if (!first || !*first) die(fmt::format("{}: no header", path.string()));
  const Columns columns(reader.fields());
  for (;;) {
    auto more = reader.next();
    if (!more) die(more.error().to_string());
    if (!*more) break;
    on_row(columns, reader);
  }
}

enum EnterpriseColumn : std::size_t {
  kId,
  kCreditCode,
  kNameZh,
  kNameEn,
  kCounty,
  kZone,
  kSegment,
  kAboveSize,
  kHighTech,
  kClasses,
  kProcesses,
  kCertifications,
  kCustomers,
  kEmployees,
  kGroup,
  kEnterpriseProvenance,
  kEnterpriseColumns
};
constexpr std::array<std::string_view, kEnterpriseColumns> kEnterpriseNames = {
    "id",        "credit_code", "name_zh",   "name_en",   "county",    "zone",
    "segment",   "above_size",  "high_tech", "classes",   "processes", "certifications",
    "customers", "employees",   "group",     "provenance"};

enum ObservationColumn : std::size_t {
  kEnterprise,
  kMetric,
  kPeriod,
  kValue,
  kProvenance,
  kObservationColumns
};
constexpr std::array<std::string_view, kObservationColumns> kObservationNames = {
    "enterprise", "metric", "period", "value", "provenance"};

// The position of each named column, looked up once per file.
template <std::size_t N>
std::array<std::size_t, N> positions(const Columns& c, const std::array<std::string_view, N>& names) {
  std::array<std::size_t, N> out{};
  for (std::size_t i = 0; i < N; ++i)
    out[i] = c.at(names[i]);
  return out;
}

void stream_enterprises(const fs::path& path, SnapshotBuilder& builder) {
  EnterpriseRecord r;
  std::optional<std::array<std::size_t, kEnterpriseColumns>> at;
  for_each_row(path, [&](const Columns& c, const io::CsvReader& reader) {
    if (!at) at = positions(c, kEnterpriseNames);
    const auto row = reader.fields();
    const auto get = [&](EnterpriseColumn column) { return cell(row, (*at)[column]); };
    r.id = get(kId);
    r.credit_code = get(kCreditCode);
    r.name = {std::string(get(kNameZh)), std::string(get(kNameEn))};
    r.county = get(kCounty);
    r.zone = get(kZone);
    r.segment = get(kSegment);
    r.above_size = parse_bool(get(kAboveSize));
    r.high_tech = parse_bool(get(kHighTech));
    split_list(get(kClasses), r.classes);
    split_list(get(kProcesses), r.processes);
    split_list(get(kCertifications), r.certifications);
    split_list(get(kCustomers), r.customers);
    const auto employees = get(kEmployees);
    r.employees = employees.empty() ? std::nullopt : std::optional(parse_value(employees, reader));
    r.group = get(kGroup);
    r.provenance = get(kEnterpriseProvenance);
    if (auto added = builder.add_enterprise(r); !added) {
      die(fmt::format("{}:{}: {}", reader.file(), reader.line(), added.error().to_string()));
    }
  });
}

void stream_observations(const fs::path& path, SnapshotBuilder& builder) {
  ObservationRecord r;
  std::optional<std::array<std::size_t, kObservationColumns>> at;
  for_each_row(path, [&](const Columns& c, const io::CsvReader& reader) {
    if (!at) at = positions(c, kObservationNames);
    const auto row = reader.fields();
    const auto get = [&](ObservationColumn column) { return cell(row, (*at)[column]); };
    r.enterprise = get(kEnterprise);
    r.metric = get(kMetric);
    auto period = parse_period(get(kPeriod));
    if (!period) die(fmt::format("{}:{}: {}", reader.file(), reader.line(), period.error().to_string()));
    r.period = *period;
    r.value = parse_value(get(kValue), reader);
    r.provenance = get(kProvenance);
    if (auto added = builder.add_observation(r); !added) {
      die(fmt::format("{}:{}: {}", reader.file(), reader.line(), added.error().to_string()));
    }
  });
}

}  // namespace

std::shared_ptr<const Snapshot> stream_snapshot(const fs::path& dir) {
  std::vector<fs::path> small;
  for (const auto name : io::table_file_names()) {
    if (name != "enterprises.csv" && name != "observations.csv" && fs::exists(dir / name))
      small.push_back(dir / name);
  }
  for (const auto& entry : fs::directory_iterator(dir / "plans"))
    small.push_back(entry.path());
  auto read = io::read_dataset(small);
  if (!read) {
    std::string message = fmt::format("cannot read {}:", dir.string());
    for (const auto& e : read.error())
      message += "\n  " + e.to_string();
    die(message);
  }
  // The builder takes the small tables whole but supply edges one by one, once the enterprises
  // they name are in.
  const std::vector<SupplyEdgeRecord> edges = std::move(read->data.supply_edges);
  SnapshotBuilder builder(std::move(read->data), 0);
  stream_enterprises(dir / "enterprises.csv", builder);
  stream_observations(dir / "observations.csv", builder);
  for (const SupplyEdgeRecord& edge : edges) {
    if (auto added = builder.add_supply_edge(edge); !added)
      die(fmt::format("{}: {}", (dir / "supply_edges.csv").string(), added.error().to_string()));
  }
  auto snapshot = std::move(builder).finish();
  if (!snapshot) die(snapshot.error().to_string());
  return *snapshot;
}

}  // namespace atlas::bench
