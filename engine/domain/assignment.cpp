#include "domain/assignment.hpp"

#include <algorithm>
#include <deque>
#include <numeric>
#include <optional>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

// Loads and who holds which case, indices into the sorted coordinators and the input cases.
class Balancer {
 public:
  Balancer(std::vector<std::vector<int>> eligible, int coordinators)
      : eligible_(std::move(eligible)),
        holder_(eligible_.size(), -1),
        held_(static_cast<std::size_t>(coordinators)) {}

  void greedy() {
    std::vector<int> order(eligible_.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return eligible_[static_cast<std::size_t>(a)].size() <
             eligible_[static_cast<std::size_t>(b)].size();
    });
    for (int c : order) {
      int best = -1;
      for (int k : eligible_[static_cast<std::size_t>(c)]) {
        if (best < 0 || load(k) < load(best)) best = k;  // eligible lists are in username order
      }
      give(c, best);
    }
  }

  // Moves cases along improving chains until there is none; each move lowers the sum of squared
  // loads, so this ends.
  void rebalance() {
    while (improve_once()) {
    }
  }

  int holder(std::size_t c) const { return holder_[c]; }

 private:
  int load(int k) const { return static_cast<int>(held_[static_cast<std::size_t>(k)].size()); }

  void give(int c, int k) {
    holder_[static_cast<std::size_t>(c)] = k;
    auto& cases = held_[static_cast<std::size_t>(k)];
    cases.insert(std::lower_bound(cases.begin(), cases.end(), c), c);
  }

  void take(int c) {
    auto& cases = held_[static_cast<std::size_t>(holder_[static_cast<std::size_t>(c)])];
    cases.erase(std::find(cases.begin(), cases.end(), c));
    holder_[static_cast<std::size_t>(c)] = -1;
  }

  bool improve_once() {
    const int n = static_cast<int>(held_.size());
    std::vector<int> by_load(static_cast<std::size_t>(n));
    std::iota(by_load.begin(), by_load.end(), 0);
    std::stable_sort(by_load.begin(), by_load.end(),
                     [&](int a, int b) { return load(a) > load(b); });
    for (int start : by_load) {
      if (chain_from(start)) return true;
    }
    return false;
  }

  // Breadth-first from `start` through "a case it holds may go to coordinator w"; moves the
  // cases along the first chain that ends at a coordinator with load ≤ load(start) − 2.
  bool chain_from(int start) {
    const std::size_t n = held_.size();
    std::vector<std::optional<std::pair<int, int>>> parent(n);  // (previous coordinator, case)
    std::vector<bool> seen(n, false);
    seen[static_cast<std::size_t>(start)] = true;
    std::deque<int> queue{start};
    while (!queue.empty()) {
      const int at = queue.front();
      queue.pop_front();
      for (int c : held_[static_cast<std::size_t>(at)]) {
        for (int w : eligible_[static_cast<std::size_t>(c)]) {
          if (seen[static_cast<std::size_t>(w)]) continue;
          seen[static_cast<std::size_t>(w)] = true;
          parent[static_cast<std::size_t>(w)] = std::make_pair(at, c);
          if (load(w) <= load(start) - 2) {
            for (int k = w; k != start;) {
              const auto [previous, moved] = *parent[static_cast<std::size_t>(k)];
              take(moved);
              give(moved, k);
              k = previous;
            }
            return true;
          }
          queue.push_back(w);
        }
      }
    }
    return false;
  }

  std::vector<std::vector<int>> eligible_;  // per case: coordinators, ascending
  std::vector<int> holder_;                 // per case
  std::vector<std::vector<int>> held_;      // per coordinator: cases, ascending
};

}  // namespace

bool may_review(const Coordinator& coordinator, std::string_view center, bool independent) {
  if (!independent) return true;
  return std::find(coordinator.centers.begin(), coordinator.centers.end(), center) ==
         coordinator.centers.end();
}

std::vector<CaseAssignment> assign_cases(const std::vector<AssignableCase>& cases,
                                         const std::vector<Coordinator>& coordinators,
                                         bool independent) {
  if (cases.empty()) return {};
  if (coordinators.empty()) {
    throw ValidationError(
        "der er ingen aktive kvalitetskoordinatorer at fordele sagerne til (opret dem med "
        "'sagsaudit user add … --role koordinator')");
  }
  std::vector<const Coordinator*> sorted;
  for (const auto& c : coordinators) sorted.push_back(&c);
  std::sort(sorted.begin(), sorted.end(),
            [](const Coordinator* a, const Coordinator* b) { return a->username < b->username; });
  for (std::size_t k = 1; k < sorted.size(); ++k) {
    if (sorted[k]->username == sorted[k - 1]->username) {
      throw ValidationError("koordinatoren " + sorted[k]->username + " er nævnt to gange");
    }
  }

  std::vector<std::vector<int>> eligible(cases.size());
  std::vector<Issue> issues;
  for (std::size_t c = 0; c < cases.size(); ++c) {
    for (std::size_t k = 0; k < sorted.size(); ++k) {
      if (may_review(*sorted[k], cases[c].center, independent)) {
        eligible[c].push_back(static_cast<int>(k));
      }
    }
    if (eligible[c].empty()) {
      issues.push_back(Issue{"", 0, 0, cases[c].case_number,
                             "ingen koordinator uden for centret " + cases[c].center +
                                 " kan få sagen (uafhængig tildeling)"});
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));

  Balancer balancer(std::move(eligible), static_cast<int>(sorted.size()));
  balancer.greedy();
  balancer.rebalance();

  std::vector<CaseAssignment> out;
  out.reserve(cases.size());
  for (std::size_t c = 0; c < cases.size(); ++c) {
    out.push_back(CaseAssignment{cases[c].case_number, cases[c].center,
                                 sorted[static_cast<std::size_t>(balancer.holder(c))]->username});
  }
  return out;
}

}  // namespace sagsaudit
