// The questions push asks a person. cli/ implements it on a terminal; tests script it.
#pragma once

#include <string>
#include <vector>

namespace dp::push {

class Prompter {
 public:
  virtual ~Prompter() = default;
  /// Shows `title` and a list of `items`; returns the chosen index. `initial` is preselected.
  virtual size_t Select(const std::string& title, const std::vector<std::string>& items, size_t initial = 0) = 0;
};

/// Answers from a fixed list of indexes, in order (for tests); past the end it picks 0.
class ScriptedPrompter final : public Prompter {
 public:
  explicit ScriptedPrompter(std::vector<size_t> answers) : answers_(std::move(answers)) {}
  size_t Select(const std::string& title, const std::vector<std::string>& items, size_t) override {
    titles_.push_back(title);
    item_lists_.push_back(items);
    return next_ < answers_.size() ? answers_[next_++] : 0;
  }
  const std::vector<std::string>& titles() const { return titles_; }
  const std::vector<std::vector<std::string>>& item_lists() const { return item_lists_; }

 private:
  std::vector<size_t> answers_;
  size_t next_ = 0;
  std::vector<std::string> titles_;
  std::vector<std::vector<std::string>> item_lists_;
};

}  // namespace dp::push
