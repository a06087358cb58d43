#pragma once
// A drawn and assigned round with a known set of answers, shared by the tests of review import
// and of the reports (review_report_cli_test.cpp, report_render_test.cpp).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"

namespace sagsaudit::testing {

inline const std::string kRound = "sygedagpenge-2027-K1";

inline std::vector<std::string> controls(const std::string& prefix, int count) {
  std::vector<std::string> ids;
  for (int i = 1; i <= count; ++i) ids.push_back("SD-" + prefix + "0" + std::to_string(i));
  return ids;
}
inline const std::vector<std::string> kKey = controls("N", 8);
inline const std::vector<std::string> kQuality = controls("K", 7);
inline const std::vector<std::string> kFormal = controls("F", 5);

// A drawn and assigned round: ten cases from each of jc-amager, jc-noerrebro-bispebjerg and
// jc-vesterbro-valby (the shipped årshjul draws 10 per center; the other three centers have no
// cases), spread over three coordinators.
class ReviewCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sandbox_.run({"init"}).status, 0);
    ASSERT_EQ(sandbox_.run({"tick", "--today", "2027-04-02"}).status, 0);
    ASSERT_EQ(sandbox_.run({"keygen", "--out", key()}).status, 0);
    static const char* centers[] = {"jc-amager", "jc-noerrebro-bispebjerg", "jc-vesterbro-valby"};
    std::string text = "Sagsnummer;CPR;Center;Sagsbehandler;Afgørelsesdato\n";
    for (int i = 1; i <= 300; ++i) {
      char line[160];
      std::snprintf(line, sizeof line, "S-%05d;%02d%02d%02d%04d;%s;SB %d;%02d-03-2027\n", i,
                    1 + i % 28, 1 + i % 12, 40 + i % 50, i % 4000, centers[i % 3], i % 5,
                    1 + i % 28);
      text += line;
    }
    const auto imported = run({"population", "import", "--round", kRound, write("pop.csv", text)});
    ASSERT_EQ(imported.status, 0) << imported.err;
    ASSERT_EQ(run({"sample", "draw", "--round", kRound, "--seed", "20270402"}).status, 0);
    for (const std::string user : {"anna", "bo", "carl"}) {
      ASSERT_EQ(sandbox_.run({"user", "add", user, "--name", user, "--role", "koordinator"}).status,
                0);
    }
    const auto assigned = run({"assign", "--round", kRound, "--json"});
    ASSERT_EQ(assigned.status, 0) << assigned.err;
    const auto report = boost::json::parse(assigned.out);
    for (const auto& item : report.at("tildelinger").as_array()) {
      cases_[std::string(item.at("center").as_string())].push_back(
          std::string(item.at("sag").as_string()));
    }
    for (auto& [center, numbers] : cases_) std::sort(numbers.begin(), numbers.end());
    ASSERT_EQ(cases_.size(), 3u);
    for (const auto& [center, numbers] : cases_) ASSERT_EQ(numbers.size(), 10u) << center;
  }

  std::string key() const { return (sandbox_.dir() / "cpr.key").string(); }
  CliResult run(std::vector<std::string> args) {
    return sandbox_.run(std::move(args), {{"SAGSAUDIT_CPR_KEY_FILE", key()}});
  }
  std::string write(const std::string& name, const std::string& text) {
    const auto file = sandbox_.dir() / name;
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }

  // One line per control of each case: fejl (with `comment`) where `errors` says so (case index →
  // controls), ikke relevant for every formalia control when `formalia_not_relevant`, else korrekt.
  std::string answers(const std::string& center,
                      const std::map<int, std::vector<std::string>>& errors,
                      bool formalia_not_relevant = false,
                      const std::string& comment = "mangler dokumentation") {
    std::string text;
    const auto& numbers = cases_.at(center);
    for (int i = 0; i < static_cast<int>(numbers.size()); ++i) {
      auto fails = errors.count(i) ? errors.at(i) : std::vector<std::string>{};
      for (const auto* group : {&kKey, &kQuality, &kFormal}) {
        for (const auto& id : *group) {
          const bool failed = std::find(fails.begin(), fails.end(), id) != fails.end();
          if (failed) {
            text += numbers[i] + ";" + id + ";fejl;" + comment + ";\n";
          } else if (group == &kFormal && formalia_not_relevant) {
            text += numbers[i] + ";" + id + ";ikke relevant;;\n";
          } else {
            text += numbers[i] + ";" + id + ";korrekt;;\n";
          }
        }
      }
    }
    return text;
  }

  static std::vector<std::string> join(std::vector<std::string> a,
                                       const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }

  // The hand-computed dataset; its figures are worked out in review_report_cli_test.cpp
  // (KnownAnswersGiveTheHandComputedFigures).
  std::string known_file(const std::string& comment = "mangler dokumentation") {
    const auto all = join(join(kKey, kQuality), kFormal);
    const auto key_and_quality = join(kKey, kQuality);
    std::vector<std::string> nine(key_and_quality.begin(), key_and_quality.begin() + 9);
    std::vector<std::string> eleven(key_and_quality.begin(), key_and_quality.begin() + 11);
    std::vector<std::string> four_formal(kFormal.begin(), kFormal.begin() + 4);
    return "sagsnummer;kontrol;svar;kommentar;beløb\n" +
           answers("jc-amager", {{0, kQuality}, {1, four_formal}}, false, comment) +
           answers("jc-noerrebro-bispebjerg",
                   {{0, key_and_quality}, {1, key_and_quality}, {2, nine}}, true, comment) +
           answers("jc-vesterbro-valby", {{0, all}, {1, all}, {2, eleven}}, false, comment);
  }

  CliSandbox sandbox_;
  std::map<std::string, std::vector<std::string>> cases_;
};

}  // namespace sagsaudit::testing
