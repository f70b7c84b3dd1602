// The commands: push (plan, confirm, apply), snapshot and export. Exit codes are decided
// by cli/ from the returned Status.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "push/config.h"
#include "push/hints.h"
#include "push/prompter.h"

namespace dp::push {

enum class Status : uint8_t { Ok, NoChanges, MissingHints, Error, Aborted };

struct RunOptions {
  Config config;
  std::string cwd;
  bool explain = false;
  bool json_output = false;
  Hints hints;
  Prompter* prompter = nullptr;  // null: no terminal
  bool color = false;
  /// The process ends right after the command (the CLI): the schema's TypeScript heap is
  /// left to the operating system instead of being freed one object at a time.
  bool exits_after = false;
};

/// Where push writes: `out` gets the results (the one JSON object with json_output),
/// `err` gets progress and messages.
struct Streams {
  std::ostream& out;
  std::ostream& err;
};

Status RunPush(const RunOptions& options, Streams streams);
Status RunSnapshot(const RunOptions& options, Streams streams);
Status RunExport(const RunOptions& options, Streams streams);

}  // namespace dp::push
