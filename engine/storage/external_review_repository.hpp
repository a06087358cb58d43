#pragma once
// External reviews (revisorgennemgange) of a round, their answers, and blind rounds (tables of
// migration 6). The repository stores and reads; what makes an import valid is
// engine/compare/external_review_import.hpp, and who may see what while a round is blind is
// domain/blind_review.hpp with its check in engine/compare/blind_access.hpp.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/answer.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

struct ExternalReview {
  std::string round_id;
  std::string source;       // who reviewed, as given at import, e.g. "Deloitte"
  std::string file_name;    // the imported file as named on the command line
  std::string file_sha256;  // hex SHA-256 of its bytes
  std::string imported_at;  // UTC ISO 8601
  std::string imported_by;  // actor, as in the audit log
  bool locked = false;
  std::string locked_at;  // empty while not locked
  std::string locked_by;
};

// One answer of the auditor.
struct ExternalAnswer {
  std::string case_number;
  std::string control_id;
  Answer answer = Answer::correct;
  std::string comment;
  bool in_sample = true;  // false: a case outside the round's stikprøve (kept, never paired)
  int line = 0;           // line of the imported file
};

struct BlindMark {
  std::string round_id;
  std::string marked_at;
  std::string marked_by;
};

// Every method throws StorageError when the database refuses. Writes join the caller's
// Transaction when one is open.
class ExternalReviewRepository {
 public:
  virtual ~ExternalReviewRepository() = default;

  // Makes `review` with `answers` the round's external review from review.source, replacing an
  // earlier unlocked import from the same source (its answers go). Throws ConflictError when
  // that source's review is locked. review.locked is ignored (a new import is never locked).
  // REQUIRES: the round exists; (case_number, control_id) unique within `answers`.
  virtual void store(const ExternalReview& review, const std::vector<ExternalAnswer>& answers) = 0;

  virtual std::optional<ExternalReview> find(std::string_view round_id,
                                             std::string_view source) = 0;
  // The round's external reviews, ordered by source (byte order).
  virtual std::vector<ExternalReview> list(std::string_view round_id) = 0;

  // The answers of one external review, ordered by case number, then control id (byte order).
  virtual std::vector<ExternalAnswer> answers(std::string_view round_id,
                                              std::string_view source) = 0;

  // Locks the review. Throws NotFound when there is none, ConflictError when already locked.
  virtual void lock(std::string_view round_id, std::string_view source, const std::string& at,
                    const std::string& by) = 0;

  // Blind rounds. mark_blind throws ConflictError when the round is already blind.
  virtual void mark_blind(const BlindMark& mark) = 0;
  virtual std::optional<BlindMark> blind(std::string_view round_id) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<ExternalReviewRepository> make_external_review_repository(Database& db);

}  // namespace sagsaudit::storage
