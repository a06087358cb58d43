#pragma once
// Internal to the storage layer: many rows written with few statements.
//
// SOCI runs a PostgreSQL statement once per row, both with vector binding and when a prepared
// statement is executed again, and every execution is a round trip to the server: 600 picks of
// a stikprøve cost 600 round trips. BatchInsert writes the rows as one multi-row
// `INSERT … VALUES (…), (…), …` per batch of up to rows_per_statement rows instead; on SQLite it
// saves the per-row statement steps too. Values are bound, never spliced into the SQL text.
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace soci {
class session;
}

namespace sagsaudit::storage {

class BatchInsert {
 public:
  // At most this many rows per statement: keeps the bound parameters far below both backends'
  // limits (SQLite 32,766, PostgreSQL 65,535) for any table here.
  static constexpr std::size_t rows_per_statement = 500;

  BatchInsert(soci::session& sql, std::string_view table, std::vector<std::string> columns);

  // One row, a value per column in order.
  class Row {
   public:
    Row& text(std::string value);
    Row& text_or_null(std::optional<std::string> value);  // nullopt: NULL
    Row& number(long long value);

   private:
    friend class BatchInsert;
    explicit Row(BatchInsert& batch) : batch_(batch) {}
    BatchInsert& batch_;
  };
  Row row();

  // Writes every row added so far (in statements of up to rows_per_statement rows); the batch
  // is empty afterwards. Throws, with nothing of the failed statement written, as SOCI does.
  void write();

  std::size_t pending_rows() const;

 private:
  struct Value {
    std::string text;
    long long number = 0;
    bool is_number = false;
    bool is_null = false;
  };
  void require_whole_rows() const;  // std::logic_error when the last row is short
  void write_rows(std::size_t first_row, std::size_t rows);

  soci::session& sql_;
  std::string insert_into_;  // "INSERT INTO table (a, b, c) VALUES "
  std::size_t columns_;
  std::deque<Value> values_;  // row-major; a deque, so bound references stay valid
};

}  // namespace sagsaudit::storage
