// Diagnostic collection and clang-style rendering.
#include "base/diag.h"

#include <fmt/format.h>

namespace dp::base {

const char* DiagKindName(DiagKind kind) {
  static const char* const kNames[] = {
#define DP_DIAG(Name) #Name,
#include "base/diag_kinds.def"
#undef DP_DIAG
  };
  return kNames[static_cast<size_t>(kind)];
}

void DiagSink::Add(Diag diag) {
  if (diag.severity == Severity::Error) ++error_count_;
  diags_.push_back(std::move(diag));
}

void DiagSink::Error(DiagKind kind, Span span, std::string message, std::vector<DiagNote> notes) {
  Add(Diag{kind, Severity::Error, span, std::move(message), std::move(notes)});
}

void DiagSink::Clear() {
  diags_.clear();
  error_count_ = 0;
}

namespace {

const char* SeverityWord(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// Counts code points in a byte range of a line (for caret placement).
uint32_t CodePoints(std::string_view text) {
  uint32_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

void RenderLocated(const SourceManager& sources, Span span, Severity severity, const std::string& message,
                   bool color, std::string& out) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  const char* sev_color = !color ? "" : severity == Severity::Error ? "\x1b[31m" : severity == Severity::Warning ? "\x1b[33m" : "\x1b[36m";
  if (span.begin.file == 0 || span.begin.file >= sources.size()) {
    out += fmt::format("{}{}{}: {}\n", sev_color, SeverityWord(severity), reset, message);
    return;
  }
  const SourceFile& file = sources.Get(span.begin.file);
  LineCol pos = file.Position(span.begin.offset);
  out += fmt::format("{}{}:{}:{}: {}{}{}: {}{}\n", bold, file.path(), pos.line, pos.column, sev_color,
                     SeverityWord(severity), reset, message, reset);
  std::string_view line = file.Line(pos.line);
  std::string gutter = std::to_string(pos.line);
  out += fmt::format(" {} | ", gutter);
  for (char c : line) out += (c == '\t') ? ' ' : c;
  out += '\n';
  out += fmt::format(" {} | ", std::string(gutter.size(), ' '));
  out += std::string(pos.column - 1, ' ');
  // Underline the span, clipped to the end of its first line.
  uint32_t col0 = pos.column - 1;
  uint32_t remaining = CodePoints(line) > col0 ? CodePoints(line) - col0 : 0;
  std::string_view spanned(file.text().data() + span.begin.offset,
                           std::min<size_t>(span.length, file.text().size() - span.begin.offset));
  uint32_t width = std::max<uint32_t>(1, std::min<uint32_t>(CodePoints(spanned), remaining == 0 ? 1 : remaining));
  out += sev_color;
  out += '^';
  out += std::string(width - 1, '~');
  out += reset;
  out += '\n';
}

}  // namespace

std::string Render(const SourceManager& sources, const Diag& diag, bool color) {
  std::string out;
  RenderLocated(sources, diag.span, diag.severity, diag.message, color, out);
  for (const DiagNote& note : diag.notes) {
    if (note.span.begin.file == 0) {
      out += fmt::format("note: {}\n", note.message);
    } else {
      RenderLocated(sources, note.span, Severity::Note, note.message, color, out);
    }
  }
  return out;
}

std::string RenderAll(const SourceManager& sources, const DiagSink& sink, bool color) {
  std::string out;
  for (const Diag& diag : sink.diags()) out += Render(sources, diag, color);
  return out;
}

}  // namespace dp::base
