// Users: added once, with their centers; listed by role; deactivated, not deleted.
#include "storage/user_repository.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "storage/storage_test_support.hpp"

namespace sagsaudit::storage {
namespace {

class UserRepositoryTest : public testing::MigratedStorageTest {};

TEST_F(UserRepositoryTest, AddAndFind) {
  auto users = make_user_repository(db());
  users->add(User{"kirsten.m",
                  "Kirsten Møller",
                  UserRole::coordinator,
                  {"jc-amager", "center-sygedagpenge", "jc-amager"},
                  true,
                  ""},
             "2027-01-02T09:00:00Z");
  const auto stored = users->find("kirsten.m");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->display_name, "Kirsten Møller");
  EXPECT_EQ(stored->role, UserRole::coordinator);
  EXPECT_EQ(stored->centers, (std::vector<std::string>{"center-sygedagpenge", "jc-amager"}));
  EXPECT_TRUE(stored->active);
  EXPECT_EQ(stored->created_at, "2027-01-02T09:00:00Z");
  EXPECT_FALSE(users->find("nobody"));
}

TEST_F(UserRepositoryTest, ATakenUsernameOrABlankNameIsRefused) {
  auto users = make_user_repository(db());
  users->add(User{"ole", "Ole", UserRole::manager, {}, true, ""}, "t");
  EXPECT_THROW(users->add(User{"ole", "Ole Hansen", UserRole::admin, {}, true, ""}, "t"),
               ConflictError);
  EXPECT_THROW(users->add(User{" ", "X", UserRole::admin, {}, true, ""}, "t"), ValidationError);
  EXPECT_THROW(users->add(User{"x", "", UserRole::admin, {}, true, ""}, "t"), ValidationError);
  EXPECT_EQ(users->find("ole")->role, UserRole::manager);
}

TEST_F(UserRepositoryTest, ListByRoleAndActivity) {
  auto users = make_user_repository(db());
  users->add(User{"b", "B", UserRole::coordinator, {"x"}, true, ""}, "t");
  users->add(User{"a", "A", UserRole::coordinator, {}, true, ""}, "t");
  users->add(User{"c", "C", UserRole::auditor, {}, true, ""}, "t");
  users->set_active("b", false);
  auto names = [](const std::vector<User>& list) {
    std::vector<std::string> out;
    for (const auto& u : list) out.push_back(u.username);
    return out;
  };
  EXPECT_EQ(names(users->list()), (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(names(users->list(std::nullopt, true)), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(names(users->list(UserRole::coordinator)), std::vector<std::string>{"a"});
  EXPECT_EQ(users->list(UserRole::coordinator, true)[1].centers, std::vector<std::string>{"x"});
  EXPECT_THROW(users->set_active("zz", true), NotFound);
}

}  // namespace
}  // namespace sagsaudit::storage
