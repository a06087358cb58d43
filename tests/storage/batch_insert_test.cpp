// BatchInsert on both backends: every row arrives with its values (texts, numbers, NULLs and
// characters that must not be taken as SQL), across the statement boundary of
// rows_per_statement, and a failing batch inside a transaction leaves nothing behind.
#include "storage/batch_insert.hpp"

#include <soci/soci.h>

#include <gtest/gtest.h>

#include <stdexcept>

#include "storage/storage_test_support.hpp"

namespace sagsaudit::storage {
namespace {

using testing::row_count;

class BatchInsertTest : public testing::StorageTest {
 protected:
  void SetUp() override {
    testing::StorageTest::SetUp();
    if (IsSkipped()) return;
    db().session() << "CREATE TABLE batch_rows (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                      "note TEXT)";
  }
};

TEST_F(BatchInsertTest, WritesEveryRowAcrossStatementsWithNullsAndQuotes) {
  // Two full statements and one row more.
  const long long rows = 2 * static_cast<long long>(BatchInsert::rows_per_statement) + 1;
  BatchInsert insert(db().session(), "batch_rows", {"id", "name", "note"});
  for (long long id = 1; id <= rows; ++id) {
    insert.row()
        .number(id)
        .text("sag '" + std::to_string(id) + "'; --")
        .text_or_null(id % 3 == 0 ? std::nullopt
                                  : std::optional<std::string>("Ærø " + std::to_string(id)));
  }
  EXPECT_EQ(insert.pending_rows(), static_cast<std::size_t>(rows));
  insert.write();
  EXPECT_EQ(insert.pending_rows(), 0u);
  EXPECT_EQ(row_count(db(), "batch_rows"), 1001);

  int nulls = 0;
  db().session() << "SELECT COUNT(*) FROM batch_rows WHERE note IS NULL", soci::into(nulls);
  EXPECT_EQ(nulls, 333);
  for (const long long id : {1LL, 500LL, 502LL, 1000LL, 1001LL}) {
    std::string name, note;
    soci::indicator note_ind = soci::i_ok;
    db().session() << "SELECT name, note FROM batch_rows WHERE id = :id", soci::into(name),
        soci::into(note, note_ind), soci::use(id);
    EXPECT_EQ(name, "sag '" + std::to_string(id) + "'; --") << id;
    EXPECT_EQ(note_ind, soci::i_ok) << id;
    EXPECT_EQ(note, "Ærø " + std::to_string(id)) << id;
  }
  std::string name;
  soci::indicator note_ind = soci::i_ok;
  std::string note;
  db().session() << "SELECT name, note FROM batch_rows WHERE id = 999", soci::into(name),
      soci::into(note, note_ind);
  EXPECT_EQ(name, "sag '999'; --");
  EXPECT_EQ(note_ind, soci::i_null);
}

TEST_F(BatchInsertTest, WritingNothingIsNoStatement) {
  BatchInsert insert(db().session(), "no_such_table", {"id"});
  EXPECT_NO_THROW(insert.write());
}

TEST_F(BatchInsertTest, ARowWithTooFewValuesIsRefused) {
  BatchInsert insert(db().session(), "batch_rows", {"id", "name", "note"});
  insert.row().number(1).text("a");
  EXPECT_THROW(insert.row(), std::logic_error);
  EXPECT_THROW(insert.write(), std::logic_error);
  EXPECT_EQ(row_count(db(), "batch_rows"), 0);
}

TEST_F(BatchInsertTest, AFailingLaterStatementLeavesNothingAfterRollback) {
  const long long rows = static_cast<long long>(BatchInsert::rows_per_statement) + 10;
  {
    Transaction transaction(db());
    BatchInsert insert(db().session(), "batch_rows", {"id", "name", "note"});
    for (long long id = 1; id <= rows; ++id) {
      // The second statement repeats id 1: a primary key violation.
      insert.row().number(id == rows ? 1 : id).text("x").text_or_null(std::nullopt);
    }
    EXPECT_THROW(insert.write(), soci::soci_error);
  }  // not committed
  EXPECT_EQ(row_count(db(), "batch_rows"), 0);
}

}  // namespace
}  // namespace sagsaudit::storage
