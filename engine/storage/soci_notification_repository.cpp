// NotificationRepository on SOCI: table notifications (migration 3), and notification_reads
// (migration 12) for what each user has marked read.
#include <soci/soci.h>

#include <algorithm>
#include <set>

#include "domain/errors.hpp"
#include "storage/notification_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

class SociNotificationRepository final : public NotificationRepository {
 public:
  explicit SociNotificationRepository(Database& db) : db_(db), sql_(db.session()) {}

  std::int64_t add(const Notification& n) override {
    if (!n.recipient_user && !n.recipient_role) {
      throw ValidationError("en notifikation skal have en modtager (bruger eller rolle)");
    }
    return guarded("cannot store a notification in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const std::string user = n.recipient_user.value_or("");
      const std::string role = n.recipient_role ? role_code(*n.recipient_role) : "";
      const std::string center = n.recipient_center.value_or("");
      const std::string round = n.round_id.value_or("");
      soci::indicator user_set = n.recipient_user ? soci::i_ok : soci::i_null;
      soci::indicator role_set = n.recipient_role ? soci::i_ok : soci::i_null;
      soci::indicator center_set = n.recipient_center ? soci::i_ok : soci::i_null;
      soci::indicator round_set = n.round_id ? soci::i_ok : soci::i_null;
      const int read = n.read ? 1 : 0;
      long long id = 0;
      // RETURNING (SQLite ≥ 3.35 and PostgreSQL): the id of this row, whatever others insert.
      sql_ << "INSERT INTO notifications (created_at, recipient_user, recipient_role, "
              "recipient_center, kind, round_id, text, is_read) VALUES (:at, :user, :role, "
              ":center, :kind, :round, :text, :read) RETURNING id",
          soci::into(id), soci::use(n.created_at), soci::use(user, user_set),
          soci::use(role, role_set), soci::use(center, center_set), soci::use(n.kind),
          soci::use(round, round_set), soci::use(n.text), soci::use(read);
      scope.done();
      return static_cast<std::int64_t>(id);
    });
  }

  std::vector<Notification> list(const NotificationFilter& filter) override {
    return guarded("cannot read notifications in " + db_.redacted_url(), [&] {
      auto all = read_all();
      std::erase_if(all, [&](const Notification& n) {
        return (filter.round_id && n.round_id != filter.round_id) ||
               (filter.kind && n.kind != *filter.kind) || (filter.unread_only && n.read);
      });
      return all;
    });
  }

  std::vector<Notification> inbox(const User& user, bool unread_only) override {
    return guarded("cannot read notifications in " + db_.redacted_url(),
                   [&] { return inbox_of(user, unread_only); });
  }

  bool mark_read_by(std::int64_t id, const User& user, const std::string& at) override {
    return guarded("cannot change a notification in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const auto inbox = inbox_of(user, false);
      const auto it = std::find_if(inbox.begin(), inbox.end(),
                                   [&](const Notification& n) { return n.id == id; });
      if (it == inbox.end()) {
        throw NotFound("notifikation " + std::to_string(id) + " findes ikke blandt dine");
      }
      if (it->read) return false;
      const long long key = id;
      // ON CONFLICT (SQLite ≥ 3.24 and PostgreSQL): a second tab marking it at the same moment
      // is no error.
      sql_ << "INSERT INTO notification_reads (notification_id, username, read_at) VALUES (:id, "
              ":user, :at) ON CONFLICT (notification_id, username) DO NOTHING",
          soci::use(key), soci::use(user.username), soci::use(at);
      scope.done();
      return true;
    });
  }

  void mark_read(std::int64_t id) override {
    guarded("cannot change a notification in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const long long key = id;
      soci::statement update =
          (sql_.prepare << "UPDATE notifications SET is_read = 1 WHERE id = :id", soci::use(key));
      update.execute(true);
      if (update.get_affected_rows() != 1) {
        throw NotFound("notifikation " + std::to_string(id) + " findes ikke");
      }
      scope.done();
    });
  }

 private:
  // What `user` sees, each read when read for everyone or by them.
  std::vector<Notification> inbox_of(const User& user, bool unread_only) {
    auto all = read_all();
    std::set<long long> read_by_user;
    long long read_id = 0;
    soci::statement reads =
        (sql_.prepare << "SELECT notification_id FROM notification_reads WHERE username = :user",
         soci::into(read_id), soci::use(user.username));
    reads.execute();
    while (reads.fetch()) read_by_user.insert(read_id);
    std::erase_if(all, [&](const Notification& n) {
      if (n.recipient_user) return *n.recipient_user != user.username;
      if (n.recipient_role != user.role) return true;
      return n.recipient_center && std::find(user.centers.begin(), user.centers.end(),
                                             *n.recipient_center) == user.centers.end();
    });
    for (auto& n : all) n.read = n.read || read_by_user.contains(n.id);
    if (unread_only) std::erase_if(all, [](const Notification& n) { return n.read; });
    return all;
  }

  std::vector<Notification> read_all() {
    std::vector<Notification> out;
    long long id = 0;
    std::string created_at, user, role, center, kind, round, text;
    soci::indicator user_set, role_set, center_set, round_set;
    int read = 0;
    soci::statement query =
        (sql_.prepare << "SELECT id, created_at, recipient_user, recipient_role, "
                         "recipient_center, kind, round_id, text, is_read FROM notifications "
                         "ORDER BY id",
         soci::into(id), soci::into(created_at), soci::into(user, user_set),
         soci::into(role, role_set), soci::into(center, center_set), soci::into(kind),
         soci::into(round, round_set), soci::into(text), soci::into(read));
    query.execute();
    while (query.fetch()) {
      Notification n;
      n.id = id;
      n.created_at = created_at;
      if (user_set == soci::i_ok) n.recipient_user = user;
      if (role_set == soci::i_ok) n.recipient_role = parse_user_role(role);
      if (center_set == soci::i_ok) n.recipient_center = center;
      n.kind = kind;
      if (round_set == soci::i_ok) n.round_id = round;
      n.text = text;
      n.read = read != 0;
      out.push_back(std::move(n));
    }
    return out;
  }

  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<NotificationRepository> make_notification_repository(Database& db) {
  return std::make_unique<SociNotificationRepository>(db);
}

}  // namespace sagsaudit::storage
