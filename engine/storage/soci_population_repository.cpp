// PopulationRepository on SOCI: tables populations, population_centers and population_cases
// (migrations 4 and 10). Cases go in by the batch: on PostgreSQL as one COPY … FROM STDIN through
// libpq on the session's own connection (so inside the import's transaction) into a table of the
// population's own, without an index, which finish() attaches as the partition
// population_cases_<population_id> (building its primary key in one sorted pass); on SQLite
// through one prepared statement bound to vectors. Each center's sagsnumre are also kept, sorted
// by bytes, in its population_centers row, so that the draw reads 20 rows instead of a million.
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <utility>

#include "domain/errors.hpp"
#include "storage/population_repository.hpp"
#include "storage/soci_errors.hpp"

namespace sagsaudit::storage {
namespace {

// A center's sagsnumre in canonical order as one text: one per line, with '\\' and a line feed
// inside a sagsnummer (a quoted CSV field may hold one) written as "\\\\" and "\\n".
std::string join_case_numbers(const std::vector<std::string>& numbers) {
  std::string out;
  std::size_t size = 0;
  for (const auto& number : numbers) size += number.size() + 1;
  out.reserve(size);
  for (const auto& number : numbers) {
    for (char ch : number) {
      if (ch == '\\' || ch == '\n') {
        out.push_back('\\');
        out.push_back(ch == '\n' ? 'n' : '\\');
      } else {
        out.push_back(ch);
      }
    }
    out.push_back('\n');
  }
  return out;
}

// The partition (PostgreSQL) that holds a population's cases.
std::string partition_name(int population_id) {
  return "population_cases_" + std::to_string(population_id);
}

// 64 hex digits (either case) into the 32 bytes of a CPR hash.
std::array<unsigned char, 32> hash_from_hex(const std::string& hex) {
  std::array<unsigned char, 32> out{};
  auto digit = [&](char ch) -> unsigned {
    if (ch >= '0' && ch <= '9') return static_cast<unsigned>(ch - '0');
    if (ch >= 'a' && ch <= 'f') return static_cast<unsigned>(ch - 'a' + 10);
    if (ch >= 'A' && ch <= 'F') return static_cast<unsigned>(ch - 'A' + 10);
    throw StorageError("a stored CPR hash is not hexadecimal");
  };
  if (hex.size() != 2 * out.size()) throw StorageError("a stored CPR hash is not 32 bytes");
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<unsigned char>(digit(hex[2 * i]) << 4 | digit(hex[2 * i + 1]));
  }
  return out;
}

std::vector<std::string> split_case_numbers(const std::string& text) {
  std::vector<std::string> out;
  out.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string number = text.substr(start, end - start);
    if (number.find('\\') != std::string::npos) {
      std::string plain;
      for (std::size_t i = 0; i < number.size(); ++i) {
        if (number[i] == '\\' && i + 1 < number.size()) {
          plain.push_back(number[++i] == 'n' ? '\n' : number[i]);
        } else {
          plain.push_back(number[i]);
        }
      }
      number = std::move(plain);
    }
    out.push_back(std::move(number));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

class SociPopulationRepository final : public PopulationRepository {
 public:
  explicit SociPopulationRepository(Database& db) : db_(db), sql_(db.session()) {}

  void begin(const PopulationInfo& info) override {
    require_transaction("begin");
    const bool inserted = guarded(
        "cannot store the population of round " + info.round_id + " in " + db_.redacted_url(), [&] {
          const int rows = static_cast<int>(info.row_count);
          // The population id: PostgreSQL's identity column; on SQLite, whose writers take turns,
          // the highest so far plus one (migration 10).
          const bool sqlite = db_.backend() == Backend::sqlite;
          // ON CONFLICT: a second import of the same round, also one running concurrently (it
          // waits for the first to commit), is told so instead of failing on the primary key.
          soci::statement insert =
              (sql_.prepare << std::string("INSERT INTO populations (round_id, file_name, "
                                           "file_sha256, encoding, row_count, cpr_key_id, "
                                           "imported_at, imported_by") +
                                   (sqlite ? ", population_id" : "") +
                                   ") VALUES (:round, :file, :sha, :encoding, :rows, :key, :at, "
                                   ":by" +
                                   (sqlite ? ", (SELECT COALESCE(MAX(population_id), 0) + 1 "
                                             "FROM populations)"
                                           : "") +
                                   ") ON CONFLICT (round_id) DO NOTHING",
               soci::use(info.round_id), soci::use(info.file_name), soci::use(info.file_sha256),
               soci::use(info.encoding), soci::use(rows), soci::use(info.cpr_key_id),
               soci::use(info.imported_at), soci::use(info.imported_by));
          insert.execute(true);
          if (insert.get_affected_rows() != 1) return false;
          round_ = info.round_id;
          population_id_ = population_id_of(round_);
          attached_ = false;
          if (!sqlite) {
            // The population's own table, without an index until finish() attaches it; the
            // CHECK lets the attach skip scanning the rows for the partition's bound.
            const std::string id = std::to_string(population_id_);
            sql_ << "CREATE TABLE " + partition_name(population_id_) +
                        " (LIKE population_cases, CHECK (population_id = " + id + "))";
          }
          return true;
        });
    if (!inserted) {
      throw ConflictError("runden " + info.round_id + " har allerede en population");
    }
  }

  void add_cases(std::string_view round_id, const std::vector<StoredCase>& cases) override {
    require_transaction("add_cases");
    if (cases.empty()) return;
    guarded(
        "cannot store the cases of round " + std::string(round_id) + " in " + db_.redacted_url(),
        [&] {
          if (round_id != round_ || population_id_ == 0) {
            throw StorageError("PopulationRepository::add_cases for round " +
                               std::string(round_id) + " without begin() on this repository");
          }
          if (db_.backend() == Backend::postgresql) {
            copy_cases(cases);
          } else {
            insert_cases(cases);
          }
        });
    remember_case_numbers(cases);
  }

  void finish(const PopulationInfo& info) override {
    require_transaction("finish");
    guarded("cannot store the population of round " + info.round_id + " in " + db_.redacted_url(),
            [&] {
              attach_cases(info.round_id);
              const int rows = static_cast<int>(info.row_count);
              sql_ << "UPDATE populations SET file_sha256 = :sha, encoding = :encoding, "
                      "row_count = :rows WHERE round_id = :round",
                  soci::use(info.file_sha256), soci::use(info.encoding), soci::use(rows),
                  soci::use(info.round_id);
              for (const auto& [center, count] : info.center_counts) {
                const int n = static_cast<int>(count);
                // The canonical order, when this repository saw exactly the center's cases go
                // in; otherwise NULL, and case_numbers_by_center reads the cases themselves.
                std::string order;
                soci::indicator order_null = soci::i_null;
                if (auto it = case_numbers_.find(center);
                    it != case_numbers_.end() &&
                    static_cast<std::int64_t>(it->second.size()) == count) {
                  // Case systems usually list the cases in order already: one pass to see
                  // that costs far less than sorting a sorted list.
                  if (!std::is_sorted(it->second.begin(), it->second.end())) {
                    std::sort(it->second.begin(), it->second.end());
                  }
                  order = join_case_numbers(it->second);
                  order_null = soci::i_ok;
                } else if (count == 0) {
                  order_null = soci::i_ok;
                }
                sql_ << "INSERT INTO population_centers (round_id, center, case_count, "
                        "case_numbers) VALUES (:round, :center, :count, :numbers)",
                    soci::use(info.round_id), soci::use(center), soci::use(n),
                    soci::use(order, order_null);
              }
            });
    case_numbers_.clear();
  }

  void remove(std::string_view round_id) override {
    require_transaction("remove");
    const std::string round(round_id);
    guarded("cannot remove the population of round " + round + " from " + db_.redacted_url(), [&] {
      const int id = population_id_of(round);
      if (id != 0 && db_.backend() == Backend::postgresql) {
        // Its partition goes as a whole (refused while a pick refers to one of its cases).
        const std::string table = partition_name(id);
        int attached = 0;
        sql_ << "SELECT COUNT(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                "WHERE i.inhparent = 'population_cases'::regclass AND c.relname = :name",
            soci::into(attached), soci::use(table);
        if (attached > 0) sql_ << "ALTER TABLE population_cases DETACH PARTITION " + table;
        sql_ << "DROP TABLE IF EXISTS " + table;
      } else if (id != 0) {
        sql_ << "DELETE FROM population_cases WHERE population_id = :id", soci::use(id);
      }
      if (round == round_) population_id_ = 0;
      sql_ << "DELETE FROM population_centers WHERE round_id = :round", soci::use(round);
      sql_ << "DELETE FROM populations WHERE round_id = :round", soci::use(round);
    });
  }

  std::optional<PopulationInfo> find(std::string_view round_id) override {
    const std::string round(round_id);
    return guarded(
        "cannot read the population of round " + round + " from " + db_.redacted_url(),
        [&]() -> std::optional<PopulationInfo> {
          PopulationInfo info;
          int rows = 0;
          sql_ << "SELECT file_name, file_sha256, encoding, row_count, cpr_key_id, imported_at, "
                  "imported_by FROM populations WHERE round_id = :round",
              soci::into(info.file_name), soci::into(info.file_sha256), soci::into(info.encoding),
              soci::into(rows), soci::into(info.cpr_key_id), soci::into(info.imported_at),
              soci::into(info.imported_by), soci::use(round);
          if (!sql_.got_data()) return std::nullopt;
          info.round_id = round;
          info.row_count = rows;
          std::string center;
          int count = 0;
          soci::statement query =
              (sql_.prepare << "SELECT center, case_count FROM population_centers "
                               "WHERE round_id = :round ORDER BY center",
               soci::into(center), soci::into(count), soci::use(round));
          query.execute();
          while (query.fetch()) info.center_counts[center] = count;
          return info;
        });
  }

  std::optional<StoredCase> find_case(std::string_view round_id,
                                      std::string_view case_number) override {
    const std::string round(round_id), number(case_number);
    return guarded("cannot read case " + number + " of " + round + " from " + db_.redacted_url(),
                   [&]() -> std::optional<StoredCase> {
                     StoredCase c;
                     std::string hash_hex;
                     const char* hex = db_.backend() == Backend::sqlite
                                           ? "hex(c.cpr_hash)"
                                           : "encode(c.cpr_hash, 'hex')";
                     sql_ << std::string("SELECT c.case_number, c.center, ") + hex +
                                 ", c.masked_cpr, c.case_worker, c.decision_date, c.line, "
                                 "c.attributes FROM population_cases c JOIN populations p ON "
                                 "p.population_id = c.population_id WHERE p.round_id = :round "
                                 "AND c.case_number = :number",
                         soci::use(round), soci::use(number), soci::into(c.case_number),
                         soci::into(c.center), soci::into(hash_hex), soci::into(c.masked_cpr),
                         soci::into(c.case_worker), soci::into(c.decision_date), soci::into(c.line),
                         soci::into(c.attributes_json);
                     if (!sql_.got_data()) return std::nullopt;
                     c.cpr_hash = hash_from_hex(hash_hex);
                     return c;
                   });
  }

  std::map<std::string, std::vector<std::string>> case_numbers_by_center(
      std::string_view round_id) override {
    const std::string round(round_id);
    return guarded("cannot read the cases of round " + round + " from " + db_.redacted_url(), [&] {
      std::map<std::string, std::vector<std::string>> out;
      std::string center;
      std::string numbers;
      soci::indicator numbers_null = soci::i_ok;
      soci::statement query =
          (sql_.prepare << "SELECT center, case_numbers FROM population_centers "
                           "WHERE round_id = :round AND case_count > 0",
           soci::into(center), soci::into(numbers, numbers_null), soci::use(round));
      query.execute();
      bool complete = true;
      while (query.fetch()) {
        if (numbers_null != soci::i_ok) {
          complete = false;
          break;
        }
        out[center] = split_case_numbers(numbers);
      }
      if (complete && !out.empty()) return out;
      return read_case_numbers(round);
    });
  }

 private:
  void require_transaction(const char* what) {
    if (!db_.in_transaction()) {
      throw StorageError(std::string("PopulationRepository::") + what +
                         " needs an open transaction (an import is one unit)");
    }
  }

  // The population id of a round's population, or 0 when it has none.
  int population_id_of(const std::string& round) {
    int id = 0;
    soci::indicator id_null = soci::i_ok;
    sql_ << "SELECT population_id FROM populations WHERE round_id = :round",
        soci::into(id, id_null), soci::use(round);
    return sql_.got_data() && id_null == soci::i_ok ? id : 0;
  }

  // PostgreSQL: makes the population's table a partition of population_cases, which builds its
  // primary key (a sagsnummer given twice fails here) in one sorted pass over the rows.
  void attach_cases(const std::string& round) {
    if (db_.backend() != Backend::postgresql || attached_) return;
    if (round != round_ || population_id_ == 0) {
      throw StorageError("PopulationRepository::finish for round " + round +
                         " without begin() on this repository");
    }
    sql_ << "ALTER TABLE population_cases ATTACH PARTITION " + partition_name(population_id_) +
                " FOR VALUES IN (" + std::to_string(population_id_) + ")";
    attached_ = true;
  }

  void insert_cases(const std::vector<StoredCase>& cases) {
    const std::size_t n = cases.size();
    std::vector<int> population(n, population_id_);
    std::vector<std::string> number(n), center(n), hash(n), masked(n), worker(n), date(n),
        attributes(n);
    std::vector<int> line(n);
    for (std::size_t i = 0; i < n; ++i) {
      number[i] = cases[i].case_number;
      center[i] = cases[i].center;
      hash[i].assign(reinterpret_cast<const char*>(cases[i].cpr_hash.data()),
                     cases[i].cpr_hash.size());
      masked[i] = cases[i].masked_cpr;
      worker[i] = cases[i].case_worker;
      date[i] = cases[i].decision_date;
      line[i] = cases[i].line;
      attributes[i] = cases[i].attributes_json;
    }
    // The hash's bytes are bound as text (SOCI binds a std::string with its length, so every
    // byte goes through) and stored as the BLOB of those bytes.
    sql_ << "INSERT INTO population_cases (population_id, case_number, center, cpr_hash, "
            "masked_cpr, case_worker, decision_date, line, attributes) VALUES (:population, "
            ":number, :center, CAST(:hash AS BLOB), :masked, :worker, :date, :line, :attributes)",
        soci::use(population), soci::use(number), soci::use(center), soci::use(hash),
        soci::use(masked), soci::use(worker), soci::use(date), soci::use(line),
        soci::use(attributes);
  }

  // The sagsnumre of each center, in no particular order, from the cases themselves: for a
  // population whose canonical order was not recorded (finish() saw other cases than went in).
  std::map<std::string, std::vector<std::string>> read_case_numbers(const std::string& round) {
    std::map<std::string, std::vector<std::string>> out;
    constexpr std::size_t batch = 10000;
    std::vector<std::string> centers(batch);
    std::vector<std::string> numbers(batch);
    const int id = population_id_of(round);
    soci::statement query = (sql_.prepare << "SELECT center, case_number FROM population_cases "
                                             "WHERE population_id = :id",
                             soci::into(centers), soci::into(numbers), soci::use(id));
    query.execute();
    // A bulk fetch fills the vectors and resizes them to what it got.
    while (query.fetch()) {
      std::vector<std::string>* target = nullptr;
      const std::string* last = nullptr;
      for (std::size_t i = 0; i < centers.size(); ++i) {
        if (!last || *last != centers[i]) {
          target = &out[centers[i]];
          last = &centers[i];
        }
        target->push_back(std::move(numbers[i]));
      }
      centers.resize(batch);
      numbers.resize(batch);
    }
    return out;
  }

  // Kept for finish(), which stores each center's sagsnumre in canonical order: the import
  // hands every case to add_cases, so nothing has to be read back for it.
  void remember_case_numbers(const std::vector<StoredCase>& cases) {
    std::vector<std::string>* target = nullptr;
    const std::string* last = nullptr;
    for (const auto& c : cases) {
      if (!last || *last != c.center) {
        target = &case_numbers_[c.center];
        last = &c.center;
      }
      target->push_back(c.case_number);
    }
  }

  // PostgreSQL: one COPY per batch on the session's own connection, so it is part of the
  // transaction the caller opened. COPY costs the server far less than the array parameters of
  // an INSERT … SELECT FROM unnest(), and a batch is one round trip. The binary format: each
  // field goes as its length and its bytes, which the server takes as they are, instead of a
  // line it scans character by character for separators and escapes (and the client need not
  // escape anything). Into the population's own table, made by begin() in this transaction,
  // which has no index to update per row.
  void copy_cases(const std::vector<StoredCase>& cases) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql_.get_backend());
    PGconn* conn = backend->conn_;
    const std::string copy = "COPY " + partition_name(population_id_) +
                             " (population_id, case_number, center, cpr_hash, masked_cpr, "
                             "case_worker, decision_date, line, attributes) FROM STDIN "
                             "(FORMAT binary)";
    check_result(PQexec(conn, copy.c_str()), PGRES_COPY_IN, conn);
    // The rows go in chunks of about a megabyte; the buffer is a member so that its memory is
    // reused from one batch to the next.
    constexpr std::size_t kChunk = 1 << 20;
    std::string& buffer = copy_buffer_;
    buffer.clear();
    // The signature, flags (none) and header extension length (none).
    buffer.append("PGCOPY\n\377\r\n\0", 11);
    append_int32(buffer, 0);
    append_int32(buffer, 0);
    bool sent = true;
    const auto population = static_cast<std::uint32_t>(population_id_);
    for (const StoredCase& c : cases) {
      append_int16(buffer, 9);  // fields
      append_int32(buffer, 4);  // population_id: an int4
      append_int32(buffer, population);
      append_binary_text(buffer, c.case_number);
      append_binary_text(buffer, c.center);
      // cpr_hash: a bytea, whose binary form is its bytes.
      append_binary_text(buffer, std::string_view(reinterpret_cast<const char*>(c.cpr_hash.data()),
                                                  c.cpr_hash.size()));
      for (const std::string* field : {&c.masked_cpr, &c.case_worker, &c.decision_date}) {
        append_binary_text(buffer, *field);
      }
      append_int32(buffer, 4);  // line: an int4
      append_int32(buffer, static_cast<std::uint32_t>(c.line));
      append_binary_text(buffer, c.attributes_json);
      if (buffer.size() >= kChunk) {
        sent = put_copy_data(conn, buffer);
        if (!sent) break;
      }
    }
    if (sent) {
      append_int16(buffer, 0xFFFF);  // the trailer: -1 fields
      sent = put_copy_data(conn, buffer);
    }
    // A failed send leaves the COPY to be ended (with an error, so nothing of it is kept).
    if (PQputCopyEnd(conn, sent ? nullptr : "sagsaudit: sending the cases failed") != 1) {
      throw soci::soci_error(PQerrorMessage(conn));
    }
    check_result(PQgetResult(conn), PGRES_COMMAND_OK, conn);
  }

  // Integers of COPY's binary format: network byte order.
  static void append_int16(std::string& out, std::uint16_t value) {
    out.push_back(static_cast<char>(value >> 8));
    out.push_back(static_cast<char>(value & 0xFF));
  }
  static void append_int32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.push_back(static_cast<char>((value >> shift) & 0xFF));
    }
  }
  // A text (or bytea) field: its length in bytes, then the bytes (text: UTF-8, as the server's
  // encoding).
  static void append_binary_text(std::string& out, std::string_view text) {
    append_int32(out, static_cast<std::uint32_t>(text.size()));
    out.append(text);
  }

  static bool put_copy_data(PGconn* conn, std::string& buffer) {
    const bool ok = PQputCopyData(conn, buffer.data(), static_cast<int>(buffer.size())) == 1;
    buffer.clear();
    return ok;
  }

  // Takes a command's result and, unless it is the go-ahead of a COPY, every one after it until
  // libpq has none left (as it requires before the next command). Throws soci_error, which
  // guarded() turns into StorageError as for any other statement, when it is not `expected`.
  static void check_result(PGresult* result, ExecStatusType expected, PGconn* conn) {
    const bool ok = result && PQresultStatus(result) == expected;
    std::string message = ok ? "" : (result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
    PQclear(result);
    if (!ok || expected != PGRES_COPY_IN) {
      while (PGresult* more = PQgetResult(conn)) PQclear(more);
    }
    if (!ok) throw soci::soci_error(message);
  }

  Database& db_;
  soci::session& sql_;
  // The import in progress on this repository: begin() sets them.
  std::string round_;
  int population_id_ = 0;
  bool attached_ = false;  // PostgreSQL: finish() has attached its partition
  std::string copy_buffer_;
  // The sagsnumre each center's add_cases() calls brought, for finish().
  std::map<std::string, std::vector<std::string>> case_numbers_;
};

}  // namespace

std::unique_ptr<PopulationRepository> make_population_repository(Database& db) {
  return std::make_unique<SociPopulationRepository>(db);
}

}  // namespace sagsaudit::storage
