// Concept versions are stored whole, frozen, and one per ydelsestype is current.
#include "storage/concept_repository.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "storage/storage_test_support.hpp"

namespace sagsaudit::storage {
namespace {

using testing::fake_version;
using testing::row_count;

class ConceptRepositoryTest : public testing::MigratedStorageTest {};

Concept kontanthjaelp(const std::string& version) {
  Concept c;
  c.benefit_type = "kontanthjaelp";
  c.title = "Kvalitetskoncept for kontanthjælp";
  c.description =
      "Gælder sager om kontanthjælp, uddannelseshjælp og selvforsørgelses- og "
      "hjemrejseydelse.\nAnden linje: æøå ÆØÅ.";
  c.version = version;
  c.source_file = "concepts/kontanthjaelp.toml";
  c.controls = {
      {"KH-N01",
       Category::key_control,
       "Er der truffet afgørelse om ret til hjælp før første udbetaling?",
       "Aktivloven § 11, stk. 2",
       "Se også vejledningens pkt. 3.1 om rådighed.",
       true,
       {12, 1}},
      {"KH-K01",
       Category::quality_goal,
       "Er afgørelsen truffet inden for 14 dage?",
       "Retssikkerhedsloven § 3, stk. 1",
       "",
       false,
       {20, 1}},
      {"KH-F01",
       Category::formality,
       "Er borgeren partshørt før afgørelsen (forvaltningsloven)?",
       "Forvaltningsloven § 19",
       "Partshøring er ikke nødvendig ved fuldt medhold.",
       false,
       {27, 1}},
  };
  return c;
}

Concept sygedagpenge(const std::string& version) {
  Concept c;
  c.benefit_type = "sygedagpenge";
  c.title = "Kvalitetskoncept for sygedagpenge";
  c.version = version;
  c.source_file = "concepts/sygedagpenge.toml";
  c.controls = {{"SD-N01",
                 Category::key_control,
                 "Er der refusion fra 1. dag?",
                 "Sygedagpengeloven § 54",
                 "",
                 true,
                 {}}};
  return c;
}

// Every stored field; SourcePosition is not stored.
void expect_same(const Concept& actual, const Concept& expected) {
  EXPECT_EQ(actual.benefit_type, expected.benefit_type);
  EXPECT_EQ(actual.title, expected.title);
  EXPECT_EQ(actual.description, expected.description);
  EXPECT_EQ(actual.version, expected.version);
  EXPECT_EQ(actual.source_file, expected.source_file);
  ASSERT_EQ(actual.controls.size(), expected.controls.size());
  for (std::size_t i = 0; i < expected.controls.size(); ++i) {
    SCOPED_TRACE(expected.controls[i].id);
    const Control& a = actual.controls[i];
    const Control& e = expected.controls[i];
    EXPECT_EQ(a.id, e.id);
    EXPECT_EQ(a.category, e.category);
    EXPECT_EQ(a.question, e.question);
    EXPECT_EQ(a.legal_reference, e.legal_reference);
    EXPECT_EQ(a.help, e.help);
    EXPECT_EQ(a.affects_reimbursement, e.affects_reimbursement);
    EXPECT_EQ(a.position.line, 0);
  }
}

std::vector<std::string> benefit_types(const std::vector<Concept>& concepts) {
  std::vector<std::string> out;
  for (const auto& c : concepts) out.push_back(c.benefit_type);
  return out;
}

TEST_F(ConceptRepositoryTest, ConceptRoundTripKeepsEveryFieldAndDanishText) {
  auto repo = make_concept_repository(db());
  const Concept original = kontanthjaelp(fake_version('a'));
  EXPECT_TRUE(repo->store(original));

  const auto loaded = repo->load(fake_version('a'));
  ASSERT_TRUE(loaded);
  expect_same(*loaded, original);
  // Read from another connection too: nothing is held back in the first one.
  auto other = Database::open(url());
  const auto elsewhere = make_concept_repository(*other)->load(fake_version('a'));
  ASSERT_TRUE(elsewhere);
  expect_same(*elsewhere, original);
}

TEST_F(ConceptRepositoryTest, UnknownConceptVersionIsNullopt) {
  EXPECT_FALSE(make_concept_repository(db())->load(fake_version('0')));
}

TEST_F(ConceptRepositoryTest, StoringTheSameVersionAgainStoresNothing) {
  auto repo = make_concept_repository(db());
  EXPECT_TRUE(repo->store(kontanthjaelp(fake_version('a'))));
  EXPECT_FALSE(repo->store(kontanthjaelp(fake_version('a'))));
  EXPECT_EQ(row_count(db(), "concept_versions"), 1);
  EXPECT_EQ(row_count(db(), "concept_controls"), 3);
  EXPECT_EQ(row_count(db(), "concept_loads"), 1);
  EXPECT_EQ(repo->versions("kontanthjaelp"), std::vector<std::string>{fake_version('a')});
}

TEST_F(ConceptRepositoryTest, CurrentIsTheVersionStoredLastAndRevertingMakesTheOldOneCurrent) {
  auto repo = make_concept_repository(db());
  Concept v1 = kontanthjaelp(fake_version('1'));
  Concept v2 = kontanthjaelp(fake_version('2'));
  v2.title = "Kvalitetskoncept for kontanthjælp (2027)";
  v2.controls.pop_back();

  EXPECT_TRUE(repo->store(v1));
  EXPECT_TRUE(repo->store(sygedagpenge(fake_version('s'))));
  EXPECT_TRUE(repo->store(v2));
  auto current = repo->current();
  EXPECT_EQ(benefit_types(current), (std::vector<std::string>{"kontanthjaelp", "sygedagpenge"}));
  ASSERT_EQ(current.size(), 2u);
  expect_same(current[0], v2);
  EXPECT_EQ(current[1].version, fake_version('s'));

  // The file is put back as it was: the old content is current again, nothing new is stored.
  EXPECT_FALSE(repo->store(v1));
  current = repo->current();
  ASSERT_EQ(current.size(), 2u);
  expect_same(current[0], v1);
  EXPECT_EQ(current[1].version, fake_version('s'));
  EXPECT_EQ(row_count(db(), "concept_versions"), 3);

  EXPECT_TRUE(repo->store(kontanthjaelp(fake_version('3'))));
  EXPECT_EQ(repo->versions("kontanthjaelp"),
            (std::vector<std::string>{fake_version('1'), fake_version('2'), fake_version('3')}));
  EXPECT_EQ(repo->versions("sygedagpenge"), std::vector<std::string>{fake_version('s')});
  EXPECT_TRUE(repo->versions("delpension").empty());
}

TEST_F(ConceptRepositoryTest, CurrentOrdersByBenefitTypeNotByStoreOrder) {
  auto repo = make_concept_repository(db());
  Concept fleksydelse = sygedagpenge(fake_version('f'));
  fleksydelse.benefit_type = "fleksydelse";
  Concept fleksjob = sygedagpenge(fake_version('j'));
  fleksjob.benefit_type = "fleksjob_ledighedsydelse";
  repo->store(sygedagpenge(fake_version('s')));
  repo->store(fleksydelse);
  repo->store(kontanthjaelp(fake_version('k')));
  repo->store(fleksjob);
  EXPECT_EQ(benefit_types(repo->current()),
            (std::vector<std::string>{"fleksjob_ledighedsydelse", "fleksydelse", "kontanthjaelp",
                                      "sygedagpenge"}));
}

TEST_F(ConceptRepositoryTest, EmptyDatabaseHasNoCurrentConcepts) {
  EXPECT_TRUE(make_concept_repository(db())->current().empty());
}

TEST_F(ConceptRepositoryTest, ConceptStoreInsideATransactionIsUndoneWithIt) {
  auto repo = make_concept_repository(db());
  {
    Transaction transaction(db());
    EXPECT_TRUE(repo->store(kontanthjaelp(fake_version('a'))));
    EXPECT_TRUE(repo->load(fake_version('a')));  // visible inside
  }
  EXPECT_FALSE(repo->load(fake_version('a')));
  EXPECT_TRUE(repo->current().empty());
  EXPECT_TRUE(repo->versions("kontanthjaelp").empty());
  EXPECT_EQ(row_count(db(), "concept_controls"), 0);
  EXPECT_EQ(row_count(db(), "concept_loads"), 0);
}

TEST_F(ConceptRepositoryTest, FailedConceptStoreLeavesNothingAndIsAStorageError) {
  auto repo = make_concept_repository(db());
  Concept broken = kontanthjaelp(fake_version('b'));
  broken.controls[2].id = broken.controls[0].id;  // the database refuses duplicate ids
  try {
    repo->store(broken);
    ADD_FAILURE() << "stored";
  } catch (const StorageError& error) {
    const std::string expected_start = "cannot store concept version " + fake_version('b') +
                                       " (kontanthjaelp) in " + db().redacted_url() + ": ";
    EXPECT_EQ(std::string(error.what()).rfind(expected_start, 0), 0u) << error.what();
  }
  EXPECT_FALSE(repo->load(fake_version('b')));
  EXPECT_EQ(row_count(db(), "concept_versions"), 0);
  EXPECT_EQ(row_count(db(), "concept_controls"), 0);
}

TEST_F(ConceptRepositoryTest, ConceptWithoutVersionIsRefused) {
  EXPECT_THROW(make_concept_repository(db())->store(kontanthjaelp("")), ValidationError);
}

TEST_F(ConceptRepositoryTest, SameVersionForAnotherBenefitTypeIsAConflict) {
  auto repo = make_concept_repository(db());
  repo->store(kontanthjaelp(fake_version('x')));
  EXPECT_THROW(repo->store(sygedagpenge(fake_version('x'))), ConflictError);
}

}  // namespace
}  // namespace sagsaudit::storage
