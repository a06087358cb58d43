#include "domain/concept.hpp"

#include <algorithm>

namespace sagsaudit {

std::optional<Category> parse_category(std::string_view danish) {
  if (danish == "nøglekontrol") return Category::key_control;
  if (danish == "kvalitetsmål") return Category::quality_goal;
  if (danish == "formalia") return Category::formality;
  return std::nullopt;
}

std::string to_danish(Category category) {
  switch (category) {
    case Category::key_control: return "nøglekontrol";
    case Category::quality_goal: return "kvalitetsmål";
    case Category::formality: return "formalia";
  }
  return "?";
}

std::string to_code(Category category) {
  switch (category) {
    case Category::key_control: return "key_control";
    case Category::quality_goal: return "quality_goal";
    case Category::formality: return "formality";
  }
  return "?";
}

std::optional<Category> category_from_code(std::string_view code) {
  for (auto c : {Category::key_control, Category::quality_goal, Category::formality}) {
    if (to_code(c) == code) return c;
  }
  return std::nullopt;
}

const Control* Concept::find_control(std::string_view id) const {
  const auto it = std::find_if(controls.begin(), controls.end(),
                               [&](const Control& control) { return control.id == id; });
  return it == controls.end() ? nullptr : &*it;
}

int Concept::count(Category category) const {
  return static_cast<int>(std::count_if(controls.begin(), controls.end(),
                                        [&](const Control& c) { return c.category == category; }));
}

namespace {
// Escapes the characters that would make the line-based rendering ambiguous.
std::string escaped(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\\') out += "\\\\";
    else if (ch == '\n') out += "\\n";
    else out += ch;
  }
  return out;
}
}  // namespace

std::string canonical_text(const Concept& concept_) {
  std::string out = "sagsaudit-concept 1\n";
  out += "ydelsestype=" + escaped(concept_.benefit_type) + '\n';
  out += "titel=" + escaped(concept_.title) + '\n';
  out += "beskrivelse=" + escaped(concept_.description) + '\n';
  for (const auto& control : concept_.controls) {
    out += "kontrol=" + escaped(control.id) + '\n';
    out += " kategori=" + to_code(control.category) + '\n';
    out += " tekst=" + escaped(control.question) + '\n';
    out += " hjemmel=" + escaped(control.legal_reference) + '\n';
    out += " vejledning=" + escaped(control.help) + '\n';
    out += std::string(" refusion=") + (control.affects_reimbursement ? "ja" : "nej") + '\n';
  }
  return out;
}

}  // namespace sagsaudit
