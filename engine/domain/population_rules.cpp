#include "domain/population_rules.hpp"

#include <algorithm>

namespace sagsaudit {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string fold_case(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
    } else if (c == 0xC3 && i + 1 < utf8.size()) {
      // U+00C0–U+00DE are C3 80 – C3 9E; their lower-case letters are 0x20 further on.
      // U+00D7 (×) is not a letter and has no lower case.
      auto next = static_cast<unsigned char>(utf8[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        next = static_cast<unsigned char>(next + 0x20);
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(next));
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

PopulationRules::PopulationRules(PopulationRulesInput input)
    : input_(std::move(input)),
      first_day_(input_.period.first_day()),
      last_day_(input_.period.last_day()) {
  for (const auto& center : input_.centers) {
    known_centers_ += (known_centers_.empty() ? "" : ", ") + center.code;
    center_counts_[center.code] = 0;
  }
}

void PopulationRules::add(int line, std::string field, std::string message) {
  ++issue_count_;
  if (issues_.size() < input_.max_issues) {
    issues_.push_back(Issue{input_.file, line, 0, std::move(field), std::move(message)});
  }
}

void PopulationRules::empty_file() {
  add(0, "", "filen er tom; første linje skal være kolonneoverskrifterne");
}

bool PopulationRules::check_header(int line, const std::vector<std::string>& fields,
                                   std::size_t count) {
  const std::size_t before = issue_count_;
  header_.assign(fields.begin(), fields.begin() + static_cast<long>(count));
  std::map<std::string, std::size_t> by_folded_name;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string name(trimmed(header_[i]));
    if (name.empty()) {
      add(line, "", "kolonne " + std::to_string(i + 1) + " har ingen overskrift");
      continue;
    }
    const auto [it, inserted] = by_folded_name.emplace(fold_case(name), i);
    if (!inserted) {
      add(line, name,
          "kolonnen står to gange (kolonne " + std::to_string(it->second + 1) + " og " +
              std::to_string(i + 1) + ")");
    }
  }
  is_required_.assign(count, false);
  required_column_.clear();
  required_name_.clear();
  for (const auto& field : population_fields()) {
    const auto renamed = input_.column_names.find(field);
    const std::string wanted = renamed == input_.column_names.end() ? field : renamed->second;
    const auto found = by_folded_name.find(fold_case(wanted));
    if (found == by_folded_name.end()) {
      add(line, field,
          "kolonnen '" + wanted + "' mangler" +
              (renamed == input_.column_names.end()
                   ? ""
                   : " (navnet kommer fra årshjulets [kolonner])"));
      continue;
    }
    required_column_.push_back(found->second);
    required_name_.emplace_back(trimmed(header_[found->second]));
    is_required_[found->second] = true;
  }
  return issue_count_ == before;
}

const Center* PopulationRules::find_center(std::string_view text) const {
  for (const auto& center : input_.centers) {
    if (center.code == text) return &center;
  }
  // The case system may write the center's name, or the code in another case.
  const std::string folded = fold_case(text);
  for (const auto& center : input_.centers) {
    if (fold_case(center.code) == folded || fold_case(center.name) == folded) return &center;
  }
  return nullptr;
}

std::optional<PopulationCase> PopulationRules::check_row(int line,
                                                         const std::vector<std::string>& fields,
                                                         std::size_t count,
                                                         std::string_view problem) {
  ++rows_;
  if (!problem.empty()) {
    add(line, "", std::string(problem));
    return std::nullopt;
  }
  if (count != header_.size()) {
    add(line, "",
        "forventede " + std::to_string(header_.size()) + " felter som overskriften, fandt " +
            std::to_string(count));
    return std::nullopt;
  }
  const std::size_t before = issue_count_;
  // The value of a required field, without surrounding blanks, or nullopt (with an issue) when
  // it is empty. `name` is the header as the file writes it, which is what the user looks for.
  // `field` is the index in population_fields().
  auto value = [&](std::size_t field, const std::string*& name) -> std::optional<std::string_view> {
    name = &required_name_[field];
    const std::string_view text = trimmed(fields[required_column_[field]]);
    if (text.empty()) {
      add(line, *name, "mangler (feltet er tomt)");
      return std::nullopt;
    }
    return text;
  };

  PopulationCase out;
  out.line = line;
  // The fields in the order of population_fields().
  enum : std::size_t { kCaseNumber, kCpr, kCenter, kCaseWorker, kDecisionDate };
  const std::string* name = nullptr;
  if (auto text = value(kCaseNumber, name)) {
    out.case_number = std::string(*text);
    if (const auto first_line = seen_case_numbers_.add(out.case_number, line)) {
      add(line, *name,
          "sagsnummer " + out.case_number + " står også i linje " + std::to_string(*first_line));
    }
  }
  if (auto text = value(kCpr, name)) {
    auto parsed = parse_cpr(*text);
    if (parsed) {
      out.cpr = std::move(*parsed.cpr);
    } else {
      add(line, *name, parsed.error);  // the message never repeats the number
    }
  }
  if (auto text = value(kCenter, name)) {
    if (const Center* center = find_center(*text)) {
      out.center = center->code;
    } else {
      add(line, *name,
          "ukendt center '" + std::string(*text) + "' (kendte centre: " + known_centers_ + ")");
    }
  }
  if (auto text = value(kCaseWorker, name)) out.case_worker = std::string(*text);
  if (auto text = value(kDecisionDate, name)) {
    if (auto date = parse_date(*text)) {
      if (*date >= first_day_ && *date <= last_day_) {
        out.decision_date = *date;
      } else {
        add(line, *name,
            to_danish(*date) + " ligger uden for rundens periode " + input_.period.to_string() +
                " (" + to_danish(input_.period.first_day()) + " – " +
                to_danish(input_.period.last_day()) + ")");
      }
    } else {
      add(line, *name,
          "'" + std::string(*text) + "' er ikke en dato (forventet dd-mm-åååå eller åååå-mm-dd)");
    }
  }
  if (issue_count_ != before) return std::nullopt;

  for (std::size_t i = 0; i < count; ++i) {
    if (is_required_[i]) continue;
    out.attributes.emplace_back(std::string(trimmed(header_[i])), fields[i]);
  }
  ++center_counts_[out.center];
  return out;
}

}  // namespace sagsaudit
