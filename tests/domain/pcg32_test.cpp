#include "domain/pcg32.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "domain/sample_selection.hpp"

namespace sagsaudit {
namespace {

// The reference transcript of the PCG authors' own demo (pcg32-demo.c of imneme/pcg-c-basic;
// the same program is tests/check-pcg32.c of imneme/pcg-c, whose expected output is
// test-high/expected/check-pcg32.out). Seeded with pcg32_srandom_r(42, 54), each round prints six
// raw outputs, tosses 65 coins (boundedrand(2), 'H' for 1), rolls 33 dice (boundedrand(6) + 1)
// and deals 52 cards with a downward Fisher–Yates (for i = 52 … 2: swap cards[boundedrand(i)]
// and cards[i-1]). The "Again" line of check-pcg32.out steps back and repeats the six outputs, so
// it leaves the generator where it was and is left out here.
struct DemoRound {
  std::vector<std::uint32_t> outputs;
  std::string coins;
  std::string rolls;
  std::string cards;
};

const std::vector<DemoRound>& demo_rounds() {
  static const std::vector<DemoRound> rounds = {
      {{0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e},
       "HHTTTHTHHHTHTTTHHHHHTTTHHHTHTHTHTTHTTTHHHHHHTTTTHHTTTTTHTTTTTTTHT",
       "3 4 1 1 2 2 3 2 4 3 2 4 3 3 5 2 3 1 3 1 5 1 4 1 5 6 4 6 6 2 6 3 3",
       "Qd Ks 6d 3s 3d 4c 3h Td Kc 5c Jh Kd Jd As 4s 4h Ad Th Ac Jc 7s Qs 2s 7h Kh 2d 6c Ah 4d Qh "
       "9h 6s 5s 2c 9c Ts 8d 9s 3c 8c Js 5d 2h 6h 7d 8s 9d 5h 8h Qc 7c Tc"},
      {{0x74ab93ad, 0x1c1da000, 0x494ff896, 0x34462f2f, 0xd308a3e5, 0x0fa83bab},
       "HHHHHHHHHHTHHHTHTHTHTHTTTTHHTTTHHTHHTHTTHHTTTHHHHHHTHTTHTHTTTTTTT",
       "5 1 1 3 3 2 4 5 3 2 2 6 4 3 2 4 2 4 3 2 3 6 3 2 3 4 2 4 1 1 5 4 4",
       "7d 2s 7h Td 8s 3c 3d Js 2d Tc 4h Qs 5c 9c Th 2c Jc Qd 9d Qc 7s 3s 5s 6h 4d Jh 4c Ac 4s 5h "
       "5d Kc 8h 8d Jd 9s Ad 6s 6c Kd 2h 3h Kh Ts Qh 9h 6d As 7c Ks Ah 8c"},
      {{0x39af5f9f, 0x04196b18, 0xc3c3eb28, 0xc076c60c, 0xc693e135, 0xf8f63932},
       "HTTHHTTTTTHTTHHHTHTTHHTTHTHHTHTHTTTTHHTTTHHTHHTTHTTHHHTHHHTHTTTHT",
       "5 1 5 3 2 2 4 5 3 3 1 3 4 6 3 2 3 4 2 2 3 1 5 2 4 6 6 4 2 4 3 3 6",
       "Kd Jh Kc Qh 4d Qc 4h 9d 3c Kh Qs 8h 5c Jd 7d 8d 3h 7c 8s 3s 2h Ks 9c 9h 2c 8c Ad 7s 4s 2s "
       "5h 6s 4c Ah 7h 5s Ac 3d 5d Qd As Tc 6h 9s 2d 6c 6d Td Jc Ts Th Js"},
      {{0x55ce6851, 0x97a7726d, 0x17e10815, 0x58007d43, 0x962fb148, 0xb9bb55bd},
       "HHTHHTTTTHTHHHHHTTHHHTTTHHTHTHTHTHHTTHTHHHHHHTHHTHHTHHTTTTHHTHHTT",
       "6 6 3 2 3 4 2 6 4 2 6 3 2 3 5 5 3 4 4 6 6 2 6 5 4 4 6 1 6 1 3 6 5",
       "Qd 8h 5d 8s 8d Ts 7h Th Qs Js 7s Kc 6h 5s 4d Ac Jd 7d 7c Td 2c 6s 5h 6d 3s Kd 9s Jh Kh As "
       "Ah 9h 3c Qh 9c 2d Tc 9d 2s 3d Ks 4h Qc Ad Jc 8c 2h 3h 4s 4c 5c 6c"},
      {{0xfcef7cd6, 0x1b488b5a, 0xd0daf7ea, 0x1d9a70f7, 0x241a37cf, 0x9a3857b7},
       "HHHHTHHTTHTTHHHTTTHHTHTHTTTTHTTHTHTTTHHHTHTHTTHTTHTHHTHTHHHTHTHTT",
       "5 4 1 2 6 1 3 1 5 6 3 6 2 1 4 4 5 2 1 5 6 5 6 4 4 4 5 2 6 4 3 5 6",
       "4d 9s Qc 9h As Qs 7s 4c Kd 6h 6s 2c 8c 5d 7h 5h Jc 3s 7c Jh Js Ks Tc Jd Kc Th 3h Ts Qh Ad "
       "Td 3c Ah 2d 3d 5c Ac 8s 5s 9c 2h 6c 6d Kh Qd 8d 7d 2s 8h 4h 9d 4s"},
  };
  return rounds;
}

std::string card_name(std::size_t card) {
  static const char number[] = "A23456789TJQK";
  static const char suit[] = "hcds";
  return {number[card / 4], suit[card % 4]};
}

TEST(Pcg32, ReproducesTheReferenceDemoFirstOutputs) {
  Pcg32 rng(42, 54);
  for (std::uint32_t expected :
       {0xa15c02b7U, 0x7b47f409U, 0xba1d3330U, 0x83d2f293U, 0xbfa4784bU, 0xcbed606eU}) {
    EXPECT_EQ(rng.next(), expected);
  }
}

TEST(Pcg32, SeedsAsPcgSrandomR) {
  // inc = (54 << 1) | 1 = 109, whatever the initstate.
  EXPECT_EQ(Pcg32(42, 54).increment(), 109U);
  EXPECT_EQ(Pcg32(0, 0).increment(), 1U);
  // The top bit of initseq is shifted out: streams 2^63 apart coincide, as in the reference.
  EXPECT_EQ(Pcg32(7, 1).increment(), Pcg32(7, (std::uint64_t{1} << 63) | 1).increment());
}

// Every line of all five rounds of the demo transcript: raw outputs, bounded draws with bounds 2
// and 6, and the card deal, which is exactly draw_indices' partial Fisher–Yates run down to i = 2.
TEST(Pcg32, ReproducesAllFiveRoundsOfTheReferenceDemo) {
  Pcg32 rng(42, 54);
  int round_number = 0;
  for (const DemoRound& round : demo_rounds()) {
    SCOPED_TRACE("round " + std::to_string(++round_number));
    for (std::uint32_t expected : round.outputs) EXPECT_EQ(rng.next(), expected);

    std::string coins;
    for (int i = 0; i < 65; ++i) coins += rng.bounded(2) != 0 ? 'H' : 'T';
    EXPECT_EQ(coins, round.coins);

    std::string rolls;
    for (int i = 0; i < 33; ++i) {
      if (i > 0) rolls += ' ';
      rolls += std::to_string(rng.bounded(6) + 1);
    }
    EXPECT_EQ(rolls, round.rolls);

    // The demo stops at i = 2, i.e. 51 steps; the one card never picked stays in cards[0], and
    // cards[1..51] are the picks read backwards (picks come from the top of the array down).
    const std::vector<std::size_t> picks = draw_indices(52, 51, rng);
    ASSERT_EQ(picks.size(), 51U);
    std::set<std::size_t> unpicked;
    for (std::size_t card = 0; card < 52; ++card) unpicked.insert(card);
    for (std::size_t card : picks) unpicked.erase(card);
    ASSERT_EQ(unpicked.size(), 1U);
    std::string cards = card_name(*unpicked.begin());
    for (auto it = picks.rbegin(); it != picks.rend(); ++it) cards += ' ' + card_name(*it);
    EXPECT_EQ(cards, round.cards);
  }
}

// pcg32_boundedrand_r rejects outputs below 2^32 mod bound. With bound 2^31 + 1 the threshold is
// 2^31 - 1, so the demo's second output 0x7b47f409 (2068313097) is rejected and the third
// (0xba1d3330 = 3122475824) used instead: 3122475824 - 2147483649 = 974992175.
TEST(Pcg32, BoundedRejectsOutputsBelowTheThreshold) {
  Pcg32 rng(42, 54);
  const std::uint32_t bound = 0x80000001U;
  EXPECT_EQ(rng.bounded(bound), 0xa15c02b7U % bound);  // 2707161783 - 2147483649 = 559678134
  EXPECT_EQ(rng.bounded(bound), 974992175U);
  EXPECT_EQ(rng.next(), 0x83d2f293U);  // the rejected output was consumed, not skipped over
}

TEST(Pcg32, BoundedOfOneIsZeroAndConsumesOneOutput) {
  Pcg32 rng(42, 54);
  EXPECT_EQ(rng.bounded(1), 0U);
  EXPECT_EQ(rng.next(), 0x7b47f409U);
}

TEST(Pcg32, BoundedStaysBelowTheBound) {
  Pcg32 rng(20270401, 1);
  for (std::uint32_t bound : {1U, 2U, 3U, 7U, 10U, 1000U, 0x80000001U, 0xffffffffU}) {
    for (int i = 0; i < 200; ++i) EXPECT_LT(rng.bounded(bound), bound) << bound;
  }
}

}  // namespace
}  // namespace sagsaudit
