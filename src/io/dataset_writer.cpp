#include "io/dataset_writer.hpp"

#include <system_error>

#include "io/csv.hpp"
#include "io/internal/atomic_file.hpp"
#include "io/internal/cells.hpp"
#include "io/internal/tables.hpp"
#include "io/plan_file.hpp"

namespace atlas::io {
namespace {

Result<void> make_folder(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    return fail(ErrorCode::kIo, "cannot create the folder: " + ec.message(), {}, Location{dir.string()});
  return {};
}

Result<void> write_csv_file(const Dataset& data, internal::TableKind kind,
                            const std::filesystem::path& path) {
  auto file = internal::AtomicFile::create(path);
  if (!file) return std::unexpected(std::move(file.error()));
  std::string buffer;
  CsvWriter writer(buffer, [&](std::string_view bytes) { file->append(bytes); });
  internal::write_csv(kind, data, writer);
  writer.finish();
  return file->commit();
}

}  // namespace

Result<void> write_dataset(const Dataset& data, const std::filesystem::path& dir) {
  if (auto made = make_folder(dir); !made) return made;
  if (has_plan(data)) {
    const std::filesystem::path plans = dir / "plans";
    if (auto made = make_folder(plans); !made) return made;
    // Only a slug becomes a file name: an id from elsewhere never escapes the folder.
    const std::string stem = internal::is_slug(data.plan.id) ? data.plan.id : std::string("plan");
    if (auto written = internal::write_file_atomically(plans / (stem + ".toml"), write_plan(data)); !written)
      return written;
    // Its boundary map beside it, as imported (compact): a plan directory reads back whole.
    if (!data.plan.map.empty()) {
      if (auto written = internal::write_file_atomically(plans / (stem + ".geojson"), data.plan.map);
          !written)
        return written;
    }
  }
  for (std::string_view name : internal::csv_file_names()) {
    const internal::TableKind kind = *internal::table_of_file_name(name);
    if (auto written = write_csv_file(data, kind, dir / name); !written) return written;
  }
  return {};
}

Result<std::string> write_table(const Dataset& data, std::string_view file_name) {
  const auto kind = internal::table_of_file_name(file_name);
  if (!kind) {
    return fail(ErrorCode::kInvalidArgument, "'" + std::string(file_name) + "' is not a table file name");
  }
  std::string out;
  CsvWriter writer(out);
  internal::write_csv(*kind, data, writer);
  return out;
}

}  // namespace atlas::io
