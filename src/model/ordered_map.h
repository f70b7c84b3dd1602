// OrderedMap<T>: the string-keyed, insertion-ordered map every snapshot record uses.
// Iteration follows insertion order (what drizzle-kit writes); equality ignores order
// (two snapshots holding the same entities in another order are equal).
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dp::model {

/// Insertion-ordered map from string keys to T, with a hash index for lookups.
template <class T>
class OrderedMap {
 public:
  using key_type = std::string;
  using mapped_type = T;
  using value_type = std::pair<std::string, T>;
  using iterator = typename std::vector<value_type>::iterator;
  using const_iterator = typename std::vector<value_type>::const_iterator;

  OrderedMap() = default;
  OrderedMap(std::initializer_list<value_type> entries) {
    for (const auto& entry : entries) insert_or_assign(entry.first, entry.second);
  }

  iterator begin() { return entries_.begin(); }
  iterator end() { return entries_.end(); }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  void clear() {
    entries_.clear();
    index_.clear();
  }

  /// Iterator to the entry for `key`, or end().
  iterator find(std::string_view key) {
    auto it = index_.find(std::string(key));
    return it == index_.end() ? entries_.end() : entries_.begin() + static_cast<std::ptrdiff_t>(it->second);
  }
  const_iterator find(std::string_view key) const {
    auto it = index_.find(std::string(key));
    return it == index_.end() ? entries_.end() : entries_.begin() + static_cast<std::ptrdiff_t>(it->second);
  }
  bool contains(std::string_view key) const { return index_.count(std::string(key)) != 0; }

  /// Pointer to the value for `key`, or nullptr.
  T* Get(std::string_view key) {
    auto it = find(key);
    return it == end() ? nullptr : &it->second;
  }
  const T* Get(std::string_view key) const {
    auto it = find(key);
    return it == end() ? nullptr : &it->second;
  }

  /// The value for `key`, appended default-constructed when absent.
  T& operator[](std::string_view key) { return try_emplace(key).first->second; }

  /// Inserts T(args...) at the end unless `key` exists; returns (entry, inserted).
  template <class... Args>
  std::pair<iterator, bool> try_emplace(std::string_view key, Args&&... args) {
    auto it = find(key);
    if (it != end()) return {it, false};
    index_.emplace(std::string(key), entries_.size());
    entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(key),
                          std::forward_as_tuple(std::forward<Args>(args)...));
    return {entries_.end() - 1, true};
  }

  /// Replaces the value of an existing key in place, or appends a new entry.
  template <class V>
  std::pair<iterator, bool> insert_or_assign(std::string_view key, V&& value) {
    auto it = find(key);
    if (it != end()) {
      it->second = std::forward<V>(value);
      return {it, false};
    }
    index_.emplace(std::string(key), entries_.size());
    entries_.emplace_back(std::string(key), std::forward<V>(value));
    return {entries_.end() - 1, true};
  }

  /// Removes `key` (keeping the order of the others); returns how many were removed.
  std::size_t erase(std::string_view key) {
    auto it = index_.find(std::string(key));
    if (it == index_.end()) return 0;
    std::size_t pos = it->second;
    index_.erase(it);
    entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(pos));
    for (auto& [name, idx] : index_) {
      if (idx > pos) --idx;
    }
    return 1;
  }

  /// Renames `from` to `to` in place (same position); false if `from` is absent or `to` exists.
  bool Rename(std::string_view from, std::string_view to) {
    if (from == to) return contains(from);
    auto it = index_.find(std::string(from));
    if (it == index_.end() || contains(to)) return false;
    std::size_t pos = it->second;
    index_.erase(it);
    index_.emplace(std::string(to), pos);
    entries_[pos].first = std::string(to);
    return true;
  }

  /// Keys in insertion order.
  std::vector<std::string> Keys() const {
    std::vector<std::string> keys;
    keys.reserve(entries_.size());
    for (const auto& entry : entries_) keys.push_back(entry.first);
    return keys;
  }

  /// Entries sorted by key (byte order), for deterministic output independent of insertion.
  std::vector<const value_type*> Sorted() const {
    std::vector<const value_type*> sorted;
    sorted.reserve(entries_.size());
    for (const auto& entry : entries_) sorted.push_back(&entry);
    std::sort(sorted.begin(), sorted.end(),
              [](const value_type* a, const value_type* b) { return a->first < b->first; });
    return sorted;
  }

  /// Order-insensitive: same keys, equal values.
  friend bool operator==(const OrderedMap& a, const OrderedMap& b) {
    if (a.size() != b.size()) return false;
    for (const auto& [key, value] : a.entries_) {
      const T* other = b.Get(key);
      if (other == nullptr || !(*other == value)) return false;
    }
    return true;
  }

  /// True when both hold equal entries in the same order.
  bool SameOrder(const OrderedMap& other) const { return entries_ == other.entries_; }

 private:
  std::vector<value_type> entries_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace dp::model
