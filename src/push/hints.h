// drizzle-kit 1.0's hint format (--hints '<json>' / --hints-file): answers to
// rename-or-create and data-loss questions for runs without a terminal.
//   {"type":"rename","kind":"column","from":["public","users","name"],"to":["public","users","full_name"]}
//   {"type":"create","kind":"table","entity":["public","posts"]}
//   {"type":"confirm_data_loss","kind":"table","entity":["public","users"]}
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "diff/resolver.h"

namespace dp::push {

struct RenameHint {
  diff::EntityKind kind;
  diff::EntityPath from;
  diff::EntityPath to;
};

struct CreateHint {
  diff::EntityKind kind;
  diff::EntityPath entity;
};

struct ConfirmHint {
  std::string kind;  // "table" | "column" | "schema" | "view" | "primary_key" | "add_not_null" | "add_unique"
  diff::EntityPath entity;
};

struct Hints {
  std::vector<RenameHint> renames;
  std::vector<CreateHint> creates;
  std::vector<ConfirmHint> confirms;

  bool Confirms(std::string_view kind, const diff::EntityPath& entity) const;
};

/// Parses a JSON array of hints (a single hint object is accepted too). Errors name the
/// offending element: "hint 2: \"from\" of a column must have 3 elements".
base::Result<Hints> ParseHints(std::string_view json_text);

/// Reads and parses a hints file.
base::Result<Hints> LoadHintsFile(const std::string& path);

}  // namespace dp::push
