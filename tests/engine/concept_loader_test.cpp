#include "loading/concept_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "domain/errors.hpp"
#include "engine/loader_test_support.hpp"

namespace sagsaudit {
namespace {

const std::string file = "concepts/kontanthjaelp.toml";

// A small valid concept; the tests below break it one way at a time.
const std::string valid = R"(# Standardkoncept
ydelsestype = "kontanthjaelp"
titel = "Kvalitetskoncept for kontanthjælp"

[[kontrol]]
id = "KH-N01"
kategori = "nøglekontrol"
tekst = "Er ydelsen beregnet korrekt?"
hjemmel = "Lov om aktiv socialpolitik § 25"
refusion = true

[[kontrol]]
id = "KH-K01"
kategori = "kvalitetsmål"
tekst = "Er samtalen holdt til tiden?"
hjemmel = "LAB-loven § 30"
vejledning = "Se journalen."

[[kontrol]]
id = "KH-F01"
kategori = "formalia"
tekst = "Er der givet klagevejledning?"
hjemmel = "Forvaltningsloven § 25"
)";

std::vector<std::string> errors_of(const std::string& text, const std::string& name = file) {
  return testing::errors_of(parse_concept, text, name);
}

using testing::replaced;

TEST(ConceptLoader, ReadsEveryField) {
  const Concept c = parse_concept(valid, file);
  EXPECT_EQ(c.benefit_type, "kontanthjaelp");
  EXPECT_EQ(c.title, "Kvalitetskoncept for kontanthjælp");
  ASSERT_EQ(c.controls.size(), 3u);
  EXPECT_EQ(c.controls[0].id, "KH-N01");
  EXPECT_EQ(c.controls[0].category, Category::key_control);
  EXPECT_TRUE(c.controls[0].affects_reimbursement);
  EXPECT_EQ(c.controls[0].position.line, 5);
  EXPECT_EQ(c.controls[1].category, Category::quality_goal);
  EXPECT_EQ(c.controls[1].help, "Se journalen.");
  EXPECT_EQ(c.controls[2].legal_reference, "Forvaltningsloven § 25");
  EXPECT_EQ(c.version.size(), 64u);
}

TEST(ConceptLoader, VersionIgnoresCommentsAndLayoutButNotContent) {
  const std::string version = parse_concept(valid, file).version;
  EXPECT_EQ(parse_concept("# Ny kommentar\n\n" + valid, file).version, version);
  EXPECT_EQ(parse_concept(replaced(valid, "titel = ", "titel    =   "), file).version, version);
  EXPECT_NE(parse_concept(replaced(valid, "til tiden?", "til tiden ?"), file).version, version);
}

TEST(ConceptLoader, TypoedKeyIsRefusedWithLineAndColumn) {
  EXPECT_EQ(errors_of(replaced(valid, "tekst = \"Er samtalen", "tekts = \"Er samtalen")),
            (std::vector<std::string>{
                "concepts/kontanthjaelp.toml:15:1: kontrol.tekts: ukendt nøgle (kendte nøgler: "
                "id, kategori, tekst, hjemmel, vejledning, refusion)",
                "concepts/kontanthjaelp.toml:12:1: kontrol.tekst: mangler"}));
}

TEST(ConceptLoader, DuplicateControlIdIsRefusedWithLineAndColumn) {
  EXPECT_EQ(errors_of(replaced(valid, "id = \"KH-F01\"", "id = \"KH-N01\"")),
            std::vector<std::string>{"concepts/kontanthjaelp.toml:19:1: kontrol.id: kontrol-id "
                                     "'KH-N01' findes allerede (linje 5)"});
}

TEST(ConceptLoader, UnknownCategory) {
  EXPECT_EQ(errors_of(replaced(valid, "\"formalia\"", "\"formalier\"")),
            std::vector<std::string>{
                "concepts/kontanthjaelp.toml:21:12: kontrol.kategori: 'formalier' er ikke en "
                "kategori (brug nøglekontrol, kvalitetsmål eller formalia)"});
}

TEST(ConceptLoader, RefusionMissingOnKeyControlOrPresentElsewhere) {
  EXPECT_EQ(errors_of(replaced(valid, "refusion = true\n", "")),
            std::vector<std::string>{
                "concepts/kontanthjaelp.toml:6:6: kontrol.refusion: mangler: en nøglekontrol skal "
                "angive, om en fejl påvirker statsrefusionen (refusion = true/false)"});
  EXPECT_EQ(errors_of(replaced(valid, "vejledning = \"Se journalen.\"", "refusion = false")),
            std::vector<std::string>{"concepts/kontanthjaelp.toml:17:12: kontrol.refusion: gælder "
                                     "kun nøglekontroller, ikke kvalitetsmål"});
}

TEST(ConceptLoader, WrongTypesAndEmptyStrings) {
  EXPECT_EQ(errors_of(replaced(valid, "refusion = true", "refusion = \"ja\"")),
            std::vector<std::string>{"concepts/kontanthjaelp.toml:10:12: kontrol.refusion: skal "
                                     "være true/false, ikke tekst"});
  EXPECT_EQ(errors_of(replaced(valid, "titel = \"Kvalitetskoncept for kontanthjælp\"", "titel = \"\"")),
            std::vector<std::string>{"concepts/kontanthjaelp.toml:3:9: titel: må ikke være tom"});
}

TEST(ConceptLoader, YdelsestypeMustMatchFileName) {
  EXPECT_EQ(errors_of(valid, "concepts/sygedagpenge.toml"),
            std::vector<std::string>{"concepts/sygedagpenge.toml:2:15: ydelsestype: "
                                     "'kontanthjaelp' skal være det samme som filnavnet "
                                     "('sygedagpenge')"});
}

TEST(ConceptLoader, SyntaxErrorNamesThePosition) {
  const auto errors = errors_of(replaced(valid, "id = \"KH-K01\"", "id = \"KH-K01"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("concepts/kontanthjaelp.toml:13:", 0), 0u) << errors[0];
  EXPECT_NE(errors[0].find("TOML-syntaksfejl"), std::string::npos);
}

TEST(ConceptLoader, DirectoryReportsEveryBadFileAndLoadsNone) {
  const auto dir = std::filesystem::temp_directory_path() / "sagsaudit-concept-dir-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "kontanthjaelp.toml") << valid;
  std::ofstream(dir / "revalidering.toml") << replaced(valid, "kontanthjaelp", "revalidering");
  std::ofstream(dir / "noter.txt") << "ikke et koncept";
  EXPECT_EQ(load_concept_dir(dir).size(), 2u);

  std::ofstream(dir / "sygedagpenge.toml") << "ydelsestype = \"sygedagpenge\"\n";
  try {
    load_concept_dir(dir);
    FAIL() << "expected a ValidationError";
  } catch (const ValidationError& error) {
    ASSERT_EQ(error.issues().size(), 2u);
    EXPECT_EQ(error.issues()[0].field, "titel");
    EXPECT_EQ(error.issues()[1].field, "kontrol");
  }
  std::filesystem::remove_all(dir);
}

TEST(ConceptLoader, MissingDirectory) {
  EXPECT_THROW(load_concept_dir("/nonexistent/concepts"), ValidationError);
}

}  // namespace
}  // namespace sagsaudit
