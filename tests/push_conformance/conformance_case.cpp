// Loading conformance cases and comparing texts.
#include "conformance_case.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dp::conformance {

namespace fs = std::filesystem;

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::optional<std::string> Case::File(const std::string& file) const { return ReadFile(fs::path(dir) / file); }

std::vector<Case> LoadCases(const std::string& shared_dir, const std::string& dialect) {
  std::vector<Case> cases;
  fs::path root = fs::path(shared_dir) / "conformance" / dialect;
  if (!fs::is_directory(root)) return cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    auto info_text = ReadFile(entry.path() / "case.json");
    if (!info_text) continue;
    Case c;
    c.name = entry.path().filename().string();
    c.dir = fs::absolute(entry.path()).lexically_normal().string();
    c.dialect = dialect;
    c.info = nlohmann::json::parse(*info_text);
    if (auto outcome = ReadFile(entry.path() / "outcome.json")) c.outcome = nlohmann::json::parse(*outcome);
    if (auto setup = c.info.find("setup"); setup != c.info.end() && setup->is_array()) {
      for (const auto& statement : *setup) c.setup.push_back(statement.get<std::string>());
    }
    c.drizzle_failed = c.outcome.is_object() && c.outcome.contains("error") && !c.outcome["error"].is_null();
    cases.push_back(std::move(c));
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return cases;
}

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::vector<std::string> SplitStatements(const std::string& text) {
  std::vector<std::string> statements;
  std::string current;
  for (const std::string& line : Lines(text)) {
    if (Trim(line) == "--> statement-breakpoint") {
      if (!Trim(current).empty()) statements.push_back(Trim(current));
      current.clear();
      continue;
    }
    current += line;
    current += '\n';
  }
  if (!Trim(current).empty()) statements.push_back(Trim(current));
  return statements;
}

std::string FirstDifference(const std::string& expected, const std::string& actual) {
  std::vector<std::string> a = Lines(expected), b = Lines(actual);
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    std::string x = i < a.size() ? a[i] : "<end>";
    std::string y = i < b.size() ? b[i] : "<end>";
    if (x != y) return fmt::format("line {}: expected `{}`, got `{}`", i + 1, x, y);
  }
  return "";
}

}  // namespace dp::conformance
