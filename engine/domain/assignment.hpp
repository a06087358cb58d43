#pragma once
// Spreading a round's sampled cases over its kvalitetskoordinatorer: evenly, deterministically
// and — when the årshjul asks for independent review (uafhaengig_tildeling) — never to a
// coordinator who belongs to the case's own center. Pure: the same input gives the same
// assignment on every machine.
#include <string>
#include <string_view>
#include <vector>

namespace sagsaudit {

struct AssignableCase {
  std::string case_number;  // sagsnummer
  std::string center;       // center code
};

struct Coordinator {
  std::string username;
  std::vector<std::string> centers;  // the centers the coordinator belongs to
};

struct CaseAssignment {
  std::string case_number;
  std::string center;
  std::string coordinator;  // username
};

// Whether the coordinator may review a case of `center`.
bool may_review(const Coordinator& coordinator, std::string_view center, bool independent);

// Assigns every case to one coordinator, result in the order of `cases`.
//   - Only coordinators who may_review the case are used.
//   - Evenly: the loads are as equal as the independence rule allows. Precisely, no case can be
//     moved along a chain of reassignments from a coordinator with load L to one with load
//     L − 2 or less; such an assignment has the smallest possible maximum load, and its loads
//     differ by at most one when every coordinator may review every case.
//   - Deterministic: greedy (cases with the fewest possible coordinators first, in input order;
//     each to the least-loaded possible coordinator, ties by username), then moves along the
//     chains above, searched breadth-first in username and input order, until none is left.
// Throws ValidationError naming every case that no coordinator may review, or when there are
// cases but no coordinators; and when two coordinators share a username.
std::vector<CaseAssignment> assign_cases(const std::vector<AssignableCase>& cases,
                                         const std::vector<Coordinator>& coordinators,
                                         bool independent);

}  // namespace sagsaudit
