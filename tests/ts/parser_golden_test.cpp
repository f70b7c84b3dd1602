// Golden tests of the lexer and parser: every file under tests/golden/ts/lex/ is dumped with
// DumpTokens and every file under tests/golden/ts/parse/ with DumpAst; the result is compared
// with the file's `.out` sibling. A file whose name starts with `fail_` must produce an error
// (and only those may). UPDATE_GOLDEN=1 rewrites the `.out` files instead of comparing.
//
// Also here: every .ts file of ../shared/conformance and ../shared/perf must parse.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/diag.h"
#include "ts/parser.h"

namespace dp::ts {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool Updating() {
  const char* update = std::getenv("UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

std::vector<fs::path> Inputs(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() != ".out") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The dump of one golden input; errors are prefixed with the diagnostic kind.
std::string Run(const fs::path& input, bool lex, bool* failed) {
  base::SourceManager sources;
  base::FileId file = sources.Add(input.filename().string(), ReadFile(input));
  base::DiagSink diags;
  std::string out;
  if (lex) {
    out = DumpTokens(sources, file, diags);
  } else {
    std::optional<Ast> ast = ParseModule(sources, file, diags);
    if (ast) out = DumpAst(*ast);
  }
  *failed = diags.has_errors();
  for (const base::Diag& diag : diags.diags()) {
    out += std::string("[") + base::DiagKindName(diag.kind) + "]\n" + base::Render(sources, diag);
  }
  return out;
}

void RunGoldenDir(const std::string& sub, bool lex) {
  fs::path dir = fs::path(DP_SOURCE_DIR) / "tests/golden/ts" / sub;
  std::vector<fs::path> inputs = Inputs(dir);
  ASSERT_FALSE(inputs.empty()) << dir;
  for (const fs::path& input : inputs) {
    bool failed = false;
    std::string actual = Run(input, lex, &failed);
    bool expect_fail = input.filename().string().rfind("fail_", 0) == 0;
    EXPECT_EQ(failed, expect_fail) << input << (expect_fail ? ": expected an error" : ": unexpected error\n") << actual;
    fs::path golden = input;
    golden.replace_extension(".out");
    if (Updating()) {
      std::ofstream(golden, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with UPDATE_GOLDEN=1";
    EXPECT_EQ(actual, ReadFile(golden)) << input << " (UPDATE_GOLDEN=1 regenerates)";
  }
}

TEST(ParserGolden, Lex) { RunGoldenDir("lex", true); }

TEST(ParserGolden, Parse) { RunGoldenDir("parse", false); }

TEST(ParserGolden, EveryDiagnosticKindIsCovered) {
  std::string all;
  for (const char* sub : {"lex", "parse"}) {
    for (const fs::path& p : Inputs(fs::path(DP_SOURCE_DIR) / "tests/golden/ts" / sub)) {
      fs::path golden = p;
      golden.replace_extension(".out");
      all += ReadFile(golden);
    }
  }
  for (const char* kind : {"LexUnexpectedChar", "LexUnterminatedString", "LexUnterminatedTemplate",
                           "LexUnterminatedComment", "LexUnterminatedRegExp", "LexInvalidNumber", "LexInvalidEscape",
                           "ParseUnexpectedToken", "ParseUnsupportedSyntax"}) {
    EXPECT_NE(all.find(std::string("[") + kind + "]"), std::string::npos) << kind << " has no golden test";
  }
}

// Every schema of the conformance cases and the benchmarks parses.
TEST(ParserCorpus, SharedSchemasParse) {
  size_t count = 0;
  for (const char* sub : {"conformance", "perf"}) {
    fs::path root = fs::path(DP_SHARED_DIR) / sub;
    if (!fs::exists(root)) continue;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".ts") continue;
      base::SourceManager sources;
      base::FileId file = sources.Add(entry.path().string(), ReadFile(entry.path()));
      base::DiagSink diags;
      EXPECT_TRUE(ParseModule(sources, file, diags).has_value()) << base::RenderAll(sources, diags);
      ++count;
    }
  }
  EXPECT_GT(count, 100u);
}

TEST(ParserCorpus, LargeSchemaIsFast) {
  fs::path path = fs::path(DP_SHARED_DIR) / "perf/pg/n1000/schema.ts";
  if (!fs::exists(path)) GTEST_SKIP() << path << " not found";
  base::SourceManager sources;
  base::FileId file = sources.Add(path.string(), ReadFile(path));
  double best = 1e9;
  for (int i = 0; i < 5; ++i) {
    base::DiagSink diags;
    auto start = std::chrono::steady_clock::now();
    std::optional<Ast> ast = ParseModule(sources, file, diags);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(ast);
    best = std::min(best, ms);
  }
  RecordProperty("parse_ms", std::to_string(best));
  // Generous: the budget is ~5 ms in optimized builds; this only catches pathologies (and
  // leaves room for sanitizer and debug builds).
  EXPECT_LT(best, 250.0);
}

}  // namespace
}  // namespace dp::ts
