// PropertyMap: own properties of an Object in JS enumeration order (integer-like keys
// ascending, then string keys in insertion order), with a hash index for large objects.
#include "ts/value.h"

#include <algorithm>

namespace dp::ts {

namespace {

constexpr size_t kIndexThreshold = 8;

// A canonical array index ("0", "17"; not "01" or "-1"), as JS orders them first.
bool ParseIndexKey(std::string_view key, uint64_t* out) {
  if (key.empty() || key.size() > 10) return false;
  if (key.size() > 1 && key[0] == '0') return false;
  uint64_t n = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  if (n >= 4294967295ull) return false;
  *out = n;
  return true;
}

}  // namespace

Property* PropertyMap::Find(std::string_view key) {
  return const_cast<Property*>(static_cast<const PropertyMap*>(this)->Find(key));
}

const Property* PropertyMap::Find(std::string_view key) const {
  if (!index_.empty()) {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &props_[it->second];
  }
  for (const Property& p : props_) {
    if (p.key.size() == key.size() && p.key == key) return &p;
  }
  return nullptr;
}

void PropertyMap::Set(std::string_view key, Value value) {
  Property& p = Insert(key);
  p.value = value;
  p.getter = nullptr;
  p.setter = nullptr;
}

Property& PropertyMap::Insert(std::string_view key) {
  if (Property* existing = Find(key)) return *existing;
  uint64_t index_key = 0;
  if (ParseIndexKey(key, &index_key)) {
    // Integer-like keys go before string keys, ascending.
    size_t pos = 0;
    uint64_t other = 0;
    while (pos < props_.size() && ParseIndexKey(props_[pos].key, &other) && other < index_key) ++pos;
    if (pos != props_.size()) {
      has_integer_keys_ = true;
      props_.insert(props_.begin() + static_cast<ptrdiff_t>(pos), Property{std::string(key), Value(), nullptr, nullptr, true});
      Reindex();
      return props_[pos];
    }
    has_integer_keys_ = true;
  }
  props_.push_back(Property{std::string(key), Value(), nullptr, nullptr, true});
  if (!index_.empty()) {
    index_.emplace(props_.back().key, props_.size() - 1);
  } else if (props_.size() > kIndexThreshold) {
    Reindex();
  }
  return props_.back();
}

bool PropertyMap::Remove(std::string_view key) {
  for (size_t i = 0; i < props_.size(); ++i) {
    if (props_[i].key == key) {
      props_.erase(props_.begin() + static_cast<ptrdiff_t>(i));
      Reindex();
      return true;
    }
  }
  return false;
}

std::vector<std::string> PropertyMap::Keys() const {
  std::vector<std::string> keys;
  keys.reserve(props_.size());
  for (const Property& p : props_) keys.push_back(p.key);
  return keys;
}

void PropertyMap::Reindex() {
  index_.clear();
  if (props_.size() <= kIndexThreshold) return;
  index_.reserve(props_.size() * 2);
  for (size_t i = 0; i < props_.size(); ++i) index_.emplace(props_[i].key, i);
}

}  // namespace dp::ts
