// drizzle-push: the executable. Parses the command line, loads the config, runs the
// command and turns its status into drizzle-kit-compatible exit codes:
// 0 done or nothing to do, 1 error, 2 a question left unanswered.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/args.h"
#include "cli/config.h"
#include "cli/terminal_prompter.h"
#include "push/hints.h"
#include "push/push.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUnanswered = 2;

int ExitCode(dp::push::Status status) {
  switch (status) {
    case dp::push::Status::Ok:
    case dp::push::Status::NoChanges:
    case dp::push::Status::Aborted: return kExitOk;  // drizzle-kit exits 0 when the user aborts
    case dp::push::Status::MissingHints: return kExitUnanswered;
    case dp::push::Status::Error: return kExitError;
  }
  return kExitError;
}

int Run(int argc, char** argv) {
  auto line = dp::cli::ParseCommandLine(argc, argv);
  if (!line) {
    std::cerr << "error: " << line.error().message << "\n\n" << dp::cli::UsageText();
    return kExitError;
  }
  if (line->version) {
    std::cout << "drizzle-push 0.1.0 (drizzle-kit 0.31.11 compatible)\n";
    return kExitOk;
  }
  if (line->help || line->command.empty()) {
    std::cout << dp::cli::UsageText();
    return line->help ? kExitOk : kExitError;
  }
  if (line->command != "push" && line->command != "snapshot" && line->command != "export") {
    std::cerr << "error: unknown command '" << line->command << "'\n\n" << dp::cli::UsageText();
    return kExitError;
  }
  std::string cwd = std::filesystem::current_path().string();
  bool json_output = line->output == "json";
  bool color = !json_output && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;

  auto config = dp::cli::LoadConfig(*line, cwd);
  if (!config) {
    if (json_output) {
      nlohmann::json report = {{"status", "error"}, {"error", config.error().message}};
      std::cout << report.dump() << "\n";
    }
    std::cerr << config.error().message << "\n";
    return kExitError;
  }

  dp::push::RunOptions options;
  options.config = std::move(*config);
  options.cwd = cwd;
  options.explain = line->explain;
  options.json_output = json_output;
  options.color = color;
  options.exits_after = true;  // main ends with std::_Exit right after the command
  if (line->hints || line->hints_file) {
    auto hints = line->hints ? dp::push::ParseHints(*line->hints) : dp::push::LoadHintsFile(*line->hints_file);
    if (!hints) {
      std::cerr << hints.error().message << "\n";
      return kExitError;
    }
    options.hints = std::move(*hints);
  }
  dp::cli::TerminalPrompter prompter(color);
  if (!json_output && dp::cli::HasTerminal()) options.prompter = &prompter;

  dp::push::Streams streams{std::cout, std::cerr};
  if (line->command == "snapshot") return ExitCode(dp::push::RunSnapshot(options, streams));
  if (line->command == "export") return ExitCode(dp::push::RunExport(options, streams));
  return ExitCode(dp::push::RunPush(options, streams));
}

}  // namespace

int main(int argc, char** argv) {
  int code = Run(argc, argv);
  // Push may leave a connection attempt running on another thread after a schema error
  // (push.cpp does not wait for it). Flush and leave without running exit handlers, which
  // could tear down libpq/OpenSSL state under that thread.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
}
