// Which URLs name which database, and what a log line may show of them.
#include "storage/database_url.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"

namespace sagsaudit::storage {
namespace {

struct GoodUrl {
  std::string url;
  Backend backend;
  std::string soci_backend;
  std::string connect_string;
  std::string redacted;
};

TEST(DatabaseUrl, AcceptedForms) {
  const std::vector<GoodUrl> cases = {
      {"sqlite:data/sagsaudit.db", Backend::sqlite, "sqlite3", R"(db="data/sagsaudit.db")",
       "sqlite:data/sagsaudit.db"},
      {"sqlite:/var/lib/sagsaudit/sagsaudit.db", Backend::sqlite, "sqlite3",
       R"(db="/var/lib/sagsaudit/sagsaudit.db")", "sqlite:/var/lib/sagsaudit/sagsaudit.db"},
      {"sqlite:/srv/kvalitet og kontrol/audit.db", Backend::sqlite, "sqlite3",
       R"(db="/srv/kvalitet og kontrol/audit.db")", "sqlite:/srv/kvalitet og kontrol/audit.db"},
      {"postgresql://db/sagsaudit?", Backend::postgresql, "postgresql",
       "postgresql://db/sagsaudit?fallback_application_name=sagsaudit",
       "postgresql://db/sagsaudit?"},
      {"sqlite::memory:", Backend::sqlite, "sqlite3", R"(db=":memory:")", "sqlite::memory:"},
      {"postgresql://audit:hemmelig@db.kk.dk:5432/sagsaudit?sslmode=require", Backend::postgresql,
       "postgresql",
       "postgresql://audit:hemmelig@db.kk.dk:5432/sagsaudit?sslmode=require&"
       "fallback_application_name=sagsaudit",
       "postgresql://audit:***@db.kk.dk:5432/sagsaudit?sslmode=require"},
      {"postgres://audit@localhost/sagsaudit", Backend::postgresql, "postgresql",
       "postgres://audit@localhost/sagsaudit?fallback_application_name=sagsaudit",
       "postgres://audit@localhost/sagsaudit"},
      {"postgresql://db.kk.dk/sagsaudit?user=audit&password=hemmelig&connect_timeout=5",
       Backend::postgresql, "postgresql",
       "postgresql://db.kk.dk/sagsaudit?user=audit&password=hemmelig&connect_timeout=5&"
       "fallback_application_name=sagsaudit",
       "postgresql://db.kk.dk/sagsaudit?user=audit&password=***&connect_timeout=5"},
      {"postgresql://audit:p%40ss@127.0.0.1:5433/sagsaudit", Backend::postgresql, "postgresql",
       "postgresql://audit:p%40ss@127.0.0.1:5433/sagsaudit?fallback_application_name=sagsaudit",
       "postgresql://audit:***@127.0.0.1:5433/sagsaudit"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.url);
    const DatabaseUrl parsed = parse_database_url(c.url);
    EXPECT_EQ(parsed.backend, c.backend);
    EXPECT_EQ(parsed.soci_backend, c.soci_backend);
    EXPECT_EQ(parsed.connect_string, c.connect_string);
    EXPECT_EQ(parsed.redacted, c.redacted);
  }
}

TEST(DatabaseUrl, RefusedFormsNameTheAcceptedOnes) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "invalid database URL: it is empty"},
      {"sagsaudit.db", "invalid database URL: it has no scheme"},
      {"mysql://audit:hemmelig@db/sagsaudit", "invalid database URL: unsupported scheme \"mysql\""},
      {"sqlite:", "invalid database URL: sqlite: needs a file path"},
      {"sqlite://data/sagsaudit.db", "invalid database URL: write sqlite:PATH without \"//\""},
      {"sqlite:/tmp/a\"b.db", "invalid database URL: a SQLite path cannot contain '\"'"},
      {"postgresql:/db/sagsaudit", "invalid database URL: unsupported scheme \"postgresql\""},
      {"postgresql://audit:hemme lig@db/sagsaudit",
       "invalid database URL: a PostgreSQL URL cannot contain blanks or '\"'; percent-encode "
       "them (%20, %22)"},
  };
  const std::string accepted =
      "; use sqlite:PATH (a file), sqlite::memory: or "
      "postgresql://user:password@host:port/dbname (also postgres://…)";
  for (const auto& [url, message] : cases) {
    SCOPED_TRACE(url);
    try {
      parse_database_url(url);
      ADD_FAILURE() << "accepted";
    } catch (const ValidationError& error) {
      EXPECT_EQ(std::string(error.what()), message + accepted);
    }
  }
}

TEST(DatabaseUrl, RedactPasswordHidesItAsWrittenAndDecoded) {
  const std::string url = "postgresql://audit:p%40ss@db/sagsaudit?password=andet";
  EXPECT_EQ(redact_password("user audit with p%40ss, p@ss and andet failed", url),
            "user audit with ***, *** and *** failed");
  EXPECT_EQ(redact_password("nothing secret here", "sqlite:data/sagsaudit.db"),
            "nothing secret here");
}

TEST(DatabaseUrl, BackendNames) {
  EXPECT_EQ(to_string(Backend::sqlite), "SQLite");
  EXPECT_EQ(to_string(Backend::postgresql), "PostgreSQL");
}

}  // namespace
}  // namespace sagsaudit::storage
