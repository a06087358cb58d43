// FollowupRepository on SOCI: tables initiatives, initiative_status_changes, corrections
// (migration 7).
#include <soci/soci.h>

#include <algorithm>

#include "domain/errors.hpp"
#include "storage/followup_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

constexpr const char* kInitiativeColumns =
    "id, round_id, period, center, benefit_type, source_light, source_percent, action, "
    "responsible, deadline, controls, marker, created_at, created_by, updated_at";

constexpr const char* kCorrectionColumns =
    "id, round_id, case_number, control_id, benefit_type, period, center, amount, period_from, "
    "period_to, state, reason, created_at, updated_at, updated_by";

// The columns of one initiative row, bound once to a statement and turned into an Initiative
// per fetched row.
struct InitiativeRow {
  long long id = 0;
  std::string round_id, period, center, benefit_type, light, action, responsible, deadline,
      controls, marker, created_at, created_by, updated_at;
  int percent = 0;
  soci::indicator percent_ind = soci::i_null, deadline_ind = soci::i_null;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(round_id));
    st.exchange(soci::into(period));
    st.exchange(soci::into(center));
    st.exchange(soci::into(benefit_type));
    st.exchange(soci::into(light));
    st.exchange(soci::into(percent, percent_ind));
    st.exchange(soci::into(action));
    st.exchange(soci::into(responsible));
    st.exchange(soci::into(deadline, deadline_ind));
    st.exchange(soci::into(controls));
    st.exchange(soci::into(marker));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(updated_at));
  }

  Initiative get() const {
    Initiative i;
    i.id = id;
    i.round_id = round_id;
    i.period = period;
    i.center = center;
    i.benefit_type = benefit_type;
    const auto l = parse_traffic_light(light);
    const auto m = parse_initiative_marker(marker);
    if (!l || !m) throw StorageError("initiative " + std::to_string(id) + " is unreadable");
    i.source_light = *l;
    if (percent_ind == soci::i_ok) i.source_percent = percent;
    i.action = action;
    i.responsible = responsible;
    if (deadline_ind == soci::i_ok) {
      i.deadline = parse_iso_date(deadline);
      if (!i.deadline) throw StorageError("deadline of initiative " + std::to_string(id));
    }
    i.controls = split_controls(controls);
    i.marker = *m;
    i.created_at = created_at;
    i.created_by = created_by;
    i.updated_at = updated_at;
    return i;
  }
};

struct CorrectionRow {
  long long id = 0;
  std::string round_id, case_number, control_id, benefit_type, period, center, amount, from, to,
      state, reason, created_at, updated_at, updated_by;
  soci::indicator amount_ind = soci::i_null, from_ind = soci::i_null, to_ind = soci::i_null;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(round_id));
    st.exchange(soci::into(case_number));
    st.exchange(soci::into(control_id));
    st.exchange(soci::into(benefit_type));
    st.exchange(soci::into(period));
    st.exchange(soci::into(center));
    st.exchange(soci::into(amount, amount_ind));
    st.exchange(soci::into(from, from_ind));
    st.exchange(soci::into(to, to_ind));
    st.exchange(soci::into(state));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(updated_by));
  }

  Correction get() const {
    Correction c;
    c.id = id;
    c.round_id = round_id;
    c.case_number = case_number;
    c.control_id = control_id;
    c.benefit_type = benefit_type;
    c.period = period;
    c.center = center;
    const std::string what = "correction " + std::to_string(id);
    if (amount_ind == soci::i_ok) {
      c.amount = parse_decimal(amount);
      if (!c.amount) throw StorageError("amount of " + what + " is unreadable");
    }
    if (from_ind == soci::i_ok && to_ind == soci::i_ok) {
      const auto first = parse_iso_date(from);
      const auto last = parse_iso_date(to);
      if (!first || !last) throw StorageError("period of " + what + " is unreadable");
      c.affected_period = AffectedPeriod{*first, *last};
    }
    const auto s = parse_correction_state(state);
    if (!s) throw StorageError("state of " + what + " is unreadable");
    c.state = *s;
    c.reason = reason;
    c.created_at = created_at;
    c.updated_at = updated_at;
    c.updated_by = updated_by;
    return c;
  }
};

// WHERE clause and its values for a filter (center and round, both optional).
struct Where {
  std::string sql;
  std::string center, round_id;
  explicit Where(const FollowupFilter& f) {
    if (f.center) {
      sql += " WHERE center = :center";
      center = *f.center;
    }
    if (f.round_id) {
      sql += f.center ? " AND round_id = :round" : " WHERE round_id = :round";
      round_id = *f.round_id;
    }
  }
  void bind(soci::statement& st, const FollowupFilter& f) {
    if (f.center) st.exchange(soci::use(center));
    if (f.round_id) st.exchange(soci::use(round_id));
  }
};

class SociFollowupRepository final : public FollowupRepository {
 public:
  explicit SociFollowupRepository(Database& db) : db_(db), sql_(db.session()) {}

  std::int64_t add_initiative(const Initiative& i) override {
    return guarded("cannot store an initiative in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      if (find_initiative(i.round_id, i.center, i.benefit_type)) {
        throw ConflictError("cellen " + i.center + " × " + i.benefit_type + " i runden " +
                            i.round_id + " har allerede et initiativ");
      }
      const std::string light = light_code(i.source_light);
      const int percent = i.source_percent.value_or(0);
      soci::indicator percent_ind = i.source_percent ? soci::i_ok : soci::i_null;
      const std::string deadline = i.deadline ? to_iso(*i.deadline) : "";
      soci::indicator deadline_ind = i.deadline ? soci::i_ok : soci::i_null;
      const std::string controls = join_controls(i.controls);
      const std::string marker = marker_code(i.marker);
      long long id = 0;
      sql_ << "INSERT INTO initiatives (round_id, period, center, benefit_type, source_light, "
              "source_percent, action, responsible, deadline, controls, marker, created_at, "
              "created_by, updated_at) VALUES (:round, :period, :center, :type, :light, "
              ":percent, :action, :responsible, :deadline, :controls, :marker, :created_at, "
              ":created_by, :updated_at) RETURNING id",
          soci::into(id), soci::use(i.round_id), soci::use(i.period), soci::use(i.center),
          soci::use(i.benefit_type), soci::use(light), soci::use(percent, percent_ind),
          soci::use(i.action), soci::use(i.responsible), soci::use(deadline, deadline_ind),
          soci::use(controls), soci::use(marker), soci::use(i.created_at), soci::use(i.created_by),
          soci::use(i.updated_at);
      scope.done();
      return static_cast<std::int64_t>(id);
    });
  }

  std::optional<Initiative> find_initiative(std::int64_t id) override {
    return guarded("cannot read an initiative in " + db_.redacted_url(), [&] {
      const long long key = id;
      auto found = read_initiatives(" WHERE id = :id",
                                    [&](soci::statement& st) { st.exchange(soci::use(key)); });
      return found.empty() ? std::nullopt : std::optional<Initiative>(found.front());
    });
  }

  std::optional<Initiative> find_initiative(const std::string& round_id, const std::string& center,
                                            const std::string& benefit_type) override {
    return guarded("cannot read an initiative in " + db_.redacted_url(), [&] {
      auto found =
          read_initiatives(" WHERE round_id = :round AND center = :center AND benefit_type = :type",
                           [&](soci::statement& st) {
                             st.exchange(soci::use(round_id));
                             st.exchange(soci::use(center));
                             st.exchange(soci::use(benefit_type));
                           });
      return found.empty() ? std::nullopt : std::optional<Initiative>(found.front());
    });
  }

  std::vector<Initiative> initiatives(const FollowupFilter& filter) override {
    return guarded("cannot read initiatives in " + db_.redacted_url(), [&] {
      Where where(filter);
      return read_initiatives(where.sql, [&](soci::statement& st) { where.bind(st, filter); });
    });
  }

  void update_initiative(const Initiative& i) override {
    guarded("cannot change an initiative in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const long long key = i.id;
      const std::string deadline = i.deadline ? to_iso(*i.deadline) : "";
      soci::indicator deadline_ind = i.deadline ? soci::i_ok : soci::i_null;
      const std::string controls = join_controls(i.controls);
      const std::string marker = marker_code(i.marker);
      soci::statement update =
          (sql_.prepare << "UPDATE initiatives SET action = :action, responsible = :responsible, "
                           "deadline = :deadline, controls = :controls, marker = :marker, "
                           "updated_at = :at WHERE id = :id",
           soci::use(i.action), soci::use(i.responsible), soci::use(deadline, deadline_ind),
           soci::use(controls), soci::use(marker), soci::use(i.updated_at), soci::use(key));
      update.execute(true);
      if (update.get_affected_rows() != 1) {
        throw NotFound("initiativ " + std::to_string(i.id) + " findes ikke");
      }
      scope.done();
    });
  }

  int add_status_change(const InitiativeStatusChange& c) override {
    return guarded("cannot store a status change in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const long long key = c.initiative_id;
      int last = 0;
      soci::indicator last_ind = soci::i_null;
      sql_ << "SELECT MAX(seq) FROM initiative_status_changes WHERE initiative_id = :id",
          soci::into(last, last_ind), soci::use(key);
      const int seq = (last_ind == soci::i_ok ? last : 0) + 1;
      const std::string from = marker_code(c.from);
      const std::string to = marker_code(c.to);
      sql_ << "INSERT INTO initiative_status_changes (initiative_id, seq, at, actor, from_marker, "
              "to_marker, reason) VALUES (:id, :seq, :at, :actor, :from, :to, :reason)",
          soci::use(key), soci::use(seq), soci::use(c.at), soci::use(c.actor), soci::use(from),
          soci::use(to), soci::use(c.reason);
      scope.done();
      return seq;
    });
  }

  std::vector<InitiativeStatusChange> status_changes(std::int64_t initiative_id) override {
    return guarded("cannot read status changes in " + db_.redacted_url(), [&] {
      std::vector<InitiativeStatusChange> out;
      const long long key = initiative_id;
      int seq = 0;
      std::string at, actor, from, to, reason;
      soci::statement query =
          (sql_.prepare << "SELECT seq, at, actor, from_marker, to_marker, reason FROM "
                           "initiative_status_changes WHERE initiative_id = :id ORDER BY seq",
           soci::into(seq), soci::into(at), soci::into(actor), soci::into(from), soci::into(to),
           soci::into(reason), soci::use(key));
      query.execute();
      while (query.fetch()) {
        const auto f = parse_initiative_marker(from);
        const auto t = parse_initiative_marker(to);
        if (!f || !t) throw StorageError("status change of initiative is unreadable");
        out.push_back({initiative_id, seq, at, actor, *f, *t, reason});
      }
      return out;
    });
  }

  std::int64_t add_correction(const Correction& c) override {
    return guarded("cannot store a correction in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      for (const auto& existing : review_corrections(c.round_id, c.case_number)) {
        if (existing.control_id == c.control_id) {
          throw ConflictError("sagen " + c.round_id + "/" + c.case_number + " har allerede en " +
                              "berigtigelse for kontrol " + c.control_id);
        }
      }
      const std::string amount = c.amount ? c.amount->to_string() : "";
      soci::indicator amount_ind = c.amount ? soci::i_ok : soci::i_null;
      const std::string from = c.affected_period ? to_iso(c.affected_period->from) : "";
      const std::string to = c.affected_period ? to_iso(c.affected_period->to) : "";
      soci::indicator period_ind = c.affected_period ? soci::i_ok : soci::i_null;
      soci::indicator period_to_ind = period_ind;
      const std::string state = correction_code(c.state);
      long long id = 0;
      sql_ << "INSERT INTO corrections (round_id, case_number, control_id, benefit_type, period, "
              "center, amount, period_from, period_to, state, reason, created_at, updated_at, "
              "updated_by) VALUES (:round, :case, :control, :type, :period, :center, :amount, "
              ":from, :to, :state, :reason, :created_at, :updated_at, :updated_by) RETURNING id",
          soci::into(id), soci::use(c.round_id), soci::use(c.case_number), soci::use(c.control_id),
          soci::use(c.benefit_type), soci::use(c.period), soci::use(c.center),
          soci::use(amount, amount_ind), soci::use(from, period_ind), soci::use(to, period_to_ind),
          soci::use(state), soci::use(c.reason), soci::use(c.created_at), soci::use(c.updated_at),
          soci::use(c.updated_by);
      scope.done();
      return static_cast<std::int64_t>(id);
    });
  }

  std::optional<Correction> find_correction(std::int64_t id) override {
    return guarded("cannot read a correction in " + db_.redacted_url(), [&] {
      const long long key = id;
      auto found = read_corrections(" WHERE id = :id",
                                    [&](soci::statement& st) { st.exchange(soci::use(key)); });
      return found.empty() ? std::nullopt : std::optional<Correction>(found.front());
    });
  }

  std::vector<Correction> review_corrections(const std::string& round_id,
                                             const std::string& case_number) override {
    return guarded("cannot read corrections in " + db_.redacted_url(), [&] {
      return read_corrections(" WHERE round_id = :round AND case_number = :case",
                              [&](soci::statement& st) {
                                st.exchange(soci::use(round_id));
                                st.exchange(soci::use(case_number));
                              });
    });
  }

  std::vector<Correction> corrections(const FollowupFilter& filter) override {
    return guarded("cannot read corrections in " + db_.redacted_url(), [&] {
      Where where(filter);
      return read_corrections(where.sql, [&](soci::statement& st) { where.bind(st, filter); });
    });
  }

  void update_correction(const Correction& c) override {
    guarded("cannot change a correction in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const long long key = c.id;
      const std::string amount = c.amount ? c.amount->to_string() : "";
      soci::indicator amount_ind = c.amount ? soci::i_ok : soci::i_null;
      const std::string from = c.affected_period ? to_iso(c.affected_period->from) : "";
      const std::string to = c.affected_period ? to_iso(c.affected_period->to) : "";
      soci::indicator period_ind = c.affected_period ? soci::i_ok : soci::i_null;
      soci::indicator period_to_ind = period_ind;
      const std::string state = correction_code(c.state);
      soci::statement update =
          (sql_.prepare << "UPDATE corrections SET amount = :amount, period_from = :from, "
                           "period_to = :to, state = :state, reason = :reason, updated_at = :at, "
                           "updated_by = :by WHERE id = :id",
           soci::use(amount, amount_ind), soci::use(from, period_ind), soci::use(to, period_to_ind),
           soci::use(state), soci::use(c.reason), soci::use(c.updated_at), soci::use(c.updated_by),
           soci::use(key));
      update.execute(true);
      if (update.get_affected_rows() != 1) {
        throw NotFound("berigtigelse " + std::to_string(c.id) + " findes ikke");
      }
      scope.done();
    });
  }

 private:
  template <typename Bind>
  std::vector<Initiative> read_initiatives(const std::string& where, Bind&& bind) {
    std::vector<Initiative> out;
    InitiativeRow row;
    soci::statement st(sql_);
    row.bind(st);
    bind(st);
    st.alloc();
    st.prepare(std::string("SELECT ") + kInitiativeColumns + " FROM initiatives" + where +
               " ORDER BY id");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out.push_back(row.get());
    return out;
  }

  template <typename Bind>
  std::vector<Correction> read_corrections(const std::string& where, Bind&& bind) {
    std::vector<Correction> out;
    CorrectionRow row;
    soci::statement st(sql_);
    row.bind(st);
    bind(st);
    st.alloc();
    st.prepare(std::string("SELECT ") + kCorrectionColumns + " FROM corrections" + where +
               " ORDER BY center, round_id, case_number, control_id");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out.push_back(row.get());
    return out;
  }

  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<FollowupRepository> make_followup_repository(Database& db) {
  return std::make_unique<SociFollowupRepository>(db);
}

std::string join_controls(const std::vector<std::string>& controls) {
  std::string out;
  for (const auto& c : controls) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::vector<std::string> split_controls(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    std::string item = text.substr(start, end - start);
    const auto first = item.find_first_not_of(" \t");
    if (first != std::string::npos) {
      item = item.substr(first, item.find_last_not_of(" \t") - first + 1);
      out.push_back(item);
    }
    start = end + 1;
  }
  return out;
}

}  // namespace sagsaudit::storage
