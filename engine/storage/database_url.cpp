#include "storage/database_url.hpp"

#include <vector>

#include "domain/errors.hpp"

namespace sagsaudit::storage {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";
constexpr std::string_view kAcceptedForms =
    "use sqlite:PATH (a file), sqlite::memory: or "
    "postgresql://user:password@host:port/dbname (also postgres://…)";
constexpr std::string_view kMask = "***";

[[noreturn]] void reject(const std::string& why) {
  throw ValidationError("invalid database URL: " + why + "; " + std::string(kAcceptedForms));
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Where the password of a postgresql:// URL sits, as [begin, end) ranges into the URL: the one
// in "user:password@" and any "password=" query parameter. libpq ends the user part at the
// first '@' or '/', so the same rule is used here.
std::vector<std::pair<std::size_t, std::size_t>> password_ranges(std::string_view url) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return ranges;
  const std::size_t authority = scheme_end + 3;
  const auto at_or_slash = url.find_first_of("@/", authority);
  if (at_or_slash != std::string_view::npos && url[at_or_slash] == '@') {
    const auto colon = url.find(':', authority);
    if (colon < at_or_slash) ranges.emplace_back(colon + 1, at_or_slash);
  }
  const auto query = url.find('?', authority);
  if (query != std::string_view::npos) {
    std::size_t param = query + 1;
    while (param < url.size()) {
      auto end = url.find('&', param);
      if (end == std::string_view::npos) end = url.size();
      constexpr std::string_view key = "password=";
      if (starts_with(url.substr(param, end - param), key)) {
        ranges.emplace_back(param + key.size(), end);
      }
      param = end + 1;
    }
  }
  return ranges;
}

int hex_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

void replace_all(std::string& text, const std::string& secret) {
  if (secret.empty()) return;
  for (auto pos = text.find(secret); pos != std::string::npos;
       pos = text.find(secret, pos + kMask.size())) {
    text.replace(pos, secret.size(), kMask);
  }
}

DatabaseUrl parse_sqlite(std::string_view url) {
  const std::string_view path = url.substr(kSqlitePrefix.size());
  if (path.empty()) reject("sqlite: needs a file path");
  // "sqlite://x" reads as a URL with a host in other tools; here it would silently become the
  // file "//x", so it is refused rather than guessed at.
  if (starts_with(path, "//")) reject("write sqlite:PATH without \"//\"");
  // SOCI's SQLite backend takes db="…" and cannot escape a quote inside it.
  if (path.find('"') != std::string_view::npos) reject("a SQLite path cannot contain '\"'");
  DatabaseUrl out;
  out.backend = Backend::sqlite;
  out.soci_backend = "sqlite3";
  out.connect_string = "db=\"" + std::string(path) + "\"";
  out.redacted = std::string(url);
  return out;
}

// SOCI 4.0's PostgreSQL backend splits its connect string into key=value words at blanks and
// rebuilds it, so a URL survives only if it has no blank, no '"' and at least one '='. Blanks
// and quotes must be percent-encoded in a URL anyway; the '=' comes from a parameter that never
// overrides the user's: libpq uses fallback_application_name only when application_name is unset.
DatabaseUrl parse_postgresql(std::string_view url) {
  if (url.find_first_of(" \t\r\n\"") != std::string_view::npos) {
    reject("a PostgreSQL URL cannot contain blanks or '\"'; percent-encode them (%20, %22)");
  }
  DatabaseUrl out;
  out.backend = Backend::postgresql;
  out.soci_backend = "postgresql";
  out.connect_string = std::string(url);
  const char last = url.back();
  if (last != '?' && last != '&') {
    out.connect_string += url.find('?') == std::string_view::npos ? '?' : '&';
  }
  out.connect_string += "fallback_application_name=sagsaudit";
  out.redacted = std::string(url);
  // Replace from the back, so the earlier ranges stay valid.
  auto ranges = password_ranges(url);
  for (auto it = ranges.rbegin(); it != ranges.rend(); ++it) {
    out.redacted.replace(it->first, it->second - it->first, kMask);
  }
  return out;
}

}  // namespace

std::string to_string(Backend backend) {
  switch (backend) {
    case Backend::sqlite:
      return "SQLite";
    case Backend::postgresql:
      return "PostgreSQL";
  }
  return "?";
}

DatabaseUrl parse_database_url(std::string_view url) {
  if (url.empty()) reject("it is empty");
  if (starts_with(url, kSqlitePrefix)) return parse_sqlite(url);
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    return parse_postgresql(url);
  }
  const auto colon = url.find(':');
  if (colon == std::string_view::npos) reject("it has no scheme");
  reject("unsupported scheme \"" + std::string(url.substr(0, colon)) + "\"");
}

std::string redact_password(std::string text, std::string_view url) {
  for (const auto& [begin, end] : password_ranges(url)) {
    const std::string_view secret = url.substr(begin, end - begin);
    replace_all(text, std::string(secret));
    replace_all(text, percent_decoded(secret));
  }
  return text;
}

UrlWithoutPassword split_password(std::string_view url) {
  UrlWithoutPassword out{std::string(url), ""};
  const auto ranges = password_ranges(url);
  for (const auto& [begin, end] : ranges) {
    if (out.password.empty()) out.password = percent_decoded(url.substr(begin, end - begin));
  }
  // From the back, so the earlier ranges stay valid: "user:secret@" loses ":secret", and
  // "password=secret" loses the whole parameter with its separator.
  for (auto it = ranges.rbegin(); it != ranges.rend(); ++it) {
    auto [begin, end] = *it;
    if (out.url[begin - 1] == ':') {
      --begin;
    } else {
      begin -= std::string_view("password=").size();
      if (end < out.url.size()) {
        ++end;  // the '&' after it
      } else {
        --begin;  // the '?' or '&' before it
      }
    }
    out.url.erase(begin, end - begin);
  }
  return out;
}

}  // namespace sagsaudit::storage
