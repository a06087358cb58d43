#include "storage/audit_hash.hpp"

#include "domain/portable_sha256.hpp"

namespace sagsaudit::storage {
namespace {

void field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += '\n';
}

}  // namespace

std::string audit_hash_input(const std::string& previous_hash, std::int64_t seq,
                             const AuditRecord& record) {
  std::string text;
  field(text, previous_hash);
  field(text, std::to_string(seq));
  field(text, record.at);
  field(text, record.actor);
  field(text, record.action);
  field(text, record.object_type);
  field(text, record.object_id);
  field(text, record.from_state);
  field(text, record.to_state);
  field(text, record.details);
  return text;
}

std::string audit_entry_hash(const std::string& previous_hash, std::int64_t seq,
                             const AuditRecord& record) {
  return portable_sha256_hex(audit_hash_input(previous_hash, seq, record));
}

}  // namespace sagsaudit::storage
