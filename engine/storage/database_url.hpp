#pragma once
// Which database a URL names, and what the SOCI backend is given to connect to it. The URL comes
// from the configuration; the redacted form is the only one that may appear in messages and logs.
#include <string>
#include <string_view>

namespace sagsaudit::storage {

enum class Backend { sqlite, postgresql };

// "SQLite" or "PostgreSQL", for messages.
std::string to_string(Backend backend);

struct DatabaseUrl {
  Backend backend = Backend::sqlite;
  std::string soci_backend;    // SOCI's name of the backend: "sqlite3" or "postgresql"
  std::string connect_string;  // what that backend is given; may hold a password
  std::string redacted;        // the URL with any password replaced by "***"
};

// Accepts
//   sqlite:PATH                  a database file, relative to the working directory or absolute
//   sqlite::memory:              a private in-memory database (gone when the connection closes)
//   postgresql://user:password@host:port/dbname?params   (or postgres://…), handed to libpq,
//                                with fallback_application_name=sagsaudit added
// Throws ValidationError naming the accepted forms for anything else. The message never repeats
// the URL itself, since an unrecognised URL may still hold a password.
DatabaseUrl parse_database_url(std::string_view url);

// `text` with every occurrence of the URL's password (as written and percent-decoded) replaced by
// "***": for messages that come back from a database driver.
std::string redact_password(std::string text, std::string_view url);

// A postgresql:// URL without its password ("user:password@" and any "password=" parameter),
// and the password percent-decoded: for handing the connection to pg_dump/pg_restore with the
// password in PGPASSWORD rather than on their command line (backup/, issue 9).
struct UrlWithoutPassword {
  std::string url;
  std::string password;  // empty when the URL has none
};
UrlWithoutPassword split_password(std::string_view url);

}  // namespace sagsaudit::storage
