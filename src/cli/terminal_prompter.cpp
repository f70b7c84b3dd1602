// Raw-mode terminal select prompt.
#include "cli/terminal_prompter.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace dp::cli {

namespace {

// Restores the terminal mode on every exit path.
class RawMode {
 public:
  RawMode() {
    ok_ = ::tcgetattr(STDIN_FILENO, &saved_) == 0;
    if (!ok_) return;
    termios raw = saved_;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &raw);
  }
  ~RawMode() {
    if (ok_) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }

 private:
  termios saved_{};
  bool ok_ = false;
};

int ReadKey() {
  unsigned char c = 0;
  if (::read(STDIN_FILENO, &c, 1) != 1) return -1;
  if (c != 0x1b) return c;
  unsigned char seq[2];
  if (::read(STDIN_FILENO, &seq[0], 1) != 1) return 0x1b;
  if (seq[0] != '[') return 0x1b;
  if (::read(STDIN_FILENO, &seq[1], 1) != 1) return 0x1b;
  if (seq[1] == 'A') return 'k';
  if (seq[1] == 'B') return 'j';
  return 0;
}

}  // namespace

bool HasTerminal() {
  const char* ci = std::getenv("CI");
  if (ci != nullptr && *ci != '\0' && std::string(ci) != "false" && std::string(ci) != "0") return false;
  return ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO);
}

size_t TerminalPrompter::Select(const std::string& title, const std::vector<std::string>& items, size_t initial) {
  size_t selected = initial < items.size() ? initial : 0;
  if (!title.empty()) std::printf("\n%s%s%s\n", color_ ? "\x1b[1m" : "", title.c_str(), color_ ? "\x1b[0m" : "");
  RawMode raw;
  auto draw = [&](bool first) {
    if (!first) std::printf("\x1b[%zuA", items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      bool on = i == selected;
      std::printf("\r\x1b[2K%s%s%s\n", on ? (color_ ? "\x1b[32m❯ " : "❯ ") : "  ", items[i].c_str(), on && color_ ? "\x1b[0m" : "");
    }
    std::fflush(stdout);
  };
  draw(true);
  for (;;) {
    int key = ReadKey();
    if (key == -1 || key == 3 || key == 0x1b) return 0;
    if (key == '\r' || key == '\n') return selected;
    if (key == 'k' && selected > 0) --selected;
    if (key == 'j' && selected + 1 < items.size()) ++selected;
    if (key >= '1' && key <= '9' && static_cast<size_t>(key - '1') < items.size()) return static_cast<size_t>(key - '1');
    draw(false);
  }
}

}  // namespace dp::cli
