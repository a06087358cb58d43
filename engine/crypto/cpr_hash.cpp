#include "crypto/cpr_hash.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "domain/errors.hpp"
#include "loading/read_file.hpp"

namespace sagsaudit {
namespace {

void ensure_sodium() {
  static const int status = sodium_init();
  if (status < 0) throw std::runtime_error("libsodium could not be initialised");
}

ValidationError key_error(const std::filesystem::path& file, const std::string& message) {
  return ValidationError({Issue{file.string(), 0, 0, "", message}});
}

}  // namespace

CprKey CprKey::load(const std::filesystem::path& file) {
  ensure_sodium();
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw key_error(file, "CPR-nøglefilen findes ikke (lav en med 'sagsaudit keygen --out FIL')");
  }
  std::string text = read_file_bytes(file);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.erase(0, 1);
  }
  CprKey key;
  std::size_t written = 0;
  const char* end = nullptr;
  if (text.size() != 2 * size ||
      sodium_hex2bin(key.bytes_.data(), size, text.data(), text.size(), nullptr, &written, &end) !=
          0 ||
      written != size) {
    throw key_error(file,
                    "ikke en CPR-nøgle (forventet 64 hexadecimale tegn, som 'sagsaudit "
                    "keygen' skriver)");
  }
  return key;
}

CprKey CprKey::generate() {
  ensure_sodium();
  CprKey key;
  randombytes_buf(key.bytes_.data(), size);
  return key;
}

std::string CprKey::hex() const {
  char out[2 * size + 1];
  sodium_bin2hex(out, sizeof out, bytes_.data(), size);
  return out;
}

std::string CprKey::id() const {
  ensure_sodium();
  // A hash of the key under a fixed context; reveals nothing usable about the key.
  static constexpr std::string_view context = "sagsaudit cpr key id";
  unsigned char digest[8];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(context.data()),
                     context.size(), bytes_.data(), size);
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string("k1:") + hex;
}

void cpr_hash(const CprKey& key, const Cpr& cpr, CprDigest& out) {
  static_assert(std::tuple_size_v<CprDigest> == crypto_generichash_BYTES);
  crypto_generichash(out.data(), out.size(),
                     reinterpret_cast<const unsigned char*>(cpr.digits10.data()),
                     cpr.digits10.size(), key.bytes().data(), CprKey::size);
}

void cpr_hash(const CprKey& key, const Cpr& cpr, std::string& out) {
  CprDigest digest;
  cpr_hash(key, cpr, digest);
  out.resize(2 * digest.size() + 1);  // sodium_bin2hex writes a terminating NUL
  sodium_bin2hex(out.data(), out.size(), digest.data(), digest.size());
  out.pop_back();
}

std::string cpr_hash(const CprKey& key, const Cpr& cpr) {
  std::string out;
  cpr_hash(key, cpr, out);
  return out;
}

void write_new_cpr_key_file(const std::filesystem::path& file) {
  const CprKey key = CprKey::generate();
  // O_EXCL: never replace a key in use; 0600 from the start, so the key is never readable by
  // others, not even for a moment.
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int error = errno;
    if (error == EEXIST) {
      throw key_error(file,
                      "filen findes allerede; en nøgle i brug må ikke udskiftes (de gemte "
                      "CPR-hash kan så ikke længere sammenlignes). Vælg et andet filnavn.");
    }
    throw key_error(file, std::string("kan ikke oprettes: ") + std::strerror(error));
  }
  const std::string text = key.hex() + "\n";
  const ssize_t written = ::write(fd, text.data(), text.size());
  const int error = errno;
  const bool closed = ::close(fd) == 0;
  if (written != static_cast<ssize_t>(text.size()) || !closed) {
    std::filesystem::remove(file);
    throw key_error(file, std::string("kan ikke skrives: ") + std::strerror(error));
  }
}

}  // namespace sagsaudit
