#include "storage/batch_insert.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <stdexcept>

namespace sagsaudit::storage {

BatchInsert::BatchInsert(soci::session& sql, std::string_view table,
                         std::vector<std::string> columns)
    : sql_(sql), columns_(columns.size()) {
  if (columns.empty()) throw std::logic_error("BatchInsert: no columns");
  insert_into_ = "INSERT INTO " + std::string(table) + " (";
  for (std::size_t c = 0; c < columns.size(); ++c) {
    insert_into_ += (c == 0 ? "" : ", ") + columns[c];
  }
  insert_into_ += ") VALUES ";
}

void BatchInsert::require_whole_rows() const {
  if (values_.size() % columns_ != 0) {
    throw std::logic_error("BatchInsert: a row has fewer values than columns");
  }
}

BatchInsert::Row BatchInsert::row() {
  require_whole_rows();
  return Row(*this);
}

BatchInsert::Row& BatchInsert::Row::text(std::string value) {
  batch_.values_.push_back(Value{std::move(value), 0, false, false});
  return *this;
}

BatchInsert::Row& BatchInsert::Row::text_or_null(std::optional<std::string> value) {
  const bool is_null = !value;
  batch_.values_.push_back(Value{value ? std::move(*value) : std::string(), 0, false, is_null});
  return *this;
}

BatchInsert::Row& BatchInsert::Row::number(long long value) {
  batch_.values_.push_back(Value{std::string(), value, true, false});
  return *this;
}

std::size_t BatchInsert::pending_rows() const {
  return values_.size() / columns_;
}

void BatchInsert::write() {
  require_whole_rows();
  const std::size_t rows = pending_rows();
  for (std::size_t first = 0; first < rows; first += rows_per_statement) {
    write_rows(first, std::min(rows_per_statement, rows - first));
  }
  values_.clear();
}

void BatchInsert::write_rows(std::size_t first_row, std::size_t rows) {
  // Placeholders :v0, :v1, … bound by position, in the order they appear.
  std::string sql = insert_into_;
  std::size_t placeholder = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    for (std::size_t c = 0; c < columns_; ++c) {
      sql += (c == 0 ? ":v" : ", :v") + std::to_string(placeholder++);
    }
    sql += ")";
  }
  // The indicators must outlive the statement's execution, as the values do.
  std::vector<soci::indicator> indicators(rows * columns_, soci::i_ok);
  soci::statement statement(sql_);
  for (std::size_t k = 0; k < rows * columns_; ++k) {
    Value& value = values_[first_row * columns_ + k];
    if (value.is_number) {
      statement.exchange(soci::use(value.number));
    } else {
      indicators[k] = value.is_null ? soci::i_null : soci::i_ok;
      statement.exchange(soci::use(value.text, indicators[k]));
    }
  }
  statement.alloc();
  // A one-time query: PostgreSQL parses, binds and runs it in one round trip, without keeping
  // a named prepared statement for SQL text that differs with the row count.
  statement.prepare(sql, soci::details::st_one_time_query);
  statement.define_and_bind();
  statement.execute(true);
}

}  // namespace sagsaudit::storage
