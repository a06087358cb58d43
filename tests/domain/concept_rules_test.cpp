#include "domain/concept_rules.hpp"

#include <gtest/gtest.h>

namespace sagsaudit {
namespace {

Control control(std::string id, Category category, int line, bool refusion = false) {
  return Control{std::move(id), category, "Er ydelsen beregnet korrekt?", "Aktivloven § 25", "",
                 refusion, SourcePosition{line, 1}};
}

Concept valid_concept() {
  Concept c;
  c.benefit_type = "kontanthjaelp";
  c.title = "Kvalitetskoncept for kontanthjælp";
  c.source_file = "concepts/kontanthjaelp.toml";
  c.controls = {control("KH-N01", Category::key_control, 10, true),
                control("KH-K01", Category::quality_goal, 20),
                control("KH-F01", Category::formality, 30)};
  return c;
}

std::vector<std::string> formatted(const std::vector<Issue>& issues) {
  std::vector<std::string> out;
  for (const auto& issue : issues) out.push_back(format_issue(issue));
  return out;
}

TEST(ConceptRules, AValidConceptHasNoIssues) { EXPECT_TRUE(check_concept(valid_concept()).empty()); }

TEST(ConceptRules, DuplicateIdNamesBothLines) {
  Concept c = valid_concept();
  c.controls.push_back(control("KH-N01", Category::key_control, 40, false));
  EXPECT_EQ(formatted(check_concept(c)),
            std::vector<std::string>{"concepts/kontanthjaelp.toml:40:1: kontrol.id: kontrol-id "
                                     "'KH-N01' findes allerede (linje 10)"});
}

TEST(ConceptRules, EveryCategoryMustBePresent) {
  Concept c = valid_concept();
  c.controls.pop_back();  // no formalia left
  EXPECT_EQ(formatted(check_concept(c)),
            std::vector<std::string>{"concepts/kontanthjaelp.toml:1:1: kontrol: konceptet har "
                                     "ingen kontrol i kategorien formalia"});
}

TEST(ConceptRules, RefusionOnlyOnKeyControls) {
  Concept c = valid_concept();
  c.controls[2].affects_reimbursement = true;
  EXPECT_EQ(formatted(check_concept(c)),
            std::vector<std::string>{"concepts/kontanthjaelp.toml:30:1: kontrol.refusion: "
                                     "refusion gælder kun nøglekontroller"});
}

TEST(ConceptRules, EmptyTextsAndBadIdsAreAllReported) {
  Concept c = valid_concept();
  c.controls[0].question = "";
  c.controls[1].legal_reference = "";
  c.controls[2].id = "KH F01";
  EXPECT_EQ(check_concept(c).size(), 3u);
}

TEST(ConceptRules, CodesAreLowerCaseAscii) {
  EXPECT_TRUE(is_valid_code("kontanthjaelp"));
  EXPECT_TRUE(is_valid_code("fleksjob_ledighedsydelse"));
  EXPECT_TRUE(is_valid_code("jc-amager"));
  EXPECT_FALSE(is_valid_code("Kontanthjaelp"));
  EXPECT_FALSE(is_valid_code("kontanthjælp"));
  EXPECT_FALSE(is_valid_code("1type"));
  EXPECT_FALSE(is_valid_code(""));
}

TEST(ConceptRules, ControlIds) {
  EXPECT_TRUE(is_valid_control_id("KH-N01"));
  EXPECT_TRUE(is_valid_control_id("sd.k_2"));
  EXPECT_FALSE(is_valid_control_id("-N01"));
  EXPECT_FALSE(is_valid_control_id("KH N01"));
  EXPECT_FALSE(is_valid_control_id("ÆØ-01"));
}

TEST(ConceptVersion, CanonicalTextChangesWithEveryField) {
  const Concept base = valid_concept();
  const std::string text = canonical_text(base);
  auto changed = [&](auto mutate) {
    Concept c = base;
    mutate(c);
    return canonical_text(c) != text;
  };
  EXPECT_TRUE(changed([](Concept& c) { c.title += "."; }));
  EXPECT_TRUE(changed([](Concept& c) { c.description = "x"; }));
  EXPECT_TRUE(changed([](Concept& c) { c.controls[0].question += "?"; }));
  EXPECT_TRUE(changed([](Concept& c) { c.controls[0].affects_reimbursement = false; }));
  EXPECT_TRUE(changed([](Concept& c) { c.controls[1].help = "Se journalen."; }));
  EXPECT_TRUE(changed([](Concept& c) { std::swap(c.controls[0], c.controls[1]); }));
  // Where a control stands in the file is layout, not content.
  EXPECT_FALSE(changed([](Concept& c) { c.controls[0].position = {99, 3}; }));
  EXPECT_FALSE(changed([](Concept& c) { c.source_file = "elsewhere.toml"; }));
}

TEST(ConceptVersion, NewlinesCannotForgeAnotherControl) {
  Concept a = valid_concept();
  Concept b = valid_concept();
  a.controls[0].help = "x\nkontrol=KH-X";
  b.controls[0].help = "x";
  EXPECT_NE(canonical_text(a), canonical_text(b));
  EXPECT_EQ(canonical_text(a).find("\nkontrol=KH-X"), std::string::npos);
}

}  // namespace
}  // namespace sagsaudit
