// The notification outbox: addressed to a user or a role (and center); read flags.
#include "storage/notification_repository.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "storage/round_repository.hpp"
#include "storage/storage_test_support.hpp"
#include "storage/workflow_storage_support.hpp"

namespace sagsaudit::storage {
namespace {

class NotificationRepositoryTest : public testing::MigratedStorageTest {
 protected:
  void SetUp() override {
    MigratedStorageTest::SetUp();
    if (IsSkipped()) return;
    testing::insert_versions(db());
    make_round_repository(db())->create(testing::sample_round());
    make_user_repository(db())->add(
        User{"anna", "Anna", UserRole::coordinator, {"jc-amager"}, true, ""}, "t");
  }

  Notification to_role(UserRole role, std::optional<std::string> center = std::nullopt) {
    Notification n;
    n.created_at = "2027-10-01T06:00:00Z";
    n.recipient_role = role;
    n.recipient_center = std::move(center);
    n.kind = "window_opened";
    n.round_id = "sygedagpenge-2027-K3";
    n.text = "Gennemgangsvinduet er åbent.";
    return n;
  }
};

TEST_F(NotificationRepositoryTest, AddListAndMarkRead) {
  auto notifications = make_notification_repository(db());
  const auto first = notifications->add(to_role(UserRole::coordinator));
  Notification personal;
  personal.created_at = "2027-10-31T06:00:00Z";
  personal.recipient_user = "anna";
  personal.kind = "review_overdue";
  personal.text = "Sag S-1 er over fristen.";
  const auto second = notifications->add(personal);
  EXPECT_GT(second, first);
  const auto all = notifications->list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, first);
  EXPECT_EQ(all[0].recipient_role, UserRole::coordinator);
  EXPECT_FALSE(all[0].recipient_user);
  EXPECT_EQ(all[0].round_id, "sygedagpenge-2027-K3");
  EXPECT_EQ(all[1].recipient_user, "anna");
  EXPECT_FALSE(all[1].round_id);
  EXPECT_EQ(all[1].text, "Sag S-1 er over fristen.");
  notifications->mark_read(first);
  NotificationFilter unread;
  unread.unread_only = true;
  ASSERT_EQ(notifications->list(unread).size(), 1u);
  EXPECT_EQ(notifications->list(unread)[0].id, second);
  EXPECT_THROW(notifications->mark_read(second + 100), NotFound);
  EXPECT_THROW(notifications->add(Notification{}), ValidationError);
}

TEST_F(NotificationRepositoryTest, TheInboxHoldsWhatIsAddressedToTheUser) {
  auto notifications = make_notification_repository(db());
  notifications->add(to_role(UserRole::coordinator));
  notifications->add(to_role(UserRole::coordinator, "jc-amager"));
  notifications->add(to_role(UserRole::coordinator, "jc-valby"));
  notifications->add(to_role(UserRole::manager));
  const User anna{"anna", "Anna", UserRole::coordinator, {"jc-amager"}, true, ""};
  const auto inbox = notifications->inbox(anna);
  ASSERT_EQ(inbox.size(), 2u);
  EXPECT_FALSE(inbox[0].recipient_center);
  EXPECT_EQ(inbox[1].recipient_center, "jc-amager");
}

}  // namespace
}  // namespace sagsaudit::storage
