// Golden tests of the evaluator: every tests/golden/ts/eval/*.ts is evaluated and its
// output compared with the `.out` sibling. A golden file may hold several files, each
// introduced by a line `// --- <path>` (Carbon's file tests); text before the first marker
// is main.ts, the module that is evaluated; a first line `// limits: steps=N depth=M memory=B`
// lowers the limits. Output: console lines as `console: ...`, then
// `name = value` per export, or `[Kind]` plus the rendered diagnostic for errors. Files
// named fail_* must produce an error, and only they may. UPDATE_GOLDEN=1 rewrites the .out.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "eval_test_util.h"

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

// A first line `// limits: steps=N depth=M` lowers the limits for that case.
Limits LimitsOf(const std::string& text) {
  Limits limits;
  if (text.rfind("// limits:", 0) != 0) return limits;
  std::string first = text.substr(0, text.find('\n'));
  size_t steps = first.find("steps=");
  if (steps != std::string::npos) limits.max_steps = std::stoull(first.substr(steps + 6));
  size_t depth = first.find("depth=");
  if (depth != std::string::npos) limits.max_depth = static_cast<uint32_t>(std::stoul(first.substr(depth + 6)));
  return limits;
}

std::string RunGolden(const std::string& text, bool* failed) {
  testing::EvalHarness h(LimitsOf(text));
  if (text.rfind("// limits:", 0) == 0) {
    std::string first = text.substr(0, text.find('\n'));
    size_t memory = first.find("memory=");
    if (memory != std::string::npos) h.options().max_heap_bytes = std::stoull(first.substr(memory + 7));
  }
  std::string current = "main.ts";
  std::string body;
  std::istringstream lines(text);
  std::string line;
  auto flush = [&]() {
    if (!body.empty() || current == "main.ts") h.AddFile("/p/" + current, body);
    body.clear();
  };
  while (std::getline(lines, line)) {
    if (line.rfind("// --- ", 0) == 0) {
      flush();
      current = line.substr(7);
      continue;
    }
    body += line + "\n";
  }
  flush();
  Object* ns = h.runtime().ImportFile("/p/main.ts");
  std::string out;
  std::istringstream console(h.console());
  while (std::getline(console, line)) out += "console: " + line + "\n";
  *failed = h.runtime().diags().has_errors();
  if (ns != nullptr && !*failed) {
    for (const Property& p : ns->props.raw()) out += p.key + " = " + h.runtime().Inspect(p.value) + "\n";
  }
  for (const base::Diag& diag : h.runtime().diags().diags()) {
    out += std::string("[") + base::DiagKindName(diag.kind) + "]\n" + base::Render(h.runtime().sources(), diag);
  }
  return out;
}

TEST(EvalGoldenTest, All) {
  fs::path dir = fs::path(DP_SOURCE_DIR) / "tests/golden/ts/eval";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  std::vector<fs::path> inputs;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".ts") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  ASSERT_FALSE(inputs.empty());
  for (const fs::path& input : inputs) {
    SCOPED_TRACE(input.filename().string());
    bool failed = false;
    std::string actual = RunGolden(ReadFile(input), &failed);
    bool expect_fail = input.filename().string().rfind("fail_", 0) == 0;
    EXPECT_EQ(failed, expect_fail) << actual;
    fs::path golden = input;
    golden.replace_extension(".out");
    if (Updating()) {
      std::ofstream(golden, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(golden)) << "missing " << golden << " (run with UPDATE_GOLDEN=1)";
    EXPECT_EQ(actual, ReadFile(golden));
  }
}

}  // namespace
}  // namespace dp::ts
