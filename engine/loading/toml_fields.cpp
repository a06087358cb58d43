#include "loading/toml_fields.hpp"

#include <algorithm>
#include <charconv>

namespace sagsaudit {
namespace {

std::string field_name(std::string_view prefix, std::string_view key) {
  if (prefix.empty()) return std::string(key);
  return std::string(prefix) + "." + std::string(key);
}

std::string danish_type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::string: return "tekst";
    case toml::node_type::integer: return "heltal";
    case toml::node_type::floating_point: return "decimaltal";
    case toml::node_type::boolean: return "true/false";
    case toml::node_type::table: return "tabel";
    case toml::node_type::array: return "liste";
    case toml::node_type::date: return "dato";
    case toml::node_type::time: return "klokkeslæt";
    case toml::node_type::date_time: return "tidspunkt";
    default: return "ingenting";
  }
}

}  // namespace

toml::table parse_toml(const std::string& text, const std::string& file) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw ValidationError({Issue{file, static_cast<int>(begin.line), static_cast<int>(begin.column),
                                 "", "TOML-syntaksfejl: " + std::string(error.description())}});
  }
}

SourcePosition position_of(const toml::node& node) {
  const auto& begin = node.source().begin;
  return SourcePosition{static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

void TomlFields::add(SourcePosition where, std::string_view prefix, std::string_view key,
                     std::string message) {
  issues_.push_back(Issue{file_, where.line, where.column,
                          key.empty() ? std::string(prefix) : field_name(prefix, key),
                          std::move(message)});
}

SourcePosition TomlFields::position_in(const toml::table& t, std::string_view key) const {
  if (const toml::node* node = t.get(key)) return position_of(*node);
  SourcePosition table_position = position_of(t);
  if (table_position.line == 0) table_position = {1, 1};  // the root table has no header line
  return table_position;
}

void TomlFields::reject_unknown_keys(const toml::table& table,
                                     std::initializer_list<std::string_view> allowed,
                                     std::string_view prefix) {
  for (auto&& [key, value] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
    std::string known;
    for (auto name : allowed) known += (known.empty() ? "" : ", ") + std::string(name);
    const auto& begin = key.source().begin;
    const SourcePosition where = begin.line ? SourcePosition{static_cast<int>(begin.line),
                                                             static_cast<int>(begin.column)}
                                            : position_of(value);
    add(where, prefix, key.str(), "ukendt nøgle (kendte nøgler: " + known + ")");
  }
}

const toml::node* TomlFields::typed(const toml::table& t, std::string_view key,
                                    std::string_view prefix, bool required,
                                    toml::node_type wanted, std::string_view wanted_name) {
  const toml::node* node = t.get(key);
  if (!node) {
    if (required) add(position_in(t, key), prefix, key, "mangler");
    return nullptr;
  }
  if (node->type() != wanted) {
    add(position_of(*node), prefix, key,
        "skal være " + std::string(wanted_name) + ", ikke " + danish_type_name(node->type()));
    return nullptr;
  }
  return node;
}

std::optional<std::string> TomlFields::required_string(const toml::table& t, std::string_view key,
                                                       std::string_view prefix) {
  const toml::node* node = typed(t, key, prefix, true, toml::node_type::string, "tekst");
  if (!node) return std::nullopt;
  std::string value = node->as_string()->get();
  if (value.find_first_not_of(" \t") == std::string::npos) {
    add(position_of(*node), prefix, key, "må ikke være tom");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> TomlFields::optional_string(const toml::table& t, std::string_view key,
                                                       std::string_view prefix) {
  const toml::node* node = typed(t, key, prefix, false, toml::node_type::string, "tekst");
  if (!node) return std::nullopt;
  return node->as_string()->get();
}

std::optional<bool> TomlFields::optional_bool(const toml::table& t, std::string_view key,
                                              std::string_view prefix) {
  const toml::node* node = typed(t, key, prefix, false, toml::node_type::boolean, "true/false");
  if (!node) return std::nullopt;
  return node->as_boolean()->get();
}

std::optional<std::int64_t> TomlFields::required_int(const toml::table& t, std::string_view key,
                                                     std::string_view prefix) {
  const toml::node* node = typed(t, key, prefix, true, toml::node_type::integer, "heltal");
  if (!node) return std::nullopt;
  return node->as_integer()->get();
}

std::optional<std::int64_t> TomlFields::optional_int(const toml::table& t, std::string_view key,
                                                     std::string_view prefix) {
  const toml::node* node = typed(t, key, prefix, false, toml::node_type::integer, "heltal");
  if (!node) return std::nullopt;
  return node->as_integer()->get();
}

std::optional<Decimal> TomlFields::required_decimal(const toml::table& t, std::string_view key,
                                                    std::string_view prefix) {
  const toml::node* node = t.get(key);
  if (!node) {
    add(position_in(t, key), prefix, key, "mangler");
    return std::nullopt;
  }
  if (const auto* integer = node->as_integer()) return decimal_from_int(integer->get());
  if (const auto* floating = node->as_floating_point()) {
    // The shortest text that reads back as the same double is the literal as written (for
    // literals of up to 15 significant digits), so the exact decimal survives TOML's float.
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, floating->get(),
                                      std::chars_format::fixed);
    if (result.ec == std::errc{}) {
      if (auto decimal = parse_decimal(std::string_view(buffer, result.ptr))) return decimal;
    }
    add(position_of(*node), prefix, key, "tallet kan ikke læses som en eksakt decimal");
    return std::nullopt;
  }
  add(position_of(*node), prefix, key,
      "skal være et tal (fx 0.05), ikke " + danish_type_name(node->type()));
  return std::nullopt;
}

const toml::table* TomlFields::optional_table(const toml::table& t, std::string_view key,
                                              std::string_view prefix) {
  const toml::node* node = typed(t, key, prefix, false, toml::node_type::table, "tabel");
  return node ? node->as_table() : nullptr;
}

const toml::array* TomlFields::optional_table_array(const toml::table& t, std::string_view key,
                                                    std::string_view prefix) {
  const toml::node* node = typed(t, key, prefix, false, toml::node_type::array, "liste af tabeller");
  if (!node) return nullptr;
  const toml::array* array = node->as_array();
  if (!array->is_array_of_tables()) {
    add(position_of(*node), prefix, key, "skal skrives som [[" + std::string(key) + "]]-tabeller");
    return nullptr;
  }
  return array;
}

}  // namespace sagsaudit
