#include "domain/sample_selection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/decimal.hpp"
#include "domain/errors.hpp"
#include "domain/fnv1a.hpp"
#include "domain/stratum_size.hpp"

namespace sagsaudit {
namespace {

using Strings = std::vector<std::string>;

// "S-001" … "S-<count>", in a deliberately scrambled input order (the case system's order must
// not matter).
Strings case_numbers(int count) {
  Strings out;
  for (int i = count; i >= 1; --i) {
    std::string digits = std::to_string(i);
    out.push_back("S-" + std::string(3 - std::min<std::size_t>(3, digits.size()), '0') + digits);
  }
  std::rotate(out.begin(), out.begin() + count / 3, out.end());
  return out;
}

// --- FNV-1a-64: the published test vectors of the FNV authors (isthe.com/chongo/tech/comp/fnv).

TEST(Fnv1a64, MatchesPublishedVectors) {
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a_64("foobar"), 0x85944171f73967e8ULL);
}

TEST(Fnv1a64, HashesUtf8BytesAboveAsciiUnsigned) {
  // "ø" is the two bytes c3 b8; each must enter the hash as 0xc3 and 0xb8, not sign-extended.
  std::uint64_t expected = 0xcbf29ce484222325ULL;
  for (std::uint64_t byte : {0xc3ULL, 0xb8ULL}) expected = (expected ^ byte) * 1099511628211ULL;
  EXPECT_EQ(fnv1a_64("\xc3\xb8"), expected);
}

// --- Stratum streams

TEST(StratumStream, IsFnv1aOfTheKeyWithBars) {
  EXPECT_EQ(stratum_key("sygedagpenge", "jc-amager", "2027-K1"), "sygedagpenge|jc-amager|2027-K1");
  EXPECT_EQ(stratum_stream("sygedagpenge", "jc-amager", "2027-K1"),
            fnv1a_64("sygedagpenge|jc-amager|2027-K1"));
  // The worked example of docs/sampling.md; checked with an independent implementation.
  EXPECT_EQ(stratum_stream("sygedagpenge", "jc-amager", "2027-K1"), 0xfa82932b4e9f6325ULL);
}

TEST(StratumStream, DiffersByCenterBenefitTypeAndPeriod) {
  const std::uint64_t base = stratum_stream("sygedagpenge", "jc-amager", "2027-K1");
  EXPECT_NE(stratum_stream("sygedagpenge", "jc-norrebro", "2027-K1"), base);
  EXPECT_NE(stratum_stream("kontanthjaelp", "jc-amager", "2027-K1"), base);
  EXPECT_NE(stratum_stream("sygedagpenge", "jc-amager", "2027-K2"), base);
}

// --- The worked example of docs/sampling.md. The expected values were computed by an independent
// re-implementation of pcg_basic.c, FNV-1a and the partial Fisher–Yates (a throw-away Python
// script, itself checked against the reference demo's outputs), not by this code.
//
//   key "sygedagpenge|jc-amager|2027-K1" -> initseq 0xfa82932b4e9f6325, seed (initstate) 20270401
//   step  i   bound  raw output               threshold  c = raw mod i   pick
//   1     10  10     0x0a20bb71 = 169917297   6          7               a[9] = 7 -> S-008
//   2      9   9     0xba6a340c = 3127522316  4          5               a[8] = 5 -> S-006
//   3      8   8     0x61567cfa = 1633058042  0          2               a[7] = 2 -> S-003

TEST(DrawStratum, WorkedExampleFromTheDocs) {
  const StratumDraw draw =
      draw_stratum("sygedagpenge", "jc-amager", "2027-K1", case_numbers(10), 3, 20270401);
  EXPECT_EQ(draw.center, "jc-amager");
  EXPECT_EQ(draw.population, 10U);
  EXPECT_EQ(draw.requested, 3U);
  EXPECT_FALSE(draw.took_all);
  EXPECT_EQ(draw.picks, (Strings{"S-008", "S-006", "S-003"}));
}

TEST(DrawStratum, WorkedExampleStepByStep) {
  const std::uint64_t stream = 0xfa82932b4e9f6325ULL;
  Pcg32 raw(20270401, stream);
  EXPECT_EQ(raw.increment(), 0xf50526569d3ec64bULL);  // (initseq << 1) | 1
  EXPECT_EQ(raw.state(), 0x68bb6b24fdd4a9e7ULL);      // after seeding, before the first draw
  EXPECT_EQ(raw.next(), 0x0a20bb71U);
  EXPECT_EQ(raw.next(), 0xba6a340cU);
  EXPECT_EQ(raw.next(), 0x61567cfaU);

  Pcg32 rng(20270401, stream);
  EXPECT_EQ(draw_indices(10, 3, rng), (std::vector<std::size_t>{7, 5, 2}));
}

TEST(DrawStratum, SameInputsGiveSamePicks) {
  const auto first = draw_stratum("sygedagpenge", "jc-amager", "2027-K1", case_numbers(500), 25, 7);
  const auto again = draw_stratum("sygedagpenge", "jc-amager", "2027-K1", case_numbers(500), 25, 7);
  EXPECT_EQ(first.picks, again.picks);
  EXPECT_EQ(first.picks.size(), 25U);
}

TEST(DrawStratum, InputOrderDoesNotMatter) {
  Strings cases = case_numbers(200);
  const auto scrambled = draw_stratum("revalidering", "jc-amager", "2027-K1", cases, 12, 99);
  std::sort(cases.begin(), cases.end());
  const auto sorted = draw_stratum("revalidering", "jc-amager", "2027-K1", cases, 12, 99);
  std::reverse(cases.begin(), cases.end());
  const auto reversed = draw_stratum("revalidering", "jc-amager", "2027-K1", cases, 12, 99);
  EXPECT_EQ(scrambled.picks, sorted.picks);
  EXPECT_EQ(scrambled.picks, reversed.picks);
}

TEST(DrawStratum, CanonicalOrderIsByteOrder) {
  // Byte order, not "natural" order: "S-10" < "S-9", and upper case (0x53) before lower (0x73).
  const Strings cases = {"s-1", "S-9", "S-10", "S-2"};
  const Strings canonical = {"S-10", "S-2", "S-9", "s-1"};
  Pcg32 rng(5, stratum_stream("integration", "jc-vest", "2027-H1"));
  Strings expected;
  for (std::size_t index : draw_indices(4, 4, rng)) expected.push_back(canonical[index]);
  EXPECT_EQ(draw_stratum("integration", "jc-vest", "2027-H1", cases, 4, 5).picks, expected);
}

TEST(DrawStratum, DifferentCenterOrSeedGivesDifferentPicks) {
  const auto amager =
      draw_stratum("sygedagpenge", "jc-amager", "2027-K1", case_numbers(500), 20, 1);
  const auto vest = draw_stratum("sygedagpenge", "jc-vest", "2027-K1", case_numbers(500), 20, 1);
  const auto reseeded =
      draw_stratum("sygedagpenge", "jc-amager", "2027-K1", case_numbers(500), 20, 2);
  EXPECT_NE(amager.picks, vest.picks);
  EXPECT_NE(amager.picks, reseeded.picks);
}

TEST(DrawStratum, LargerSampleExtendsTheSmallerOne) {
  // Partial Fisher–Yates draws one case per step, so the first k picks of a larger draw are the
  // draw of size k: raising n never changes the cases already drawn.
  const auto three =
      draw_stratum("sygedagpenge", "jc-amager", "2027-K1", case_numbers(10), 3, 20270401);
  const auto six =
      draw_stratum("sygedagpenge", "jc-amager", "2027-K1", case_numbers(10), 6, 20270401);
  EXPECT_TRUE(std::equal(three.picks.begin(), three.picks.end(), six.picks.begin()));
}

TEST(DrawStratum, TakesAllWhenNIsAtLeastThePopulation) {
  const auto exact = draw_stratum("delpension", "jc-nord", "2027", case_numbers(7), 7, 11);
  const auto more = draw_stratum("delpension", "jc-nord", "2027", case_numbers(7), 30, 11);
  EXPECT_TRUE(exact.took_all);
  EXPECT_TRUE(more.took_all);
  EXPECT_EQ(more.requested, 30U);
  EXPECT_EQ(more.population, 7U);
  EXPECT_EQ(more.picks, exact.picks);  // n ≥ N runs the same procedure as n = N
  Strings sorted = more.picks;
  std::sort(sorted.begin(), sorted.end());
  Strings all = case_numbers(7);
  std::sort(all.begin(), all.end());
  EXPECT_EQ(sorted, all);  // every case exactly once
}

TEST(DrawStratum, ZeroRequestedOrEmptyPopulationDrawsNothing) {
  const auto none = draw_stratum("fleksydelse", "jc-nord", "2027-H1", case_numbers(5), 0, 3);
  EXPECT_TRUE(none.picks.empty());
  EXPECT_FALSE(none.took_all);
  const auto empty = draw_stratum("fleksydelse", "jc-nord", "2027-H1", {}, 4, 3);
  EXPECT_TRUE(empty.picks.empty());
  EXPECT_EQ(empty.population, 0U);
}

TEST(DrawStratum, RefusesDuplicateCaseNumbersNamingEach) {
  Strings cases = case_numbers(10);
  cases.push_back("S-004");
  cases.push_back("S-009");
  cases.push_back("S-004");
  try {
    draw_stratum("sygedagpenge", "jc-amager", "2027-K1", cases, 3, 1);
    FAIL() << "duplicates were accepted";
  } catch (const ValidationError& error) {
    ASSERT_EQ(error.issues().size(), 2U);  // S-004 once, though listed three times
    EXPECT_EQ(error.issues()[0].field, "sagsnummer");
    EXPECT_EQ(error.issues()[0].message,
              "sagsnummer S-004 forekommer mere end én gang i center jc-amager");
    EXPECT_EQ(error.issues()[1].message,
              "sagsnummer S-009 forekommer mere end én gang i center jc-amager");
  }
}

TEST(DrawIndices, RefusesPopulationsBeyondThe32BitBound) {
  Pcg32 rng(1, 1);
  const std::size_t too_many = std::size_t{std::numeric_limits<std::uint32_t>::max()} + 1;
  EXPECT_THROW(draw_indices(too_many, 1, rng), ValidationError);
}

// --- Sample sizes per stratum

TEST(StratumSize, FixedTakesPerCenterOrAllWhenFewer) {
  const FixedSampleRule ten{10};
  const StratumSize plenty = fixed_stratum_size(ten, 250);
  EXPECT_EQ(plenty.requested, 10U);
  EXPECT_EQ(plenty.n, 10U);
  EXPECT_FALSE(plenty.took_all);
  const StratumSize few = fixed_stratum_size(ten, 7);
  EXPECT_EQ(few.requested, 10U);
  EXPECT_EQ(few.n, 7U);
  EXPECT_TRUE(few.took_all);
  EXPECT_TRUE(fixed_stratum_size(ten, 10).took_all);  // exactly N: all of them
}

PercentSampleRule percent(const char* text, int min, int max) {
  return PercentSampleRule{parse_decimal(text).value(), min, max};
}

TEST(StratumSize, PercentRoundsUpExactly) {
  // 1.1 % of 3000 is exactly 33; in binary floating point 1.1 * 3000 / 100 is 33.00000000000001,
  // whose ceiling would be 34.
  EXPECT_EQ(percent_stratum_size(percent("1.1", 1, 1000), 3000).n, 33U);
  EXPECT_EQ(percent_stratum_size(percent("1.1", 1, 1000), 3001).n, 34U);  // 33.011 -> 34
  EXPECT_EQ(percent_stratum_size(percent("2.5", 1, 100), 30).n, 1U);      // 0.75 -> 1
  EXPECT_EQ(percent_stratum_size(percent("10", 1, 100), 200).n, 20U);     // exact, not raised
  EXPECT_EQ(percent_stratum_size(percent("100", 1, 1000), 123).n, 123U);
}

TEST(StratumSize, PercentIsClampedToMinAndMaxThenToThePopulation) {
  const PercentSampleRule rule = percent("5", 10, 40);
  EXPECT_EQ(percent_stratum_size(rule, 100).n, 10U);   // 5 raised to min
  EXPECT_EQ(percent_stratum_size(rule, 400).n, 20U);   // 20 within bounds
  EXPECT_EQ(percent_stratum_size(rule, 2000).n, 40U);  // 100 lowered to max
  const StratumSize small = percent_stratum_size(rule, 6);
  EXPECT_EQ(small.requested, 10U);  // min asks for 10 …
  EXPECT_EQ(small.n, 6U);           // … the center has 6: all of them
  EXPECT_TRUE(small.took_all);
}

TEST(StratumSize, StatisticalUsesThePlannersN) {
  const SampleRule rule = StatisticalSampleRule{};
  const StratumSize planned = stratum_size(rule, 1000, 59);
  EXPECT_EQ(planned.n, 59U);
  EXPECT_FALSE(planned.took_all);
  EXPECT_TRUE(stratum_size(rule, 40, 59).took_all);
  EXPECT_THROW(stratum_size(rule, 1000), std::invalid_argument);
}

TEST(StratumSize, DispatchesOnTheRule) {
  EXPECT_EQ(stratum_size(SampleRule{FixedSampleRule{8}}, 100).n, 8U);
  EXPECT_EQ(stratum_size(SampleRule{percent("3", 5, 50)}, 1000).n, 30U);
}

}  // namespace
}  // namespace sagsaudit
