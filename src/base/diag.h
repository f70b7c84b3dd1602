// Diagnostics for source errors: kinds, a sink that collects them, and a renderer in
// clang/esbuild style ("file:line:col: error: message", the source line, a caret).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/source.h"

namespace dp::base {

enum class DiagKind : uint16_t {
#define DP_DIAG(Name) Name,
#include "base/diag_kinds.def"
#undef DP_DIAG
};

/// The kind's name as written in diag_kinds.def.
const char* DiagKindName(DiagKind kind);

enum class Severity : uint8_t { Error, Warning, Note };

struct DiagNote {
  Span span;  // file 0 means "no location"
  std::string message;
};

struct Diag {
  DiagKind kind = DiagKind::EvalError;
  Severity severity = Severity::Error;
  Span span;
  std::string message;
  std::vector<DiagNote> notes;
};

/// Collects diagnostics; stages report into it instead of throwing.
class DiagSink {
 public:
  void Add(Diag diag);
  void Error(DiagKind kind, Span span, std::string message, std::vector<DiagNote> notes = {});
  bool has_errors() const { return error_count_ > 0; }
  const std::vector<Diag>& diags() const { return diags_; }
  void Clear();

 private:
  std::vector<Diag> diags_;
  size_t error_count_ = 0;
};

/// Renders one diagnostic:
///   path:12:9: error: message
///      12 |   name: vachar('name'),
///         |         ^~~~~~
///   note: ...
/// With color=true, uses ANSI colors for the severity and caret.
std::string Render(const SourceManager& sources, const Diag& diag, bool color = false);

/// Renders every diagnostic of a sink, each ending in a newline.
std::string RenderAll(const SourceManager& sources, const DiagSink& sink, bool color = false);

}  // namespace dp::base
