// Migration 12: who has read which notification. A notification to a role is one row for all its
// users, so its own is_read flag cannot say that one of them has read it; each user's "markér som
// læst" is a row here (docs/web.md, "Notifikationer").
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_12_notification_reads() {
  return Migration{12,
                   "notification reads per user",
                   {
                       {R"(CREATE TABLE notification_reads (
  notification_id INTEGER NOT NULL REFERENCES notifications (id),
  username TEXT NOT NULL REFERENCES users (username),
  read_at TEXT NOT NULL,
  PRIMARY KEY (notification_id, username)
))",
                        R"(CREATE TABLE notification_reads (
  notification_id BIGINT NOT NULL REFERENCES notifications (id),
  username TEXT NOT NULL REFERENCES users (username),
  read_at TEXT NOT NULL,
  PRIMARY KEY (notification_id, username)
))"},
                   }};
}

}  // namespace sagsaudit::storage
