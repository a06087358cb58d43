// PopulationRepository on SOCI: tables populations, population_centers and population_cases
// (migration 4). Cases go in by the batch: on PostgreSQL as one COPY … FROM STDIN through libpq
// on the session's own connection (so inside the import's transaction), on SQLite through one
// prepared statement bound to vectors. Each center's sagsnumre are also kept, sorted by bytes,
// in its population_centers row, so that the draw reads 20 rows instead of a million.
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <algorithm>
#include <charconv>
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
          // ON CONFLICT: a second import of the same round, also one running concurrently (it
          // waits for the first to commit), is told so instead of failing on the primary key.
          soci::statement insert =
              (sql_.prepare << "INSERT INTO populations (round_id, file_name, file_sha256, "
                               "encoding, row_count, cpr_key_id, imported_at, imported_by) "
                               "VALUES (:round, :file, :sha, :encoding, :rows, :key, :at, :by) "
                               "ON CONFLICT (round_id) DO NOTHING",
               soci::use(info.round_id), soci::use(info.file_name), soci::use(info.file_sha256),
               soci::use(info.encoding), soci::use(rows), soci::use(info.cpr_key_id),
               soci::use(info.imported_at), soci::use(info.imported_by));
          insert.execute(true);
          return insert.get_affected_rows() == 1;
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
          if (db_.backend() == Backend::postgresql) {
            copy_cases(round_id, cases);
          } else {
            insert_cases(round_id, cases);
          }
        });
    remember_case_numbers(cases);
  }

  void finish(const PopulationInfo& info) override {
    require_transaction("finish");
    guarded("cannot store the population of round " + info.round_id + " in " + db_.redacted_url(),
            [&] {
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
                  std::sort(it->second.begin(), it->second.end());
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
      sql_ << "DELETE FROM population_cases WHERE round_id = :round", soci::use(round);
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
                     sql_ << "SELECT case_number, center, cpr_hash, masked_cpr, case_worker, "
                             "decision_date, line, attributes FROM population_cases "
                             "WHERE round_id = :round AND case_number = :number",
                         soci::use(round), soci::use(number), soci::into(c.case_number),
                         soci::into(c.center), soci::into(c.cpr_hash), soci::into(c.masked_cpr),
                         soci::into(c.case_worker), soci::into(c.decision_date), soci::into(c.line),
                         soci::into(c.attributes_json);
                     if (!sql_.got_data()) return std::nullopt;
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

  void insert_cases(std::string_view round_id, const std::vector<StoredCase>& cases) {
    const std::size_t n = cases.size();
    std::vector<std::string> round(n, std::string(round_id)), number(n), center(n), hash(n),
        masked(n), worker(n), date(n), attributes(n);
    std::vector<int> line(n);
    for (std::size_t i = 0; i < n; ++i) {
      number[i] = cases[i].case_number;
      center[i] = cases[i].center;
      hash[i] = cases[i].cpr_hash;
      masked[i] = cases[i].masked_cpr;
      worker[i] = cases[i].case_worker;
      date[i] = cases[i].decision_date;
      line[i] = cases[i].line;
      attributes[i] = cases[i].attributes_json;
    }
    sql_ << "INSERT INTO population_cases (round_id, case_number, center, cpr_hash, masked_cpr, "
            "case_worker, decision_date, line, attributes) VALUES (:round, :number, :center, "
            ":hash, :masked, :worker, :date, :line, :attributes)",
        soci::use(round), soci::use(number), soci::use(center), soci::use(hash), soci::use(masked),
        soci::use(worker), soci::use(date), soci::use(line), soci::use(attributes);
  }

  // The sagsnumre of each center, in no particular order, from the cases themselves: for a
  // population whose canonical order was not recorded (finish() saw other cases than went in).
  std::map<std::string, std::vector<std::string>> read_case_numbers(const std::string& round) {
    std::map<std::string, std::vector<std::string>> out;
    constexpr std::size_t batch = 10000;
    std::vector<std::string> centers(batch);
    std::vector<std::string> numbers(batch);
    soci::statement query = (sql_.prepare << "SELECT center, case_number FROM population_cases "
                                             "WHERE round_id = :round",
                             soci::into(centers), soci::into(numbers), soci::use(round));
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
  // escape anything).
  void copy_cases(std::string_view round_id, const std::vector<StoredCase>& cases) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql_.get_backend());
    PGconn* conn = backend->conn_;
    check_result(PQexec(conn,
                        "COPY population_cases (round_id, case_number, center, cpr_hash, "
                        "masked_cpr, case_worker, decision_date, line, attributes) FROM STDIN "
                        "(FORMAT binary)"),
                 PGRES_COPY_IN, conn);
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
    for (const StoredCase& c : cases) {
      append_int16(buffer, 9);  // fields
      append_binary_text(buffer, round_id);
      for (const std::string* field : {&c.case_number, &c.center, &c.cpr_hash, &c.masked_cpr,
                                       &c.case_worker, &c.decision_date}) {
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
  // A text field: its length in bytes, then the bytes (UTF-8, as the server's encoding).
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
  std::string copy_buffer_;
  // The sagsnumre each center's add_cases() calls brought, for finish().
  std::map<std::string, std::vector<std::string>> case_numbers_;
};

}  // namespace

std::unique_ptr<PopulationRepository> make_population_repository(Database& db) {
  return std::make_unique<SociPopulationRepository>(db);
}

}  // namespace sagsaudit::storage
