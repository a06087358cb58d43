#pragma once
// A kvalitetskoncept: the versioned checklist that every sampled case of one ydelsestype is
// scored against. Each control belongs to one of seed 003's three categories.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/source_position.hpp"

namespace sagsaudit {

enum class Category {
  key_control,   // nøglekontrol: reimbursement or other economic impact
  quality_goal,  // kvalitetsmål: content of the decision, legal deadlines
  formality,     // formalia: form requirements
};

// The Danish words of the concept files: "nøglekontrol", "kvalitetsmål", "formalia".
std::optional<Category> parse_category(std::string_view danish);
std::string to_danish(Category category);
// Stable ASCII code for storage and the API: "key_control", "quality_goal", "formality".
std::string to_code(Category category);
std::optional<Category> category_from_code(std::string_view code);

struct Control {
  std::string id;               // e.g. "KH-N01", unique within the concept
  Category category = Category::formality;
  std::string question;         // the Danish question the coordinator answers
  std::string legal_reference;  // e.g. "Aktivloven § 11, stk. 2"
  std::string help;             // optional guidance; empty when none
  // Only meaningful for a nøglekontrol: an error here changes the state reimbursement, so it
  // gets a berigtigelse (correction) follow-up.
  bool affects_reimbursement = false;
  SourcePosition position;
};

struct Concept {
  std::string benefit_type;  // the ydelsestype code, e.g. "kontanthjaelp"
  std::string title;         // Danish title shown to users
  std::string description;   // optional
  std::vector<Control> controls;
  // Hex SHA-256 of canonical_text(): a concept's version is its content, so editing a file
  // makes a new version and never touches results recorded against an old one.
  std::string version;
  std::string source_file;

  const Control* find_control(std::string_view id) const;
  int count(Category category) const;
};

// A canonical, line-based rendering of everything that defines the concept (not comments, not
// layout, not the order of keys in the file). Its SHA-256 is the concept's version.
std::string canonical_text(const Concept& concept_);

}  // namespace sagsaudit
