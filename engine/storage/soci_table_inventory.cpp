// The table inventory on SOCI (storage/table_inventory.hpp).
#include <soci/soci.h>

#include <algorithm>
#include <sstream>

#include "storage/soci_errors.hpp"
#include "storage/table_inventory.hpp"

namespace sagsaudit::storage {
namespace {

// A table name as it came from the catalogue, quoted for SQL.
std::string quoted(const std::string& table) {
  std::string out = "\"";
  for (const char ch : table) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string column_text(const soci::row& row, std::size_t i, const std::string& table) {
  if (row.get_indicator(i) == soci::i_null) return "\\N";
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(i);
    case soci::dt_integer:
      return std::to_string(row.get<int>(i));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(i));
    case soci::dt_double: {
      std::ostringstream out;
      out.precision(17);
      out << row.get<double>(i);
      return out.str();
    }
    default:
      // Never a placeholder: two different values must never read the same. Dates are not used
      // by the schema (times are ISO 8601 text); binary columns are read as hex (select_list).
      throw StorageError("cannot read column " + row.get_properties(i).get_name() + " of " + table +
                         " as text (unknown type)");
  }
}

// The columns of `table` to select: each as it is, but a binary column (SQLite BLOB,
// PostgreSQL BYTEA: population_cases.cpr_hash since migration 10) as "\x" and its bytes in
// lower-case hex, the same text on both backends. SOCI's rows cannot read an SQLite BLOB, and
// a BYTEA's own text depends on the server's bytea_output.
std::string select_list(Database& db, const std::string& table) {
  const bool sqlite = db.backend() == Backend::sqlite;
  std::string name, type;
  soci::statement query =
      sqlite ? (db.session().prepare << "SELECT name, upper(type) FROM pragma_table_info(:t) "
                                        "ORDER BY cid",
                soci::into(name), soci::into(type), soci::use(table))
             : (db.session().prepare << "SELECT column_name, data_type FROM "
                                        "information_schema.columns WHERE table_schema = "
                                        "current_schema() AND table_name = :t "
                                        "ORDER BY ordinal_position",
                soci::into(name), soci::into(type), soci::use(table));
  query.execute();
  std::string list;
  while (query.fetch()) {
    const std::string column = quoted(name);
    std::string expression = column;
    if (sqlite && type == "BLOB") expression = "'\\x' || lower(hex(" + column + ")) AS " + column;
    if (!sqlite && type == "bytea") {
      expression = "'\\x' || encode(" + column + ", 'hex') AS " + column;
    }
    list += (list.empty() ? "" : ", ") + expression;
  }
  if (list.empty()) throw StorageError("the table " + table + " has no columns");
  return list;
}

}  // namespace

std::vector<std::string> table_names(Database& db) {
  return guarded("cannot list the tables of " + db.redacted_url(), [&] {
    std::vector<std::string> names;
    std::string name;
    soci::statement query =
        db.backend() == Backend::sqlite
            ? (db.session().prepare << "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite%'",
               soci::into(name))
            // Tables and partitioned tables, not their partitions (migration 10 gives each
            // population a partition of population_cases; its rows are counted with it).
            : (db.session().prepare << "SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                                       "ON n.oid = c.relnamespace WHERE n.nspname = "
                                       "current_schema() AND c.relkind IN ('r', 'p') "
                                       "AND NOT c.relispartition",
               soci::into(name));
    query.execute();
    while (query.fetch()) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
  });
}

std::int64_t table_row_count(Database& db, const std::string& table) {
  return guarded("cannot count the rows of " + table + " in " + db.redacted_url(), [&] {
    long long count = 0;
    db.session() << "SELECT COUNT(*) FROM " + quoted(table), soci::into(count);
    return static_cast<std::int64_t>(count);
  });
}

std::vector<std::string> table_rows_as_text(Database& db, const std::string& table) {
  return guarded("cannot read " + table + " in " + db.redacted_url(), [&] {
    std::vector<std::string> rows;
    soci::rowset<soci::row> result =
        db.session().prepare << "SELECT " + select_list(db, table) + " FROM " + quoted(table);
    for (const soci::row& row : result) {
      std::string text;
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i > 0) text += '\x1f';
        text += column_text(row, i, table);
      }
      rows.push_back(std::move(text));
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  });
}

int postgresql_major_version(Database& db) {
  return guarded("cannot read the server version of " + db.redacted_url(), [&] {
    std::string number;
    db.session() << "SHOW server_version_num", soci::into(number);
    return std::stoi(number) / 10000;
  });
}

}  // namespace sagsaudit::storage
