#include "domain/agreement_table.hpp"

#include <map>
#include <string_view>
#include <utility>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

void check_categories(const std::vector<std::string>& categories) {
  if (categories.size() < 2) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "categories", "an agreement table needs at least two answer categories"}});
  }
  std::map<std::string_view, int> seen;
  for (const auto& c : categories) {
    if (++seen[c] == 2) {
      throw ValidationError(std::vector<Issue>{
          {"", 0, 0, "categories", "the answer category \"" + c + "\" is named twice"}});
    }
  }
}

}  // namespace

std::int64_t AgreementTable::total() const {
  std::int64_t sum = 0;
  for (const auto& row : counts) {
    for (const std::int64_t c : row) sum += c;
  }
  return sum;
}

std::int64_t AgreementTable::row_total(std::size_t i) const {
  std::int64_t sum = 0;
  for (const std::int64_t c : counts.at(i)) sum += c;
  return sum;
}

std::int64_t AgreementTable::column_total(std::size_t j) const {
  std::int64_t sum = 0;
  for (const auto& row : counts) sum += row.at(j);
  return sum;
}

std::int64_t AgreementTable::agreements() const {
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) sum += counts[i][i];
  return sum;
}

AgreementTable tabulate_agreement(std::vector<std::string> categories,
                                  std::span<const RatingPair> pairs) {
  check_categories(categories);
  std::map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < categories.size(); ++i) index.emplace(categories[i], i);

  AgreementTable table;
  table.counts.assign(categories.size(), std::vector<std::int64_t>(categories.size(), 0));
  for (const auto& pair : pairs) {
    const auto first = index.find(pair.first);
    const auto second = index.find(pair.second);
    if (first == index.end() || second == index.end()) {
      ++table.excluded;
    } else {
      ++table.counts[first->second][second->second];
    }
  }
  // Moved last: `index` points into the strings of `categories`.
  table.categories = std::move(categories);
  return table;
}

AgreementTable make_agreement_table(std::vector<std::string> categories,
                                    std::vector<std::vector<std::int64_t>> counts) {
  check_categories(categories);
  std::vector<Issue> issues;
  if (counts.size() != categories.size()) {
    issues.push_back({"", 0, 0, "counts",
                      "the table has " + std::to_string(counts.size()) + " rows for " +
                          std::to_string(categories.size()) + " categories"});
  }
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i].size() != categories.size()) {
      issues.push_back({"", 0, 0, "counts",
                        "row " + std::to_string(i + 1) + " has " +
                            std::to_string(counts[i].size()) + " columns for " +
                            std::to_string(categories.size()) + " categories"});
    }
    for (const std::int64_t c : counts[i]) {
      if (c < 0) {
        issues.push_back(
            {"", 0, 0, "counts", "row " + std::to_string(i + 1) + " has a negative count"});
        break;
      }
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return AgreementTable{std::move(categories), std::move(counts), 0};
}

}  // namespace sagsaudit
