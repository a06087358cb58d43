#pragma once
// The duplicate check of a population file: has this sagsnummer been listed before, and on
// which line?
//
// Case systems usually list their cases by sagsnummer. While the numbers come in ascending
// byte order, a number greater than the one before cannot have been seen, so the check is one
// comparison and the numbers are only appended to a list. At the first number that is not
// greater (out of order, or a repeat), the list goes into a hash map once, and from there on
// every number is looked up in it. A hash map from the start costs a cache miss per row and a
// node to allocate and free, which on a million sorted rows was a fifth of the import's CPU.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sagsaudit {

class SeenCaseNumbers {
 public:
  // Room for this many numbers (an estimate is fine).
  void reserve(std::size_t rows);

  // Records `number` as listed on `line`. When it was listed before: the line it was first
  // listed on (and the record keeps that first line).
  std::optional<int> add(const std::string& number, int line);

  std::size_t size() const { return in_order_ ? ascending_.size() : lines_.size(); }

 private:
  bool in_order_ = true;
  std::size_t reserved_ = 0;
  std::vector<std::pair<std::string, int>> ascending_;  // while in_order_
  std::unordered_map<std::string, int> lines_;          // once not: sagsnummer → first line
};

}  // namespace sagsaudit
