// drizzle-kit's arrow-key select prompt on a real terminal (raw mode on stdin).
#pragma once

#include "push/prompter.h"

namespace dp::cli {

class TerminalPrompter final : public push::Prompter {
 public:
  explicit TerminalPrompter(bool color) : color_(color) {}
  /// Up/down (or k/j) move, Enter chooses, a digit chooses directly, Ctrl-C or Escape
  /// chooses the first item ("No, abort" / create).
  size_t Select(const std::string& title, const std::vector<std::string>& items, size_t initial) override;

 private:
  bool color_;
};

/// True when both stdin and stdout are terminals (and CI is not set), as drizzle-kit's
/// prompts require.
bool HasTerminal();

}  // namespace dp::cli
