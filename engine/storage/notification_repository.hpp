#pragma once
// The notification outbox (table notifications; migration 3): what the web UI shows a user, and
// what e-mail may later send. A notification goes to one user, or to every user with a role
// (optionally only those belonging to one center).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/user_role.hpp"
#include "storage/database.hpp"
#include "storage/user_repository.hpp"

namespace sagsaudit::storage {

struct Notification {
  std::int64_t id = 0;     // set by add()
  std::string created_at;  // UTC ISO 8601
  std::optional<std::string> recipient_user;
  std::optional<UserRole> recipient_role;
  std::optional<std::string> recipient_center;  // with recipient_role: only that center's
  std::string kind;  // "window_opened", "window_closed", "review_overdue", "assigned", …
  std::optional<std::string> round_id;
  std::string text;  // Danish, for people; never personal data beyond a sagsnummer
  bool read = false;
};

struct NotificationFilter {
  std::optional<std::string> round_id;
  std::optional<std::string> kind;
  bool unread_only = false;
};

// Every method throws StorageError when the database refuses. Writes join the caller's
// Transaction when one is open.
class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;

  // REQUIRES: recipient_user or recipient_role is set (ValidationError otherwise). Returns the id.
  virtual std::int64_t add(const Notification& notification) = 0;

  // Oldest first.
  virtual std::vector<Notification> list(const NotificationFilter& filter = {}) = 0;

  // What `user` sees: addressed to them, or to their role (and, when a center is named, to one
  // of their centers). Oldest first.
  virtual std::vector<Notification> inbox(const User& user, bool unread_only = false) = 0;

  // Throws NotFound for an unknown id. Marks it read for everyone (is_read); the web marks it
  // only for the user who reads it (mark_read_by).
  virtual void mark_read(std::int64_t id) = 0;

  // Marks notification `id` read for `user` alone (table notification_reads): their inbox shows
  // it read, the other recipients' do not. Returns false when it was read for them already
  // (nothing written). Throws NotFound when it is not in the user's inbox (unknown, or addressed
  // to someone else), so no one learns of or marks another's notifications.
  virtual bool mark_read_by(std::int64_t id, const User& user, const std::string& at) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<NotificationRepository> make_notification_repository(Database& db);

}  // namespace sagsaudit::storage
