#pragma once
// What a worker that writes a signed PDF (Report…, the statistics PDF) hands
// back to the UI thread: where it wrote, and app/report's result.
#include <filesystem>

#include "safehold/report/error.hpp"

namespace safehold::appmodel {

template <class W>
struct WrittenFile {
  std::filesystem::path target;
  report::ReportResult<W> result;
};

}  // namespace safehold::appmodel
