// Heap: owns every Object and string of one evaluation; freed all at once.
#include "ts/value.h"

namespace dp::ts {

namespace {
constexpr size_t kInternMaxBytes = 64;
}

Object* Heap::NewObject(ObjectClass cls, Object* proto) {
  if (chunk_used_ == kChunkObjects) {
    chunks_.push_back(std::make_unique<Object[]>(kChunkObjects));
    chunk_used_ = 0;
  }
  Object& object = chunks_.back()[chunk_used_++];
  ++object_count_;
  object.cls = cls;
  object.proto = proto;
  return &object;
}

const std::string* Heap::Intern(std::string_view text) {
  if (text.size() > kInternMaxBytes) return &strings_.emplace_back(text);
  auto it = interned_.find(text);
  if (it != interned_.end()) return it->second;
  const std::string* stored = &strings_.emplace_back(text);
  interned_.emplace(*stored, stored);
  return stored;
}

}  // namespace dp::ts
