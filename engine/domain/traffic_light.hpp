#pragma once
// The trafiklys of seed 003: grøn 100–95 % korrekte, gul 94–75 %, rød 74–0 %, with the bands
// taken from the årshjul. The light is chosen on the whole percent that is displayed — the share
// rounded half up — so that the colour and the number shown beside it never disagree
// (189 of 200 = 94.5 % is shown as 95 % and is green, never "95 %, gul").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/annual_wheel.hpp"

namespace sagsaudit {

enum class TrafficLight { green, yellow, red };

// Stable ASCII code for storage and the API: "green", "yellow", "red".
std::string light_code(TrafficLight light);
// The Danish word, shown beside the colour (never colour alone): "grøn", "gul", "rød".
std::string danish_label(TrafficLight light);
// Reads a code or a Danish word.
std::optional<TrafficLight> parse_traffic_light(std::string_view text);

// What a report shows where a share has no cases behind it (0 of 0): no percent, no light.
inline constexpr std::string_view kNoDataLabel = "ingen data";

// 100 · part / whole rounded half up to a whole number, in exact integer arithmetic:
// floor((200 · part + whole) / (2 · whole)). nullopt when whole is 0 (ingen data).
// Throws std::invalid_argument unless 0 ≤ part ≤ whole.
std::optional<int> whole_percent(std::int64_t part, std::int64_t whole);

// green when percent ≥ green_min, yellow when ≥ yellow_min, else red.
TrafficLight classify_percent(int percent, const Thresholds& thresholds);

// The light of `part` correct out of `whole` counted: classify_percent(whole_percent(...)), or
// nullopt (ingen data) when whole is 0.
std::optional<TrafficLight> light_for(std::int64_t part, std::int64_t whole,
                                      const Thresholds& thresholds);

}  // namespace sagsaudit
