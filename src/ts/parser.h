// The TypeScript parser: one module's source text to an Ast (ast.h). Type syntax is parsed
// and dropped; JSX, decorators and a few other constructs are reported as unsupported.
#pragma once

#include <optional>
#include <string>

#include "base/diag.h"
#include "base/source.h"
#include "ts/ast.h"

namespace dp::ts {

/// Parses one module. On a syntax error, reports a diagnostic (file:line:col with the source line and caret)
/// to `diags` and returns nullopt (abort with an internal ParseAbort exception caught only at this entry point).
/// The dialect follows the file name: .js/.mjs/.cjs/.jsx parse as JavaScript (no type syntax); anything else
/// as TypeScript. In .tsx/.jsx files `<` in expression position is JSX, which is unsupported.
std::optional<Ast> ParseModule(const base::SourceManager& sources, base::FileId file, base::DiagSink& diags);

/// A stable S-expression dump of the tree for golden tests, e.g. `(const (id x) (num 1))`.
/// With `spans`, every node is suffixed with `@start+length` (byte offsets).
std::string DumpAst(const Ast& ast, bool spans = false);

/// The tokens of a file, one per line (`line:col Kind "text" [value]`), for golden tests. Regex and
/// template continuation are decided from the previous token (as a parser would). On a lexical
/// error, reports it to `diags` and the dump ends there.
std::string DumpTokens(const base::SourceManager& sources, base::FileId file, base::DiagSink& diags);

}  // namespace dp::ts
