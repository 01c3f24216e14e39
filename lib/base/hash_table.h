// The hash tables of fives: std::unordered_map and std::unordered_set with
// Abseil's hash, and contains() as in C++20. Not installed.
//
// Not absl::flat_hash_map and flat_hash_set: the Abseil fives builds with
// (20220623) sets a table's new capacity before allocating its storage, so a
// std::bad_alloc while a table grows leaves one that its destructor frees
// wrongly ("free(): invalid pointer"). fives reports an allocation failure
// as an error (FIVES_RESOURCE_EXHAUSTED at the C ABI), which needs tables
// that stay valid when an allocation throws; the standard ones do.
#ifndef FIVES_LIB_HASH_TABLE_H_
#define FIVES_LIB_HASH_TABLE_H_

#include <unordered_map>
#include <unordered_set>

#include "absl/hash/hash.h"

namespace fives::internal {

template <typename K, typename V>
class HashMap : public std::unordered_map<K, V, absl::Hash<K>> {
 public:
  using std::unordered_map<K, V, absl::Hash<K>>::unordered_map;
  bool contains(const K& key) const { return this->find(key) != this->end(); }
};

template <typename K>
class HashSet : public std::unordered_set<K, absl::Hash<K>> {
 public:
  using std::unordered_set<K, absl::Hash<K>>::unordered_set;
  bool contains(const K& key) const { return this->find(key) != this->end(); }
};

}  // namespace fives::internal

#endif  // FIVES_LIB_HASH_TABLE_H_
