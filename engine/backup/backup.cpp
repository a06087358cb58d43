#include "backup/backup.hpp"

#include <sqlite3.h>

#include <cstdlib>
#include <fstream>

#include "backup/external_program.hpp"
#include "domain/errors.hpp"
#include "storage/database_url.hpp"
#include "storage/migrations.hpp"
#include "storage/table_inventory.hpp"

namespace sagsaudit {
namespace {

using storage::Backend;
namespace fs = std::filesystem;

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
constexpr std::string_view kPgDumpMagic = "PGDMP";

std::string quoted(const fs::path& file) {
  return "'" + file.string() + "'";
}

std::string file_start(const fs::path& file, std::size_t bytes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ValidationError("sikkerhedskopien " + quoted(file) + " findes ikke");
  std::string head(bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(bytes));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// Refuses a file that is not a backup of `backend` (the other backend's backup is named).
void check_backup_kind(const fs::path& file, Backend backend) {
  const std::string head = file_start(file, kSqliteMagic.size());
  const bool sqlite = head == kSqliteMagic;
  const bool pg = head.rfind(kPgDumpMagic, 0) == 0;
  if ((backend == Backend::sqlite && sqlite) || (backend == Backend::postgresql && pg)) return;
  std::string what = "ikke en sikkerhedskopi fra sagsaudit backup";
  if (sqlite) what = "en SQLite-sikkerhedskopi";
  if (pg) what = "en PostgreSQL-sikkerhedskopi (pg_dump)";
  throw ValidationError(quoted(file) + " er " + what + ", men den konfigurerede database er " +
                        storage::to_string(backend) + "; gendan den i en database af samme slags");
}

void check_schema_version(const fs::path& file, int version) {
  const int known = static_cast<int>(storage::known_migrations().size());
  if (version > known) {
    throw ValidationError("sikkerhedskopien " + quoted(file) + " har skemaversion " +
                          std::to_string(version) + ", men dette program kender kun op til " +
                          std::to_string(known) + "; gendan den med den nyere sagsaudit");
  }
}

void refuse_existing_target(const fs::path& file) {
  if (fs::exists(file)) {
    throw ValidationError(quoted(file) +
                          " findes allerede; vælg et andet filnavn (en sikkerhedskopi "
                          "overskrives aldrig)");
  }
}

[[noreturn]] void refuse_non_empty(std::size_t tables, const std::string& where) {
  throw ValidationError("databasen " + where + " er ikke tom (" + std::to_string(tables) +
                        " tabeller); gendan i en ny, tom database, eller brug --force for at "
                        "erstatte dens indhold");
}

// ---- SQLite -------------------------------------------------------------------------------

class SqliteFile {
 public:
  SqliteFile(const fs::path& file, int flags, const std::string& what) {
    if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const std::string reason = db_ ? sqlite3_errmsg(db_) : "ikke nok hukommelse";
      throw StorageError("kan ikke åbne " + what + " " + quoted(file) + ": " + reason);
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  ~SqliteFile() { sqlite3_close_v2(db_); }
  SqliteFile(const SqliteFile&) = delete;
  SqliteFile& operator=(const SqliteFile&) = delete;

  sqlite3* get() { return db_; }

  // The first column of the first row, as text; nullopt when the statement fails or has no row.
  std::optional<std::string> value(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      sqlite3_finalize(statement);
      return std::nullopt;
    }
    std::optional<std::string> out;
    if (sqlite3_step(statement) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(statement, 0);
      out = text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(statement);
    return out;
  }

  void exec(const std::string& sql, const std::string& what) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string reason = message ? message : sqlite3_errmsg(db_);
      sqlite3_free(message);
      throw StorageError(what + ": " + reason);
    }
  }

 private:
  sqlite3* db_ = nullptr;
};

fs::path sqlite_path(const std::string& url) {
  const std::string path = url.substr(std::string_view("sqlite:").size());
  if (path == ":memory:") {
    throw ValidationError(
        "en database i hukommelsen (sqlite::memory:) kan ikke sikkerhedskopieres eller gendannes");
  }
  return path;
}

// The whole of `from` into `to` in one step: the read transaction on `from` gives a consistent
// snapshot while other connections (the server) go on writing in WAL mode.
void copy_pages(SqliteFile& from, SqliteFile& to, const std::string& what) {
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (!backup) throw StorageError(what + ": " + sqlite3_errmsg(to.get()));
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw StorageError(what + ": " + sqlite3_errstr(rc));
  // A copy of a WAL database says WAL in its header; as a file on its own it needs no journal.
  to.exec("PRAGMA journal_mode = DELETE", what);
}

int sqlite_schema_version(SqliteFile& file, const fs::path& name) {
  const auto version = file.value("SELECT MAX(number) FROM schema_migrations");
  if (!version || version->empty()) {
    throw ValidationError(quoted(name) +
                          " har ingen schema_migrations-tabel; det er ikke en sikkerhedskopi af "
                          "en sagsaudit-database");
  }
  return std::stoi(*version);
}

void remove_quietly(const fs::path& file) {
  std::error_code ignored;
  fs::remove(file, ignored);
}

void backup_sqlite(const std::string& url, const fs::path& file) {
  const fs::path source = sqlite_path(url);
  if (!fs::exists(source)) {
    throw ValidationError("databasefilen " + quoted(source) + " findes ikke");
  }
  const fs::path temporary = file.string() + ".tmp";
  remove_quietly(temporary);
  try {
    SqliteFile from(source, SQLITE_OPEN_READWRITE, "databasen");
    SqliteFile to(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "sikkerhedskopien");
    copy_pages(from, to, "sikkerhedskopieringen af " + quoted(source) + " mislykkedes");
  } catch (...) {
    remove_quietly(temporary);
    throw;
  }
  fs::rename(temporary, file);
}

RestoreResult restore_sqlite(const std::string& url, const fs::path& file,
                             const RestoreOptions& options) {
  const fs::path target = sqlite_path(url);
  RestoreResult result;
  SqliteFile backup(file, SQLITE_OPEN_READONLY, "sikkerhedskopien");
  result.backup_schema_version = sqlite_schema_version(backup, file);
  check_schema_version(file, result.backup_schema_version);

  // The target, held with an exclusive lock until the new file is in place. sagsaudit runs its
  // databases in WAL mode; leaving it needs every other connection closed, so a server that has
  // the database open is found here.
  std::optional<SqliteFile> current;
  if (fs::exists(target)) {
    current.emplace(target, SQLITE_OPEN_READWRITE, "databasen");
    sqlite3_busy_timeout(current->get(), 1000);
    const auto mode = current->value("PRAGMA journal_mode = DELETE");
    if (!mode || *mode != "delete") {
      throw ValidationError("databasen " + quoted(target) +
                            " er i brug af en anden proces (fx sagsaudit serve); stop den og "
                            "prøv igen");
    }
    const int tables = std::stoi(current
                                     ->value("SELECT COUNT(*) FROM sqlite_master WHERE type "
                                             "= 'table' AND name NOT LIKE 'sqlite%'")
                                     .value_or("0"));
    if (tables > 0 && !options.force) refuse_non_empty(tables, quoted(target));
    result.replaced = tables > 0;
    current->exec("BEGIN EXCLUSIVE", "databasen " + quoted(target) + " kan ikke låses");
  }

  const fs::path temporary = target.string() + ".restore-tmp";
  remove_quietly(temporary);
  try {
    SqliteFile to(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "den nye database");
    copy_pages(backup, to, "gendannelsen fra " + quoted(file) + " mislykkedes");
  } catch (...) {
    remove_quietly(temporary);
    throw;
  }
  for (const char* suffix : {"-wal", "-shm", "-journal"}) remove_quietly(target.string() + suffix);
  fs::rename(temporary, target);
  current.reset();  // its lock was on the replaced file
  return result;
}

// ---- PostgreSQL -----------------------------------------------------------------------------

fs::path pg_program(const std::string& name) {
  const auto found = find_on_path(name);
  if (!found) {
    throw ValidationError(name +
                          " blev ikke fundet (PATH); installér pakken postgresql-client i samme "
                          "hovedversion som serveren (eller nyere)");
  }
  return *found;
}

// "pg_dump (PostgreSQL) 15.4 (Debian 15.4-1)" → 15.
int program_major_version(const fs::path& program) {
  const auto run = run_program(program, {"--version"});
  const auto close = run.out.find(") ");
  if (run.exit_status != 0 || close == std::string::npos) {
    throw StorageError("kan ikke læse versionen af " + program.string() + ": " + run.err);
  }
  return std::atoi(run.out.c_str() + close + 2);
}

// The client program must be at least the server's major version (pg_dump refuses a newer
// server; an older pg_restore may not know what a newer server's dump holds).
fs::path checked_pg_program(const std::string& name, storage::Database& db) {
  const fs::path program = pg_program(name);
  const int client = program_major_version(program);
  const int server = storage::postgresql_major_version(db);
  if (client < server) {
    throw ValidationError(program.string() + " er version " + std::to_string(client) +
                          ", men serveren er PostgreSQL " + std::to_string(server) +
                          "; installér postgresql-client-" + std::to_string(server) +
                          " (klienten skal være mindst serverens hovedversion)");
  }
  return program;
}

ProgramResult run_pg(const fs::path& program, std::vector<std::string> args,
                     const std::string& url) {
  const auto split = storage::split_password(url);
  args.push_back("--dbname=" + split.url);
  std::vector<std::pair<std::string, std::string>> env;
  if (!split.password.empty()) env.emplace_back("PGPASSWORD", split.password);
  auto result = run_program(program, args, env);
  result.err = storage::redact_password(result.err, url);
  return result;
}

void backup_postgresql(const std::string& url, const fs::path& file, storage::Database& db) {
  const fs::path pg_dump = checked_pg_program("pg_dump", db);
  const fs::path temporary = file.string() + ".tmp";
  remove_quietly(temporary);
  const auto run = run_pg(pg_dump, {"--format=custom", "--file=" + temporary.string()}, url);
  if (run.exit_status != 0) {
    remove_quietly(temporary);
    throw StorageError("pg_dump mislykkedes (status " + std::to_string(run.exit_status) +
                       "): " + run.err);
  }
  fs::rename(temporary, file);
}

// The highest number in the backup's schema_migrations, read from its COPY data.
int pg_schema_version(const fs::path& pg_restore, const fs::path& file) {
  const auto run = run_program(
      pg_restore, {"--data-only", "--table=schema_migrations", "--file=-", file.string()});
  if (run.exit_status != 0) {
    throw ValidationError("pg_restore kan ikke læse " + quoted(file) + ": " + run.err);
  }
  int version = 0;
  bool in_copy = false;
  bool found = false;
  std::size_t start = 0;
  while (start < run.out.size()) {
    auto end = run.out.find('\n', start);
    if (end == std::string::npos) end = run.out.size();
    const std::string line = run.out.substr(start, end - start);
    start = end + 1;
    if (line.rfind("COPY ", 0) == 0) {
      in_copy = found = true;
    } else if (line == "\\.") {
      in_copy = false;
    } else if (in_copy) {
      version = std::max(version, std::atoi(line.c_str()));
    }
  }
  if (!found || version == 0) {
    throw ValidationError(quoted(file) +
                          " har ingen schema_migrations-tabel; det er ikke en sikkerhedskopi af "
                          "en sagsaudit-database");
  }
  return version;
}

// --force on PostgreSQL: pg_restore's own --clean cannot drop a partition's inherited primary
// key (migration 10 partitions population_cases), so the old tables are dropped by psql instead,
// in the same single transaction as the backup's SQL (pg_restore --file): all or nothing. The
// SQL goes through a private temporary folder, removed afterwards.
void replace_postgresql(const std::string& url, const fs::path& file, const fs::path& pg_restore,
                        const std::vector<std::string>& tables) {
  const fs::path psql = pg_program("psql");
  std::string folder_template = (fs::temp_directory_path() / "sagsaudit-restore-XXXXXX").string();
  if (!mkdtemp(folder_template.data())) {
    throw StorageError("kan ikke oprette en midlertidig mappe til gendannelsen");
  }
  const fs::path folder = folder_template;
  struct Cleanup {
    fs::path folder;
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(folder, ignored);
    }
  } cleanup{folder};
  const fs::path script = folder / "restore.sql";
  const auto dumped = run_program(
      pg_restore, {"--no-owner", "--no-privileges", "--file=" + script.string(), file.string()});
  if (dumped.exit_status != 0) {
    throw StorageError("pg_restore mislykkedes (status " + std::to_string(dumped.exit_status) +
                       "): " + dumped.err);
  }
  const fs::path drop = folder / "drop.sql";
  {
    std::ofstream out(drop);
    out << "DROP TABLE IF EXISTS ";
    for (std::size_t i = 0; i < tables.size(); ++i) {
      out << (i ? ", " : "") << '"' << tables[i] << '"';
    }
    out << " CASCADE;\n";
  }
  const auto run =
      run_pg(psql,
             {"--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1",
              "--file=" + drop.string(), "--file=" + script.string()},
             url);
  if (run.exit_status != 0) {
    throw StorageError("gendannelsen mislykkedes (psql status " + std::to_string(run.exit_status) +
                       "); databasen er uændret, da alt sker i én transaktion: " + run.err);
  }
}

RestoreResult restore_postgresql(const std::string& url, const fs::path& file,
                                 const RestoreOptions& options) {
  RestoreResult result;
  fs::path pg_restore;
  std::vector<std::string> tables;
  {
    auto db = storage::Database::open(url);
    pg_restore = checked_pg_program("pg_restore", *db);
    result.backup_schema_version = pg_schema_version(pg_restore, file);
    check_schema_version(file, result.backup_schema_version);
    tables = storage::table_names(*db);
    if (!tables.empty() && !options.force) refuse_non_empty(tables.size(), db->redacted_url());
    result.replaced = !tables.empty();
  }
  if (result.replaced) {
    replace_postgresql(url, file, pg_restore, tables);
    return result;
  }
  const auto run = run_pg(
      pg_restore,
      {"--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", file.string()},
      url);
  if (run.exit_status != 0) {
    throw StorageError("pg_restore mislykkedes (status " + std::to_string(run.exit_status) +
                       "); databasen er uændret, da alt sker i én transaktion: " + run.err);
  }
  return result;
}

}  // namespace

DatabaseSummary summarise_database(storage::Database& db) {
  DatabaseSummary summary;
  const auto applied = storage::applied_migrations(db);
  summary.schema_version = applied.empty() ? 0 : applied.back().number;
  for (const auto& table : storage::table_names(db)) {
    summary.tables.push_back({table, storage::table_row_count(db, table)});
  }
  summary.audit = storage::make_audit_log(db)->verify();
  return summary;
}

BackupResult backup_database(const std::string& database_url, const fs::path& file) {
  refuse_existing_target(file);
  BackupResult result;
  // Not migrated here: a migration takes the write lock, and a backup must not wait for (or
  // hold up) the server's writers. The summary reads schema_migrations as it is.
  auto db = storage::Database::open(database_url);
  result.backend = db->backend();
  result.file = file;
  if (db->backend() == Backend::sqlite) {
    backup_sqlite(database_url, file);
  } else {
    backup_postgresql(database_url, file, *db);
  }
  result.bytes = fs::file_size(file);
  result.summary = summarise_database(*db);
  return result;
}

RestoreResult restore_database(const std::string& database_url, const fs::path& file,
                               const RestoreOptions& options) {
  const Backend backend = storage::parse_database_url(database_url).backend;
  check_backup_kind(file, backend);
  RestoreResult result = backend == Backend::sqlite
                             ? restore_sqlite(database_url, file, options)
                             : restore_postgresql(database_url, file, options);
  result.backend = backend;
  auto db = storage::Database::open(database_url);
  result.migrations_applied = storage::migrate(*db).applied;
  result.summary = summarise_database(*db);
  return result;
}

}  // namespace sagsaudit
