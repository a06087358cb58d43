#include "domain/traffic_light.hpp"

#include <stdexcept>

namespace sagsaudit {

std::string light_code(TrafficLight light) {
  switch (light) {
    case TrafficLight::green:
      return "green";
    case TrafficLight::yellow:
      return "yellow";
    case TrafficLight::red:
      return "red";
  }
  return "?";
}

std::string danish_label(TrafficLight light) {
  switch (light) {
    case TrafficLight::green:
      return "grøn";
    case TrafficLight::yellow:
      return "gul";
    case TrafficLight::red:
      return "rød";
  }
  return "?";
}

std::optional<TrafficLight> parse_traffic_light(std::string_view text) {
  for (auto light : {TrafficLight::green, TrafficLight::yellow, TrafficLight::red}) {
    if (text == light_code(light) || text == danish_label(light)) return light;
  }
  return std::nullopt;
}

std::optional<int> whole_percent(std::int64_t part, std::int64_t whole) {
  if (part < 0 || whole < 0 || part > whole) {
    throw std::invalid_argument("andel uden for 0–100 %: " + std::to_string(part) + " af " +
                                std::to_string(whole));
  }
  if (whole == 0) return std::nullopt;
  // 100·p/w + 1/2 = (200·p + w) / (2·w); integer division floors, which for non-negative values
  // is exactly "round half up". 200·p stays far inside 64 bits for any count of answers.
  return static_cast<int>((200 * part + whole) / (2 * whole));
}

TrafficLight classify_percent(int percent, const Thresholds& thresholds) {
  if (percent >= thresholds.green_min) return TrafficLight::green;
  if (percent >= thresholds.yellow_min) return TrafficLight::yellow;
  return TrafficLight::red;
}

std::optional<TrafficLight> light_for(std::int64_t part, std::int64_t whole,
                                      const Thresholds& thresholds) {
  const std::optional<int> percent = whole_percent(part, whole);
  if (!percent) return std::nullopt;
  return classify_percent(*percent, thresholds);
}

}  // namespace sagsaudit
