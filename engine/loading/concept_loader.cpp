#include "loading/concept_loader.hpp"

#include <algorithm>

#include "crypto/sha256.hpp"
#include "domain/concept_rules.hpp"
#include "loading/read_file.hpp"
#include "loading/toml_fields.hpp"

namespace sagsaudit {
namespace {

std::optional<Control> read_control(TomlFields& fields, const toml::table& t) {
  fields.reject_unknown_keys(t, {"id", "kategori", "tekst", "hjemmel", "vejledning", "refusion"},
                             "kontrol");
  Control control;
  control.position = position_of(t);
  control.id = fields.required_string(t, "id", "kontrol").value_or("");
  control.question = fields.required_string(t, "tekst", "kontrol").value_or("");
  control.legal_reference = fields.required_string(t, "hjemmel", "kontrol").value_or("");
  control.help = fields.optional_string(t, "vejledning", "kontrol").value_or("");

  const auto category_word = fields.required_string(t, "kategori", "kontrol");
  std::optional<Category> category;
  if (category_word) {
    category = parse_category(*category_word);
    if (!category) {
      fields.add(position_of(*t.get("kategori")), "kontrol", "kategori",
                 "'" + *category_word +
                     "' er ikke en kategori (brug nøglekontrol, kvalitetsmål eller formalia)");
    }
  }
  const auto refusion = fields.optional_bool(t, "refusion", "kontrol");
  if (category == Category::key_control && !refusion && !t.get("refusion")) {
    fields.add(fields.position_in(t, "id"), "kontrol", "refusion",
               "mangler: en nøglekontrol skal angive, om en fejl påvirker statsrefusionen "
               "(refusion = true/false)");
  }
  if (category && category != Category::key_control && t.get("refusion")) {
    fields.add(position_of(*t.get("refusion")), "kontrol", "refusion",
               "gælder kun nøglekontroller, ikke " + to_danish(*category));
  }
  if (!category) return std::nullopt;
  control.category = *category;
  control.affects_reimbursement = refusion.value_or(false);
  return control;
}

}  // namespace

Concept parse_concept(const std::string& text, const std::string& file) {
  const toml::table root = parse_toml(text, file);
  std::vector<Issue> issues;
  TomlFields fields(file, issues);
  fields.reject_unknown_keys(root, {"ydelsestype", "titel", "beskrivelse", "kontrol"}, "");

  Concept result;
  result.source_file = file;
  result.benefit_type = fields.required_string(root, "ydelsestype", "").value_or("");
  result.title = fields.required_string(root, "titel", "").value_or("");
  result.description = fields.optional_string(root, "beskrivelse", "").value_or("");

  const std::string expected_code = std::filesystem::path(file).stem().string();
  if (!result.benefit_type.empty() && result.benefit_type != expected_code) {
    fields.add(fields.position_in(root, "ydelsestype"), "", "ydelsestype",
               "'" + result.benefit_type + "' skal være det samme som filnavnet ('" +
                   expected_code + "')");
  }

  if (const toml::array* controls = fields.optional_table_array(root, "kontrol", "")) {
    for (const auto& node : *controls) {
      if (auto control = read_control(fields, *node.as_table())) {
        result.controls.push_back(std::move(*control));
      }
    }
  } else if (!root.get("kontrol")) {
    fields.add({1, 1}, "", "kontrol", "konceptet har ingen kontroller ([[kontrol]])");
  }

  // Only check the rules on a structurally sound file: otherwise a missing field would be
  // reported twice (as missing and as empty).
  if (issues.empty()) issues = check_concept(result);
  if (!issues.empty()) throw ValidationError(std::move(issues));
  result.version = sha256_hex(canonical_text(result));
  return result;
}

Concept load_concept_file(const std::filesystem::path& path) {
  return parse_concept(read_file_bytes(path), path.string());
}

ConceptFileResult read_concept_file(const std::filesystem::path& path) {
  ConceptFileResult result{path, std::nullopt, {}};
  try {
    result.loaded = load_concept_file(path);
  } catch (const ValidationError& error) {
    result.issues = error.issues();
  }
  return result;
}

std::vector<ConceptFileResult> read_concept_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw ValidationError({Issue{dir.string(), 0, 0, "", "mappen findes ikke"}});
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    throw ValidationError({Issue{dir.string(), 0, 0, "", "mappen indeholder ingen .toml-filer"}});
  }
  std::vector<ConceptFileResult> results;
  for (const auto& file : files) results.push_back(read_concept_file(file));
  return results;
}

std::vector<Concept> load_concept_dir(const std::filesystem::path& dir) {
  std::vector<Concept> concepts;
  std::vector<Issue> issues;
  for (auto& result : read_concept_dir(dir)) {
    if (result.loaded) concepts.push_back(std::move(*result.loaded));
    issues.insert(issues.end(), result.issues.begin(), result.issues.end());
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return concepts;
}

}  // namespace sagsaudit
