#include "population/population_import.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "domain/errors.hpp"
#include "storage/audit_log.hpp"
#include "storage/population_repository.hpp"
#include "storage/sample_repository.hpp"
#include "storage/wheel_repository.hpp"
#include "workflow/json_text.hpp"
#include "workflow/round_transitions.hpp"

namespace sagsaudit {
namespace {

// Cases are stored this many at a time: large enough that a batch costs one round trip, small
// enough that a million-row file never sits in memory as cases.
constexpr std::size_t kBatchSize = 20000;

// {"header":"value",…} into `out`, reusing its memory.
void write_attributes_json(const PopulationCase& c, std::string& out) {
  out.assign("{");
  for (const auto& [name, value] : c.attributes) {
    if (out.size() > 1) out.push_back(',');
    append_json_string(out, name);
    out.push_back(':');
    append_json_string(out, value);
  }
  out.push_back('}');
}

std::string centers_json(const std::map<std::string, std::size_t>& counts) {
  std::string out = "{";
  for (const auto& [center, count] : counts) {
    if (out.size() > 1) out.push_back(',');
    append_json_string(out, center);
    out += ":" + std::to_string(count);
  }
  return out + "}";
}

// Stores batches of cases on a thread of its own, so that reading and checking the next batch
// (this thread) and the database's work on the previous one overlap; on a large file that is
// most of the difference between the two taking turns and running side by side. The database
// connection is used by the writer thread only, from the first push() until finish().
class BatchWriter {
 public:
  BatchWriter(storage::PopulationRepository& populations, std::string round_id)
      : populations_(populations), round_id_(std::move(round_id)), thread_([this] { run(); }) {}

  ~BatchWriter() {
    close();
    if (thread_.joinable()) thread_.join();
  }

  // Queues a batch; waits while two are queued already (memory stays bounded). Rethrows the
  // writer's error, if it had one, so a failing database stops the read early.
  void push(std::vector<storage::StoredCase> batch) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return queue_.size() < 2 || error_; });
    if (error_) std::rethrow_exception(error_);
    queue_.push_back(std::move(batch));
    work_.notify_one();
  }

  // A stored batch to fill again, or an empty vector when none is free yet. Its cases keep their
  // strings, so that assigning the next rows' values reuses their memory.
  std::vector<storage::StoredCase> recycled() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return {};
    std::vector<storage::StoredCase> batch = std::move(free_.front());
    free_.pop_front();
    return batch;
  }

  // Waits until every batch is stored; rethrows the writer's error.
  void finish() {
    close();
    thread_.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    work_.notify_one();
  }

  void run() {
    while (true) {
      std::vector<storage::StoredCase> batch;
      {
        std::unique_lock lock(mutex_);
        work_.wait(lock, [&] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
      }
      try {
        populations_.add_cases(round_id_, batch);
      } catch (...) {
        std::lock_guard lock(mutex_);
        error_ = std::current_exception();
        queue_.clear();
        space_.notify_all();
        return;
      }
      std::lock_guard lock(mutex_);
      free_.push_back(std::move(batch));
      space_.notify_all();
    }
  }

  storage::PopulationRepository& populations_;
  std::string round_id_;
  std::mutex mutex_;
  std::condition_variable work_;
  std::condition_variable space_;
  std::deque<std::vector<storage::StoredCase>> queue_;
  std::deque<std::vector<storage::StoredCase>> free_;
  bool closed_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once everything above is constructed
};

std::string file_name_of(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

}  // namespace

RoundContext load_round_context(storage::Database& db, const std::string& round_id) {
  auto round = storage::make_round_repository(db)->find(round_id);
  if (!round) throw NotFound("runden " + round_id + " findes ikke (se 'sagsaudit rounds list')");
  auto wheel = storage::make_wheel_repository(db)->load(round->wheel_version);
  if (!wheel) {
    throw StorageError("årshjul version " + round->wheel_version + " of round " + round_id +
                       " is missing from " + db.redacted_url());
  }
  const WheelEntry* entry = wheel->find_entry(round->benefit_type);
  if (!entry) {
    throw StorageError("årshjul version " + round->wheel_version + " has no ydelsestype " +
                       round->benefit_type + " (round " + round_id + ")");
  }
  WheelEntry frozen = *entry;
  return RoundContext{std::move(*round), std::move(*wheel), std::move(frozen)};
}

PopulationRulesInput population_rules_input(const RoundContext& context, const std::string& file) {
  PopulationRulesInput input;
  input.file = file;
  input.centers = context.wheel.centers;
  input.period = context.round.period;
  input.column_names = context.wheel.column_names;
  return input;
}

PopulationFileSummary check_population(storage::Database& db, const std::string& round_id,
                                       const std::string& path, const ProgressReport& progress) {
  const RoundContext context = load_round_context(db, round_id);
  return read_population_file(path, population_rules_input(context, path), {}, progress);
}

PopulationFileSummary import_population(storage::Database& db, const std::string& round_id,
                                        const std::string& path, const CprKey& key,
                                        const ImportOptions& options,
                                        const ProgressReport& progress) {
  const RoundContext context = load_round_context(db, round_id);
  const RoundState state = context.round.state;
  const bool replacing = options.replace && state == RoundState::population_loaded;
  if (state != RoundState::planned && !replacing) {
    throw ConflictError(
        "runden " + round_id + " er '" + danish_label(state) +
        "'; en population kan kun indlæses i en runde, der er 'planlagt'" +
        (state == RoundState::population_loaded
             ? " (brug --replace for at erstatte populationen, før stikprøven er trukket)"
             : ""));
  }

  auto populations = storage::make_population_repository(db);
  storage::Transaction transaction(db);
  std::optional<storage::PopulationInfo> previous;
  if (replacing) {
    if (storage::make_sample_repository(db)->has_protocol(round_id)) {
      throw ConflictError("runden " + round_id +
                          " har allerede en stikprøve; populationen kan ikke erstattes");
    }
    previous = populations->find(round_id);
    populations->remove(round_id);
  }

  storage::PopulationInfo info;
  info.round_id = round_id;
  info.file_name = file_name_of(path);
  info.cpr_key_id = key.id();
  info.imported_at = options.at;
  info.imported_by = options.actor;
  // The hash, encoding and counts are known only once the file is read; the row is written
  // first (the cases refer to it) and completed by finish().
  populations->begin(info);

  // The batch being filled: its first `used` cases are this batch's; the rest are left over
  // from a recycled batch, whose strings are overwritten (assign keeps their memory).
  std::vector<storage::StoredCase> batch;
  std::size_t used = 0;
  std::optional<BatchWriter> writer;
  writer.emplace(*populations, round_id);
  auto on_case = [&](PopulationCase& c) {
    if (used == batch.size()) batch.emplace_back();
    storage::StoredCase& row = batch[used++];
    row.case_number.assign(c.case_number);
    row.center.assign(c.center);
    cpr_hash(key, c.cpr, row.cpr_hash);
    row.masked_cpr = masked(c.cpr);
    row.case_worker.assign(c.case_worker);
    row.decision_date = to_iso(c.decision_date);
    row.line = c.line;
    write_attributes_json(c, row.attributes_json);
    if (used == kBatchSize) {
      writer->push(std::move(batch));
      batch = writer->recycled();
      used = 0;
    }
  };
  PopulationFileSummary summary;
  try {
    summary = read_population_file(path, population_rules_input(context, path), on_case, progress);
  } catch (...) {
    writer.reset();  // stop the writer before the transaction is rolled back on this thread
    throw;
  }
  batch.resize(used);
  writer->push(std::move(batch));
  writer->finish();
  writer.reset();

  info.file_sha256 = summary.sha256;
  info.encoding = encoding_code(summary.encoding);
  info.row_count = static_cast<std::int64_t>(summary.rows);
  for (const auto& [center, count] : summary.center_counts) {
    info.center_counts[center] = static_cast<std::int64_t>(count);
  }
  populations->finish(info);

  std::string details = "{\"fil\":" + json_string(info.file_name) +
                        ",\"sha256\":" + json_string(summary.sha256) +
                        ",\"tegnsaet\":" + json_string(encoding_code(summary.encoding)) +
                        ",\"sager\":" + std::to_string(summary.rows) +
                        ",\"centre\":" + centers_json(summary.center_counts);
  if (previous) details += ",\"erstatter_sha256\":" + json_string(previous->file_sha256);
  details += "}";
  if (!replacing) {
    transition_round(db, round_id, RoundState::population_loaded, options.actor, options.at,
                     details);
  }
  storage::make_audit_log(db)->append(storage::AuditRecord{
      options.at, options.actor, replacing ? "population.replace" : "population.import",
      "population", round_id, "", "", details});
  transaction.commit();
  return summary;
}

}  // namespace sagsaudit
