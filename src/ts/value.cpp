// PropertyMap: own properties of an Object in JS enumeration order (integer-like keys
// ascending, then string keys in insertion order). Storage is allocated on first insert;
// objects with many properties keep an open-addressing index of positions.
#include "ts/value.h"

namespace dp::ts {

namespace {

constexpr size_t kIndexThreshold = 12;

// A canonical array index ("0", "17"; not "01" or "-1"), as JS orders them first.
bool ParseIndexKey(std::string_view key, uint64_t* out) {
  if (key.empty() || key.size() > 10 || key[0] < '0' || key[0] > '9') return false;
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

// FNV-1a: property keys are short.
size_t HashKey(std::string_view key) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return static_cast<size_t>(h ^ (h >> 29));
}

}  // namespace

const std::deque<Property>& PropertyMap::Empty() {
  static const std::deque<Property> empty;
  return empty;
}

Property* PropertyMap::Find(std::string_view key) {
  return const_cast<Property*>(static_cast<const PropertyMap*>(this)->Find(key));
}

const Property* PropertyMap::Find(std::string_view key) const {
  if (!props_) return nullptr;
  const std::deque<Property>& props = *props_;
  if (!index_.empty()) {
    size_t mask = index_.size() - 1;
    for (size_t i = HashKey(key) & mask;; i = (i + 1) & mask) {
      uint32_t slot = index_[i];
      if (slot == 0) return nullptr;
      const Property& p = props[slot - 1];
      if (p.key.size() == key.size() && p.key == key) return &p;
    }
  }
  for (const Property& p : props) {
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
  if (!props_) props_ = std::make_unique<std::deque<Property>>();
  std::deque<Property>& props = *props_;
  uint64_t index_key = 0;
  if (ParseIndexKey(key, &index_key)) {
    // Integer-like keys go before string keys, ascending.
    size_t pos = 0;
    uint64_t other = 0;
    while (pos < props.size() && ParseIndexKey(props[pos].key, &other) && other < index_key) ++pos;
    has_integer_keys_ = true;
    if (pos != props.size()) {
      props.insert(props.begin() + static_cast<ptrdiff_t>(pos), Property{std::string(key), Value(), nullptr, nullptr, true});
      Reindex();
      return props[pos];
    }
  }
  props.push_back(Property{std::string(key), Value(), nullptr, nullptr, true});
  if (!index_.empty() && props.size() * 2 <= index_.size()) {
    size_t mask = index_.size() - 1;
    size_t i = HashKey(key) & mask;
    while (index_[i] != 0) i = (i + 1) & mask;
    index_[i] = static_cast<uint32_t>(props.size());
  } else if (props.size() > kIndexThreshold) {
    Reindex();
  }
  return props.back();
}

bool PropertyMap::Remove(std::string_view key) {
  if (!props_) return false;
  std::deque<Property>& props = *props_;
  for (size_t i = 0; i < props.size(); ++i) {
    if (props[i].key == key) {
      props.erase(props.begin() + static_cast<ptrdiff_t>(i));
      Reindex();
      return true;
    }
  }
  return false;
}

std::vector<std::string> PropertyMap::Keys() const {
  std::vector<std::string> keys;
  keys.reserve(size());
  for (const Property& p : raw()) keys.push_back(p.key);
  return keys;
}

void PropertyMap::Reindex() {
  index_.clear();
  if (!props_ || props_->size() <= kIndexThreshold) return;
  size_t capacity = 32;
  while (capacity < props_->size() * 4) capacity *= 2;
  index_.assign(capacity, 0);
  size_t mask = capacity - 1;
  for (size_t pos = 0; pos < props_->size(); ++pos) {
    size_t i = HashKey((*props_)[pos].key) & mask;
    while (index_[i] != 0) i = (i + 1) & mask;
    index_[i] = static_cast<uint32_t>(pos + 1);
  }
}

}  // namespace dp::ts
