// TempFile for PEM material, and SQLite's REAL text rendering for the HTTP drivers.
#include "db/temp_file.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace dp::db {

TempFile::~TempFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

base::Result<void> TempFile::Write(std::string_view contents) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::string pattern = fmt::format("{}/drizzle-push-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
  int fd = ::mkstemp(pattern.data());  // mkstemp creates the file 0600
  if (fd < 0) return base::Fail("cannot create a temp file in {}: {}", pattern, std::strerror(errno));
  path_ = pattern;
  size_t written = 0;
  while (written < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return base::Fail("cannot write {}: {}", path_, std::strerror(errno));
    }
    written += static_cast<size_t>(n);
  }
  ::close(fd);
  return {};
}

std::string SqliteRealText(double value) {
  if (std::isnan(value)) return "NaN";  // SQLite stores NaN as NULL; keep something visible
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  std::string text = fmt::format("{:.15g}", value);
  // SQLite's '!' flag: always show a decimal point ("1.0", "1.0e+20").
  if (text.find_first_of(".e") == std::string::npos) {
    text += ".0";
  } else if (size_t e = text.find('e'); e != std::string::npos && text.find('.') == std::string::npos) {
    text.insert(e, ".0");
  }
  return text;
}

}  // namespace dp::db
