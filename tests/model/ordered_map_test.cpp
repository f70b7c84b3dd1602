// OrderedMap: insertion order, lookups, erase/rename, order-insensitive equality.
#include "model/ordered_map.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dp::model {
namespace {

std::vector<std::string> KeysOf(const OrderedMap<int>& map) {
  return map.Keys();
}

TEST(OrderedMap, KeepsInsertionOrder) {
  OrderedMap<int> map;
  map.insert_or_assign("b", 1);
  map.insert_or_assign("a", 2);
  map["c"] = 3;
  EXPECT_EQ(KeysOf(map), (std::vector<std::string>{"b", "a", "c"}));
  map.insert_or_assign("b", 10);  // assigning keeps the position
  EXPECT_EQ(KeysOf(map), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_EQ(map.begin()->second, 10);
  EXPECT_EQ(map.size(), 3u);
  EXPECT_FALSE(map.empty());
}

TEST(OrderedMap, FindContainsGet) {
  OrderedMap<int> map{{"x", 1}, {"y", 2}};
  EXPECT_TRUE(map.contains("x"));
  EXPECT_FALSE(map.contains("z"));
  ASSERT_NE(map.find("y"), map.end());
  EXPECT_EQ(map.find("y")->second, 2);
  EXPECT_EQ(map.find("z"), map.end());
  ASSERT_NE(map.Get("x"), nullptr);
  EXPECT_EQ(*map.Get("x"), 1);
  EXPECT_EQ(map.Get("nope"), nullptr);
  auto [it, inserted] = map.try_emplace("x", 5);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(it->second, 1);
}

TEST(OrderedMap, EraseKeepsOrderAndIndex) {
  OrderedMap<int> map{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}};
  EXPECT_EQ(map.erase("b"), 1u);
  EXPECT_EQ(map.erase("b"), 0u);
  EXPECT_EQ(KeysOf(map), (std::vector<std::string>{"a", "c", "d"}));
  EXPECT_EQ(*map.Get("d"), 4);
  EXPECT_EQ(*map.Get("c"), 3);
  map["e"] = 5;
  EXPECT_EQ(*map.Get("e"), 5);
}

TEST(OrderedMap, RenameKeepsPosition) {
  OrderedMap<int> map{{"a", 1}, {"b", 2}, {"c", 3}};
  EXPECT_TRUE(map.Rename("b", "z"));
  EXPECT_EQ(KeysOf(map), (std::vector<std::string>{"a", "z", "c"}));
  EXPECT_EQ(*map.Get("z"), 2);
  EXPECT_FALSE(map.contains("b"));
  EXPECT_FALSE(map.Rename("a", "c"));  // target exists
  EXPECT_FALSE(map.Rename("nope", "q"));
}

TEST(OrderedMap, EqualityIgnoresOrder) {
  OrderedMap<int> a{{"a", 1}, {"b", 2}};
  OrderedMap<int> b{{"b", 2}, {"a", 1}};
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a.SameOrder(b));
  EXPECT_TRUE(a.SameOrder(a));
  OrderedMap<int> c{{"a", 1}, {"b", 3}};
  EXPECT_NE(a, c);
  OrderedMap<int> d{{"a", 1}};
  EXPECT_NE(a, d);
  EXPECT_NE(d, a);
  OrderedMap<int> e{{"a", 1}, {"c", 2}};
  EXPECT_NE(a, e);
}

TEST(OrderedMap, NestedEqualityIgnoresOrder) {
  OrderedMap<OrderedMap<int>> a;
  a["t1"] = OrderedMap<int>{{"x", 1}, {"y", 2}};
  a["t2"] = OrderedMap<int>{};
  OrderedMap<OrderedMap<int>> b;
  b["t2"] = OrderedMap<int>{};
  b["t1"] = OrderedMap<int>{{"y", 2}, {"x", 1}};
  EXPECT_EQ(a, b);
  (*b.Get("t1"))["z"] = 3;
  EXPECT_NE(a, b);
}

TEST(OrderedMap, SortedView) {
  OrderedMap<int> map{{"b", 1}, {"c", 2}, {"a", 3}};
  std::vector<std::string> keys;
  for (const auto* entry : map.Sorted()) keys.push_back(entry->first);
  EXPECT_EQ(keys, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(OrderedMap, CopyKeepsIndex) {
  OrderedMap<int> map{{"a", 1}, {"b", 2}};
  OrderedMap<int> copy = map;
  copy.erase("a");
  EXPECT_EQ(*copy.Get("b"), 2);
  EXPECT_EQ(*map.Get("a"), 1);
}

}  // namespace
}  // namespace dp::model
