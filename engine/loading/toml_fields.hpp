#pragma once
// Reading typed fields out of a parsed TOML table while collecting every problem with its file,
// line and column — shared by the concept, årshjul and configuration loaders so that all three
// refuse bad files the same way.
#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/decimal.hpp"
#include "domain/errors.hpp"
#include "domain/source_position.hpp"

namespace sagsaudit {

// Parses TOML text; a syntax error becomes a ValidationError with the parser's position.
toml::table parse_toml(const std::string& text, const std::string& file);

SourcePosition position_of(const toml::node& node);

class TomlFields {
 public:
  TomlFields(std::string file, std::vector<Issue>& issues) : file_(std::move(file)), issues_(issues) {}

  // Every key of `table` not in `allowed` is an issue at the key's own position.
  void reject_unknown_keys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                           std::string_view prefix);

  // Each getter records an issue (and returns nullopt) when the key is missing — for the
  // required_* ones — or holds a value of the wrong type. `prefix` names the enclosing table in
  // messages ("kontrol" gives "kontrol.tekst").
  std::optional<std::string> required_string(const toml::table& t, std::string_view key,
                                             std::string_view prefix);
  std::optional<std::string> optional_string(const toml::table& t, std::string_view key,
                                             std::string_view prefix);
  std::optional<bool> optional_bool(const toml::table& t, std::string_view key,
                                    std::string_view prefix);
  std::optional<std::int64_t> required_int(const toml::table& t, std::string_view key,
                                           std::string_view prefix);
  std::optional<std::int64_t> optional_int(const toml::table& t, std::string_view key,
                                           std::string_view prefix);
  // An integer or a decimal number, kept exact as written ("0.05" stays 5/100).
  std::optional<Decimal> required_decimal(const toml::table& t, std::string_view key,
                                          std::string_view prefix);
  const toml::table* optional_table(const toml::table& t, std::string_view key,
                                    std::string_view prefix);
  // An array of tables ([[key]]); nullptr (and an issue) when the key holds something else.
  const toml::array* optional_table_array(const toml::table& t, std::string_view key,
                                          std::string_view prefix);

  // Records an issue at `where`.
  void add(SourcePosition where, std::string_view prefix, std::string_view key, std::string message);
  // Position of `key` in `t` when present, else of the table itself.
  SourcePosition position_in(const toml::table& t, std::string_view key) const;

  const std::string& file() const { return file_; }

 private:
  const toml::node* typed(const toml::table& t, std::string_view key, std::string_view prefix,
                          bool required, toml::node_type wanted, std::string_view wanted_name);

  std::string file_;
  std::vector<Issue>& issues_;
};

}  // namespace sagsaudit
