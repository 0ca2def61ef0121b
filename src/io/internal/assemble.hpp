// The end of a read: validation, dropping bad rows (kSkipInvalid) and handing out the records.
#pragma once

#include "io/dataset_reader.hpp"
#include "io/internal/workspace.hpp"

namespace atlas::io::internal {

/// Validates the workspace. kAllOrNothing: any issue fails the read with every error, sorted by
/// file and position. kSkipInvalid: file-level issues fail the read; otherwise rows with issues are
/// dropped (and rows that referred to them, until nothing changes) and listed as rejected.
/// Consumes the workspace's records.
[[nodiscard]] ReadResult finish(Workspace& ws, const ReadOptions& options);

}  // namespace atlas::io::internal
