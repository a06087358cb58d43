// Logging in (engine/users/login.hpp) and changing users (user_admin.hpp) on a real database,
// both backends, with the clock passed in: the lock schedule, sliding session expiry, and what
// a user change writes to the audit log.
#include "users/login.hpp"

#include <gtest/gtest.h>

#include "crypto/sha256.hpp"
#include "engine/workflow_test_support.hpp"
#include "storage/audit_log.hpp"
#include "storage/credential_repository.hpp"
#include "users/user_admin.hpp"

namespace sagsaudit {
namespace {

using testing::count_rows;

constexpr std::int64_t kNow = 1806537600;  // 2027-04-01T00:00:00Z

class LoginTest : public testing::WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    if (IsSkipped()) return;
    add_user(db(), {"anna", "Anna", UserRole::coordinator, {"jc-amager"}, true, ""},
             std::string("hemmelig-1"), "cli:test", "2027-04-01T00:00:00Z");
  }
  std::optional<storage::LoginFailures> failures() {
    return storage::make_credential_repository(db())->failures("anna");
  }
};

TEST(PasswordHash, IsArgon2idAndVerifiesOnlyTheSamePassword) {
  const std::string hash = hash_password("hemmelig-1");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << hash;
  EXPECT_TRUE(verify_password(hash, "hemmelig-1"));
  EXPECT_FALSE(verify_password(hash, "hemmelig-2"));
  EXPECT_NE(hash_password("hemmelig-1"), hash);  // a new salt each time
  EXPECT_THROW(hash_password("kort"), ValidationError);
}

TEST_P(LoginTest, FiveFailuresLockForFiveMinutesThenDoubling) {
  for (int i = 1; i <= 4; ++i) {
    EXPECT_THROW(log_in(db(), "anna", "forkert", kNow + i), LoginFailed);
    EXPECT_EQ(failures()->failures, i);
    EXPECT_FALSE(failures()->locked_until.has_value());
  }
  EXPECT_THROW(log_in(db(), "anna", "forkert", kNow + 5), LoginFailed);
  EXPECT_EQ(failures()->locked_until, "2027-04-01T00:05:05Z");
  try {
    log_in(db(), "anna", "hemmelig-1", kNow + 65);
    FAIL() << "not throttled";
  } catch (const LoginThrottled& e) {
    EXPECT_EQ(e.retry_after(), 240);
    EXPECT_STREQ(e.what(), "for mange mislykkede forsøg; prøv igen om 240 sekunder");
  }
  // After the lock, one more failure locks for 10 minutes.
  EXPECT_THROW(log_in(db(), "anna", "forkert", kNow + 305), LoginFailed);
  EXPECT_EQ(failures()->locked_until, "2027-04-01T00:15:05Z");
  // A success after the lock clears the count.
  log_in(db(), "anna", "hemmelig-1", kNow + 905);
  EXPECT_FALSE(failures().has_value());
}

TEST_P(LoginTest, SessionsSlideAndEndAfterEightIdleHours) {
  const LoginSession s = log_in(db(), "anna", "hemmelig-1", kNow);
  EXPECT_EQ(s.token.size(), 64u);
  EXPECT_EQ(s.csrf.size(), 64u);
  EXPECT_EQ(count_rows(db(), "sessions WHERE token_hash = '" + sha256_hex(s.token) + "'"), 1);
  ASSERT_TRUE(find_session(db(), s.token, kNow + 7 * 3600).has_value());  // extends it
  ASSERT_TRUE(find_session(db(), s.token, kNow + 15 * 3600).has_value());
  EXPECT_FALSE(find_session(db(), s.token, kNow + 23 * 3600 + 1).has_value());
  EXPECT_EQ(count_rows(db(), "sessions"), 0);  // the expired one is gone
  EXPECT_FALSE(find_session(db(), "", kNow).has_value());
}

TEST_P(LoginTest, ChangesAreAuditedWithoutThePasswordAndEndSessions) {
  const LoginSession s = log_in(db(), "anna", "hemmelig-1", kNow);
  UserChange change;
  change.role = UserRole::manager;
  change.password = "nyt-kodeord-2";
  const storage::User user = change_user(db(), "anna", change, "admin", "2027-04-02T08:00:00Z");
  EXPECT_EQ(user.role, UserRole::manager);
  EXPECT_FALSE(find_session(db(), s.token, kNow + 60).has_value());
  EXPECT_THROW(log_in(db(), "anna", "hemmelig-1", kNow + 61), LoginFailed);
  log_in(db(), "anna", "nyt-kodeord-2", kNow + 62);

  storage::AuditFilter filter;
  filter.object_type = "user";
  const auto log = storage::make_audit_log(db())->list(filter);
  ASSERT_EQ(log.size(), 4u);  // add, login, change, login
  EXPECT_EQ(log[2].record.action, "user.change");
  EXPECT_EQ(log[2].record.actor, "admin");
  EXPECT_EQ(log[2].record.details, R"({"navn":"Anna","rolle":"leder","centre":["jc-amager"],)"
                                   R"("aendret":["rolle","adgangskode"],"aktiv":true})");

  UserChange disable;
  disable.active = false;
  change_user(db(), "anna", disable, "admin", "2027-04-02T09:00:00Z");
  EXPECT_THROW(log_in(db(), "anna", "nyt-kodeord-2", kNow + 63), LoginFailed);
  EXPECT_THROW(change_user(db(), "ingen", disable, "admin", "t"), NotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, LoginTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace sagsaudit
