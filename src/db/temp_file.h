// Internal: a private temp file holding PEM text for client libraries that only take paths.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace dp::db {

/// A 0600 file in $TMPDIR (or /tmp), removed when this goes out of scope.
class TempFile {
 public:
  TempFile() = default;
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  /// Creates the file with `contents`.
  base::Result<void> Write(std::string_view contents);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// SQLite's text rendering of a REAL ("%!.15g": 1.0 -> "1.0", 0.1 -> "0.1", 1e+20 -> "1.0e+20").
std::string SqliteRealText(double value);

}  // namespace dp::db
