#include "domain/seen_case_numbers.hpp"

#include <algorithm>

namespace sagsaudit {

void SeenCaseNumbers::reserve(std::size_t rows) {
  reserved_ = rows;
  if (in_order_) {
    ascending_.reserve(rows);
  } else {
    lines_.reserve(rows);
  }
}

std::optional<int> SeenCaseNumbers::add(const std::string& number, int line) {
  if (in_order_) {
    if (ascending_.empty() || ascending_.back().first < number) {
      ascending_.emplace_back(number, line);
      return std::nullopt;
    }
    // Out of order (or a repeat): from here on, the hash map.
    in_order_ = false;
    lines_.reserve(std::max(reserved_, ascending_.size() + 1));
    for (auto& [seen, first_line] : ascending_) lines_.emplace(std::move(seen), first_line);
    ascending_ = {};
  }
  const auto [it, inserted] = lines_.emplace(number, line);
  if (inserted) return std::nullopt;
  return it->second;
}

}  // namespace sagsaudit
