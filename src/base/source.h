// Source files and locations. A location is a byte offset into a file; line and
// column are computed only when a diagnostic is printed (esbuild's Loc, Ninja's Lexer::Error).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dp::base {

/// Identifies a file registered in a SourceManager; 0 is "no file".
using FileId = uint32_t;

/// A byte offset in one file.
struct Loc {
  FileId file = 0;
  uint32_t offset = 0;
};

/// A range of bytes in one file.
struct Span {
  Loc begin;
  uint32_t length = 0;
};

/// 1-based line and column; columns count code points, as editors do.
struct LineCol {
  uint32_t line = 0;
  uint32_t column = 0;
};

/// One loaded file: its display path, its text and an index of line starts.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  /// Line and column of a byte offset (offsets past the end clamp to the end).
  LineCol Position(uint32_t offset) const;
  /// The text of a 1-based line, without its line terminator.
  std::string_view Line(uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

/// Owns every loaded file; FileIds index into it. Files are never removed, so
/// references returned by Get stay valid for the manager's lifetime.
class SourceManager {
 public:
  SourceManager();
  FileId Add(std::string path, std::string text);
  const SourceFile& Get(FileId id) const { return *files_.at(id); }
  size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace dp::base
