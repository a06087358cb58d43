#include "domain/sample_protocol.hpp"

#include <algorithm>
#include <map>

namespace sagsaudit {

std::size_t SampleProtocol::total_drawn() const {
  std::size_t total = 0;
  for (const auto& stratum : strata) total += stratum.picks.size();
  return total;
}

namespace {

// Code points, which is what a terminal column holds for our Danish labels.
std::size_t width(const std::string& utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::string protocol_text(const SampleProtocol& p) {
  std::string out;
  auto line = [&](const std::string& label, const std::string& value) {
    const std::size_t w = width(label);
    out += label + std::string(w < 22 ? 22 - w : 1, ' ') + value + "\n";
  };
  out += "Stikprøveprotokol for runde " + p.round_id + "\n";
  line("ydelsestype:", p.benefit_type);
  line("periode:", p.period);
  line("population SHA-256:", p.population_sha256);
  if (!p.population_file.empty()) line("populationsfil:", p.population_file);
  line("regel:", p.rule);
  line("frø (seed):",
       std::to_string(p.seed) + (p.seed_from_os ? " (fra styresystemet)" : " (angivet)"));
  line("algoritme:", p.algorithm + " version " + std::to_string(p.algorithm_version));
  if (p.exclude_last > 0) {
    std::string rounds;
    for (const auto& id : p.excluded_rounds) rounds += (rounds.empty() ? "" : ", ") + id;
    line("udelukket:", "sager trukket i de seneste " + std::to_string(p.exclude_last) +
                           " runder (" + (rounds.empty() ? "ingen fundet" : rounds) + ")");
  }
  line("trukket:", p.drawn_at + " af " + p.drawn_by);
  out += "\n";
  for (const auto& s : p.strata) {
    out += "Center " + s.center + ": N = " + std::to_string(s.population);
    if (s.excluded > 0) {
      out += " (" + std::to_string(s.listed) + " i filen, " + std::to_string(s.excluded) +
             " udelukket)";
    }
    out += ", n = " + std::to_string(s.picks.size());
    if (s.population == 0) {
      out += " — ingen sager i populationen";
    } else if (s.took_all) {
      out += " — reglen beder om " + std::to_string(s.requested) + ", centret har kun " +
             std::to_string(s.population) + ": tog dem alle";
    }
    out += "\n";
    for (std::size_t k = 0; k < s.picks.size(); ++k) {
      out += "  " + std::to_string(k + 1) + ". " + s.picks[k] + "\n";
    }
  }
  out += "\nI alt " + std::to_string(p.total_drawn()) + " sager fra " +
         std::to_string(p.strata.size()) + " centre.\n";
  return out;
}

std::vector<std::string> compare_draws(const SampleProtocol& recorded,
                                       const SampleProtocol& redone) {
  std::vector<std::string> out;
  std::map<std::string, const StratumProtocol*> again;
  for (const auto& s : redone.strata) again[s.center] = &s;
  for (const auto& s : recorded.strata) {
    const auto it = again.find(s.center);
    if (it == again.end()) {
      out.push_back("center " + s.center + ": står i protokollen, men har ingen sager i filen");
      continue;
    }
    const StratumProtocol& r = *it->second;
    again.erase(it);
    if (r.population != s.population) {
      out.push_back("center " + s.center + ": N er " + std::to_string(r.population) +
                    " ved gentagelsen, men " + std::to_string(s.population) + " i protokollen");
    }
    if (r.requested != s.requested) {
      out.push_back("center " + s.center + ": reglen beder om " + std::to_string(r.requested) +
                    " ved gentagelsen, men " + std::to_string(s.requested) + " i protokollen");
    }
    const std::size_t common = std::min(r.picks.size(), s.picks.size());
    for (std::size_t k = 0; k < common; ++k) {
      if (r.picks[k] != s.picks[k]) {
        out.push_back("center " + s.center + ": træk " + std::to_string(k + 1) + " er " +
                      s.picks[k] + " i protokollen, men " + r.picks[k] + " ved gentagelsen");
        break;
      }
    }
    if (r.picks.size() != s.picks.size()) {
      out.push_back("center " + s.center + ": " + std::to_string(r.picks.size()) +
                    " sager ved gentagelsen, men " + std::to_string(s.picks.size()) +
                    " i protokollen");
    }
  }
  for (const auto& [center, stratum] : again) {
    if (stratum->picks.empty()) continue;
    out.push_back("center " + center + ": har sager i filen, men står ikke i protokollen");
  }
  return out;
}

}  // namespace sagsaudit
