#pragma once
// The keyed hash under which a CPR number is stored (DESIGN.md: never the number itself). A
// plain hash would not protect a CPR number: there are only about 3.6 million valid ones a day
// of birth, so anyone with the table could hash them all. With a secret 32-byte key (kept in a
// file outside the database) the hash is useless without the key, yet the same person gets the
// same hash in every round, so cases of one citizen can still be related.
//
// BLAKE2b-256 keyed (libsodium crypto_generichash) over the ten digits DDMMYYSSSS, as hex or as
// its 32 bytes.
#include <array>
#include <filesystem>
#include <string>

#include "domain/cpr.hpp"

namespace sagsaudit {

class CprKey {
 public:
  static constexpr std::size_t size = 32;

  // Reads a key file: 64 hexadecimal characters (surrounding blanks and a final newline
  // allowed). Throws ValidationError naming the file when it is missing, unreadable or not a key.
  static CprKey load(const std::filesystem::path& file);
  // A fresh random key (libsodium's randombytes, the OS's generator).
  static CprKey generate();

  std::string hex() const;
  // A short, non-secret fingerprint of the key ("k1:" + 16 hex digits), stored with each
  // population so that a population hashed under another key is noticed.
  std::string id() const;
  const std::array<unsigned char, size>& bytes() const { return bytes_; }

 private:
  std::array<unsigned char, size> bytes_{};
};

// The hash's 32 bytes, as population_cases stores them (migration 10).
using CprDigest = std::array<unsigned char, 32>;

// 64 hex digits. Both written forms of a number (with and without '-') give the same hash.
std::string cpr_hash(const CprKey& key, const Cpr& cpr);
// The same into `out` (replacing what it held), reusing its memory.
void cpr_hash(const CprKey& key, const Cpr& cpr, std::string& out);
// The same hash as its 32 bytes (the hex above is these, two digits a byte): for the import.
void cpr_hash(const CprKey& key, const Cpr& cpr, CprDigest& out);

// Writes a new key file readable only by its owner (mode 0600). Refuses (ValidationError) to
// overwrite an existing file: replacing a key in use would make every stored hash unrelatable.
void write_new_cpr_key_file(const std::filesystem::path& file);

}  // namespace sagsaudit
