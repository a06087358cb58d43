#pragma once
// Reads kvalitetskoncept files (docs/concept-format.md) into domain Concepts, refusing a bad file
// whole with every problem as file:line:column.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/concept.hpp"
#include "domain/errors.hpp"

namespace sagsaudit {

// Parses and validates one concept from TOML text; `file` is the name used in messages and
// the expected ydelsestype is the file name's stem. Throws ValidationError with every issue.
Concept parse_concept(const std::string& text, const std::string& file);

// Reads one concept file. Throws ValidationError.
Concept load_concept_file(const std::filesystem::path& path);

// The outcome of reading one file of a concept directory: a concept, or its problems.
struct ConceptFileResult {
  std::filesystem::path path;
  std::optional<Concept> loaded;
  std::vector<Issue> issues;
};

// Reads one file into a result instead of throwing for its problems.
ConceptFileResult read_concept_file(const std::filesystem::path& path);

// Reads every *.toml in `dir`, sorted by file name, each file on its own (one bad file does not
// hide the others). Throws ValidationError only when the directory is missing or has no files.
std::vector<ConceptFileResult> read_concept_dir(const std::filesystem::path& dir);

// As read_concept_dir, but all or nothing: throws ValidationError listing the problems of all
// bad files.
std::vector<Concept> load_concept_dir(const std::filesystem::path& dir);

}  // namespace sagsaudit
