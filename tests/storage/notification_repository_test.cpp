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

  Notification to_user(const std::string& user, const std::string& text) {
    Notification n;
    n.created_at = "2027-10-31T06:00:00Z";
    n.recipient_user = user;
    n.kind = "review_overdue";
    n.text = text;
    return n;
  }
};

TEST_F(NotificationRepositoryTest, AddListAndMarkRead) {
  auto notifications = make_notification_repository(db());
  const auto first = notifications->add(to_role(UserRole::coordinator));
  const auto second = notifications->add(to_user("anna", "Sag S-1 er over fristen."));
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

// "Markér som læst" (migration 12): a notification to a role is read by each of its users on
// their own; a user marks only what is in their inbox.
TEST_F(NotificationRepositoryTest, EachUserMarksTheirOwnCopyRead) {
  make_user_repository(db())->add(User{"bo", "Bo", UserRole::coordinator, {"jc-valby"}, true, ""},
                                  "t");
  make_user_repository(db())->add(User{"erik", "Erik", UserRole::manager, {"jc-amager"}, true, ""},
                                  "t");
  const User anna{"anna", "Anna", UserRole::coordinator, {"jc-amager"}, true, ""};
  const User bo{"bo", "Bo", UserRole::coordinator, {"jc-valby"}, true, ""};
  const User erik{"erik", "Erik", UserRole::manager, {"jc-amager"}, true, ""};
  auto notifications = make_notification_repository(db());
  const auto to_all = notifications->add(to_role(UserRole::coordinator));
  const auto bos = notifications->add(to_user("bo", "Sag S-2 er over fristen."));

  EXPECT_TRUE(notifications->mark_read_by(to_all, anna, "2027-11-01T08:00:00Z"));
  EXPECT_FALSE(notifications->mark_read_by(to_all, anna, "2027-11-01T08:05:00Z"));  // already
  const auto annas = notifications->inbox(anna);
  ASSERT_EQ(annas.size(), 1u);
  EXPECT_EQ(annas[0].id, to_all);
  EXPECT_TRUE(annas[0].read);
  EXPECT_TRUE(notifications->inbox(anna, true).empty());
  // bo's copy of the same notification is still unread, and so is his own
  const auto bos_inbox = notifications->inbox(bo);
  ASSERT_EQ(bos_inbox.size(), 2u);
  EXPECT_EQ(bos_inbox[0].id, to_all);
  EXPECT_FALSE(bos_inbox[0].read);
  EXPECT_EQ(bos_inbox[1].id, bos);
  EXPECT_FALSE(bos_inbox[1].read);
  EXPECT_EQ(notifications->inbox(bo, true).size(), 2u);
  // the shared row itself is not marked read for everyone
  NotificationFilter unread;
  unread.unread_only = true;
  EXPECT_EQ(notifications->list(unread).size(), 2u);

  // not in the user's inbox: another's, another role's, unknown — refused, nothing written
  EXPECT_THROW(notifications->mark_read_by(bos, anna, "2027-11-01T08:10:00Z"), NotFound);
  EXPECT_THROW(notifications->mark_read_by(to_all, erik, "2027-11-01T08:10:00Z"), NotFound);
  EXPECT_THROW(notifications->mark_read_by(bos + 100, bo, "2027-11-01T08:10:00Z"), NotFound);
  EXPECT_FALSE(notifications->inbox(bo)[1].read);

  EXPECT_TRUE(notifications->mark_read_by(bos, bo, "2027-11-01T09:00:00Z"));
  ASSERT_EQ(notifications->inbox(bo, true).size(), 1u);
  EXPECT_EQ(notifications->inbox(bo, true)[0].id, to_all);
}

}  // namespace
}  // namespace sagsaudit::storage
