// Helpers for the lexer and parser tests: parse a string and get its dump or its rendered error.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "base/diag.h"
#include "base/source.h"
#include "ts/parser.h"

namespace dp::ts::testing {

/// DumpAst of `source` without the final newline, or the rendered diagnostic if it fails.
inline std::string ParseDump(std::string_view source, std::string path = "test.ts", bool spans = false) {
  base::SourceManager sources;
  base::FileId file = sources.Add(std::move(path), std::string(source));
  base::DiagSink diags;
  std::optional<Ast> ast = ParseModule(sources, file, diags);
  std::string out = ast ? DumpAst(*ast, spans) : base::RenderAll(sources, diags);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

/// DumpTokens of `source` (plus the rendered diagnostic, if any), without the final newline.
inline std::string LexDump(std::string_view source, std::string path = "test.ts") {
  base::SourceManager sources;
  base::FileId file = sources.Add(std::move(path), std::string(source));
  base::DiagSink diags;
  std::string out = DumpTokens(sources, file, diags);
  out += base::RenderAll(sources, diags);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

struct Case {
  std::string_view source;
  std::string_view expected;
};

/// Checks ParseDump(source) == expected for each case.
inline void ExpectCases(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) EXPECT_EQ(ParseDump(c->source), c->expected) << c->source;
}

}  // namespace dp::ts::testing
