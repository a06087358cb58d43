// The API's request bodies read without a server (server/api_bodies.hpp), with the exact
// refusals; the seed cases are the regression inputs of fuzz/regressions/api_json/.
#include "server/api_bodies.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"

namespace sagsaudit::server {
namespace {

boost::json::object body(const char* json) {
  return boost::json::parse(json).as_object();
}

// The refusal's issues as "field: message", or "" when the parser accepted the body.
template <typename Parse>
std::string refusal(Parse parse) {
  try {
    parse();
  } catch (const ValidationError& e) {
    std::string out;
    for (const auto& issue : e.issues()) {
      out += (out.empty() ? "" : "\n") + format_issue(issue);
    }
    return out;
  }
  return "";
}

constexpr const char* kSeedRefused = "seed: skal være et helt tal fra 0 til 2^64-1 (som tekst)";

TEST(ApiBodies, SeedIsAWholeNumberOrItsDigitsAsText) {
  EXPECT_EQ(seed_value(body(R"({"seed": 42})")), 42u);
  EXPECT_EQ(seed_value(body(R"({"seed": 18446744073709551615})")), 18446744073709551615u);
  EXPECT_EQ(seed_value(body(R"({"seed": "18446744073709551615"})")), 18446744073709551615u);
  EXPECT_EQ(seed_value(body(R"({"seed": "0020270101"})")), 20270101u);
  EXPECT_EQ(refusal([] { seed_value(body(R"({"seed": "18446744073709551616"})")); }), kSeedRefused);
  EXPECT_EQ(refusal([] { seed_value(body(R"({"seed": -1})")); }), kSeedRefused);
  EXPECT_EQ(refusal([] { seed_value(body(R"({"seed": ""})")); }), kSeedRefused);
  EXPECT_EQ(refusal([] { seed_value(body(R"({"seed": 1.5})")); }), kSeedRefused);
}

// Found by fuzz/api_json_fuzzer.cpp: std::stoull skipped the blank and read the sign, so
// " -5" became the seed 18446744073709551611 and " 92233807" and "+7" were taken as numbers.
TEST(ApiBodies, SeedTextWithBlanksOrASignIsRefused) {
  EXPECT_EQ(refusal([] { seed_value(body(R"({"seed": " -5"})")); }), kSeedRefused);
  EXPECT_EQ(refusal([] { seed_value(body(R"({"seed": " 92233807"})")); }), kSeedRefused);
  EXPECT_EQ(refusal([] { seed_value(body(R"({"seed": "+7"})")); }), kSeedRefused);
  EXPECT_EQ(refusal([] { seed_value(body(R"({"seed": "7 "})")); }), kSeedRefused);
}

TEST(ApiBodies, AnswersNameEachProblemByItsPlace) {
  const auto answers = answers_from(body(
      R"({"svar": [{"kontrol": "KH-N01", "svar": "fejl", "kommentar": "x", "beloeb": "1.234,50",
                    "periode": {"fra": "2027-01-01", "til": "2027-03-31"}}]})"));
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].control_id, "KH-N01");
  EXPECT_EQ(answers[0].answer, Answer::error);
  EXPECT_EQ(answers[0].amount->to_string(), "1234.5");
  EXPECT_EQ(refusal([] {
              answers_from(body(R"({"svar": [1, {"svar": "ja", "beloeb": "x", "periode": {}}]})"));
            }),
            "svar[0]: skal være et objekt\n"
            "svar[1].kontrol: mangler\n"
            "svar[1].svar: skal være korrekt, fejl, ikke_relevant eller kan_ikke_vurderes\n"
            "svar[1].beloeb: er ikke et beløb i kroner (fx \"1234,50\")\n"
            "svar[1].periode: skal være {\"fra\": \"ÅÅÅÅ-MM-DD\", \"til\": \"ÅÅÅÅ-MM-DD\"}");
  EXPECT_EQ(refusal([] { answers_from(body(R"({"svar": {}})")); }), "svar: mangler (en liste)");
}

TEST(ApiBodies, UsersAndLogin) {
  const auto added = new_user_from(body(
      R"({"brugernavn": "kirsten.m", "navn": "Kirsten", "rolle": "koordinator",
          "centre": ["jc-amager"], "adgangskode": "hemmelig-123"})"));
  EXPECT_EQ(added.user.username, "kirsten.m");
  EXPECT_EQ(added.user.role, UserRole::coordinator);
  EXPECT_EQ(added.user.centers, std::vector<std::string>{"jc-amager"});
  EXPECT_EQ(added.password, "hemmelig-123");
  EXPECT_EQ(
      refusal([] { new_user_from(body(R"({"brugernavn": "a", "navn": "A", "rolle": "chef"})")); }),
      "rolle: 'chef' er ukendt (admin, koordinator, leder eller revisor)");
  const auto change = user_change_from(body(R"({"aktiv": false, "navn": null})"));
  EXPECT_EQ(change.active, std::optional<bool>(false));
  EXPECT_FALSE(change.display_name.has_value());
  EXPECT_EQ(refusal([] { user_change_from(body(R"({"centre": ["a", 1]})")); }),
            "centre: skal være en liste af tekster");
  EXPECT_EQ(login_from(body(R"({"brugernavn": "a", "adgangskode": "b"})")).password, "b");
  EXPECT_EQ(refusal([] { login_from(body(R"({"adgangskode": "b"})")); }),
            "brugernavn: mangler (tekst)");
  EXPECT_EQ(advance_target(body(R"({"til": "reported"})")), RoundState::reported);
  EXPECT_EQ(refusal([] { advance_target(body(R"({"til": 3})")); }),
            "til: mangler eller er ikke en rundetilstand (fx reported)");
}

}  // namespace
}  // namespace sagsaudit::server
