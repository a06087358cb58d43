#pragma once
// The rules a kvalitetskoncept must satisfy once its file has been read (the loader checks the
// file's structure: keys, types, category words). Every problem is returned, not just the first.
#include <vector>

#include "domain/concept.hpp"
#include "domain/errors.hpp"

namespace sagsaudit {

// ydelsestype and center codes: lower-case ASCII letters, digits and '_' / '-', starting with a
// letter — they appear in round ids (kontanthjaelp-2027-K1) and file names.
bool is_valid_code(std::string_view code);
// Control ids: ASCII letters and digits, '-', '_' and '.', starting with a letter or digit.
bool is_valid_control_id(std::string_view id);

// REQUIRES: concept_.source_file names the file the positions refer to.
std::vector<Issue> check_concept(const Concept& concept_);

}  // namespace sagsaudit
