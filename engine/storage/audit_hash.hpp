#pragma once
// The audit log's hash definition (docs/workflow.md says it in words so an auditor can recompute
// it with any SHA-256 tool):
//
//   hash(entry) = lower-case hex SHA-256 of the UTF-8 text made of these ten fields, in order,
//                 each written as <its length in bytes, decimal>":"<the field>"\n":
//     previous_hash, seq (decimal), at, actor, action, object_type, object_id, from_state,
//     to_state, details
//
// The length prefix makes the text unambiguous whatever a field contains (newlines, colons).
// previous_hash of the first entry is 64 zeros.
#include <cstdint>
#include <string>

#include "storage/audit_log.hpp"

namespace sagsaudit::storage {

inline constexpr const char* kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The text that is hashed (for tests and for auditors who want to see it).
std::string audit_hash_input(const std::string& previous_hash, std::int64_t seq,
                             const AuditRecord& record);

std::string audit_entry_hash(const std::string& previous_hash, std::int64_t seq,
                             const AuditRecord& record);

}  // namespace sagsaudit::storage
