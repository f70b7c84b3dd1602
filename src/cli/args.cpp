// drizzle-kit compatible argument parsing on top of CLI11.
#include "cli/args.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <map>

namespace dp::cli {

namespace {

// Options that take a value: command-line spelling -> config key.
const std::map<std::string, std::string>& ValueOptions() {
  static const std::map<std::string, std::string> kOptions = {
      {"dialect", "dialect"},         {"schema", "schema"},
      {"casing", "casing"},           {"tablesFilter", "tablesFilter"},
      {"schemaFilters", "schemaFilter"}, {"schemaFilter", "schemaFilter"},
      {"extensionsFilters", "extensionsFilters"},
      {"url", "url"},                 {"host", "host"},
      {"port", "port"},               {"user", "user"},
      {"password", "password"},       {"database", "database"},
      {"ssl", "ssl"},                 {"auth-token", "authToken"},
      {"authToken", "authToken"},     {"tlsSecurity", "tlsSecurity"},
      {"driver", "driver"},
  };
  return kOptions;
}

// Options that are repeatable / comma lists and so become arrays.
bool IsListOption(const std::string& key) {
  return key == "schema" || key == "tablesFilter" || key == "schemaFilter" || key == "extensionsFilters";
}

// drizzle-kit accepts `key=value` without dashes; CLI11 wants `--key=value`.
std::vector<std::string> Normalize(int argc, const char* const* argv) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    size_t eq = arg.find('=');
    if (arg.rfind("-", 0) != 0 && eq != std::string::npos && eq > 0) arg = "--" + arg;
    args.push_back(std::move(arg));
  }
  return args;
}

std::optional<bool> ParseBool(const std::string& text) {
  if (text.empty() || text == "true" || text == "1" || text == "yes") return true;
  if (text == "false" || text == "0" || text == "no") return false;
  return std::nullopt;
}

}  // namespace

std::string UsageText() {
  return R"(drizzle-push: drizzle-kit push, native.

Usage:
  drizzle-push push      [options]   push the schema to the database (like `drizzle-kit push`)
  drizzle-push snapshot  [options]   print the JSON snapshot of the schema files
  drizzle-push export    [options]   print the SQL that creates the schema from nothing

Options (drizzle-kit's; each as --key=value, --key value or key=value):
  --config <path>            config file (default: drizzle.config.ts, .js, then .json)
  --dialect <name>           postgresql | mysql | sqlite | turso
  --schema <path|glob>       schema file, folder or glob (repeatable)
  --casing <camelCase|snake_case>
  --tablesFilter <glob>      --schemaFilters <name>   --extensionsFilters postgis
  --url --host --port --user --password --database --ssl --auth-token --driver
  --verbose                  print the statements
  --strict                   always ask for approval
  --force                    accept data-loss statements without asking
  --explain                  print the plan, apply nothing
  --output <text|json>       json: one JSON object on stdout
  --hints <json>             answers to rename/create and data-loss questions
  --hints-file <path>        the same, from a file
Exit codes: 0 done or no changes, 1 error, 2 a question left unanswered.
)";
}

base::Result<CommandLine> ParseCommandLine(int argc, const char* const* argv) {
  CommandLine line;
  std::vector<std::string> args = Normalize(argc, argv);

  CLI::App app{"drizzle-push"};
  app.set_help_flag();  // we print our own usage
  app.allow_extras(false);
  std::string command;
  app.add_option("command", command);
  std::map<std::string, std::vector<std::string>> values;
  for (const auto& [flag, key] : ValueOptions()) {
    app.add_option("--" + flag, values[flag])->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  std::string config, output = "text", hints, hints_file, verbose, strict, force, explain;
  app.add_option("--config", config);
  app.add_option("--output", output);
  app.add_option("--hints", hints);
  app.add_option("--hints-file,--hintsFile", hints_file);
  for (auto [name, target] : {std::pair{"verbose", &verbose}, {"strict", &strict}, {"force", &force}, {"explain", &explain}}) {
    app.add_flag(fmt::format("--{}{{true}}", name), *target);
  }
  bool help = false, version = false;
  app.add_flag("-h,--help", help);
  app.add_flag("--version", version);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& error) {
    return base::Fail("{}", error.what());
  }
  line.help = help;
  line.version = version;
  line.command = command;
  if (!config.empty()) line.config = config;
  for (const auto& [flag, list] : values) {
    if (list.empty()) continue;
    const std::string& key = ValueOptions().at(flag);
    if (IsListOption(key)) {
      nlohmann::json& array = line.options[key];
      if (!array.is_array()) array = nlohmann::json::array();
      for (const std::string& item : list) {
        // drizzle-kit splits comma lists for filters
        if (key == "schema") { array.push_back(item); continue; }
        size_t start = 0;
        while (start <= item.size()) {
          size_t comma = item.find(',', start);
          std::string part = item.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
          if (!part.empty()) array.push_back(part);
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
      }
    } else {
      line.options[key] = list.back();
    }
  }
  auto flag_value = [](const std::string& text, const char* name) -> base::Result<std::optional<bool>> {
    if (text.empty()) return std::optional<bool>{};
    auto parsed = ParseBool(text);
    if (!parsed) return base::Fail("--{} expects true or false, got '{}'", name, text);
    return parsed;
  };
  auto v = flag_value(verbose, "verbose");
  auto s = flag_value(strict, "strict");
  auto f = flag_value(force, "force");
  auto e = flag_value(explain, "explain");
  for (auto* result : {&v, &s, &f, &e}) {
    if (!*result) return tl::unexpected(result->error());
  }
  line.verbose = v->value_or(false);
  line.strict = s->value_or(false);
  line.force = *f;
  line.explain = e->value_or(false);
  if (output != "text" && output != "json") return base::Fail("--output must be 'text' or 'json', got '{}'", output);
  line.output = output;
  if (!hints.empty()) line.hints = hints;
  if (!hints_file.empty()) line.hints_file = hints_file;
  return line;
}

}  // namespace dp::cli
