// Issue 9 item 2c: the disk under an SQLite database fills up during a population import. The
// import must stop with a clear Danish error and a non-zero exit code, store nothing, and leave a
// database that passes PRAGMA integrity_check and keeps working.
//
// The full disk is real: a 6 MB tmpfs mounted for the test when it may mount (root, as on the
// project's machines). Without that privilege the test falls back to RLIMIT_FSIZE on the import
// process (ulimit -f: a write past the limit fails with EFBIG, as on a full disk, for that
// process only; SQLite then says "disk I/O error", so only the error's start is checked) —
// SQLite's max_page_count would only be SQLite refusing itself, not the disk.
#include <sys/mount.h>

#include <cstdlib>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "faults/fault_support.hpp"
#include "storage/database.hpp"

namespace sagsaudit::testing {
namespace {

// A directory with a small tmpfs on it, if this process may mount; unmounted when it goes.
class SmallDisk {
 public:
  explicit SmallDisk(const std::string& size) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "sagsaudit-fault-disk.XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    const std::string options = "size=" + size + ",mode=0755";
    // SAGSAUDIT_FAULTS_DISK=rlimit: the fallback even where mounting is allowed (to try it).
    const char* choice = std::getenv("SAGSAUDIT_FAULTS_DISK");
    if (choice && std::string(choice) == "rlimit") return;
    mounted_ = ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  bool mounted() const { return mounted_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  bool mounted_ = false;
};

std::string integrity_check(const std::string& url) {
  auto db = storage::Database::open(url);
  std::string result;
  db->session() << "PRAGMA integrity_check", soci::into(result);
  return result;
}

TEST(DiskFullTest, ImportThatDoesNotFitFailsInDanishStoresNothingAndLeavesNoCorruption) {
  SmallDisk disk("6m");
  FaultWorld world("", disk.dir());
  ASSERT_FALSE(::testing::Test::HasFailure());
  const std::string db_file = (disk.dir() / "sagsaudit.db").string();
  std::optional<long long> limit;
  if (!disk.mounted()) {
    // The fallback (see the top of the file): the database as it is now plus 4 MB.
    limit = static_cast<long long>(std::filesystem::file_size(db_file)) + 4 * 1024 * 1024;
    std::cerr << "[faults] no tmpfs (mount not permitted): RLIMIT_FSIZE " << *limit << " bytes\n";
  }
  const auto file = world.population_file(60000);  // some 30 MB in the database: does not fit

  const auto r = world.cli({"population", "import", "--round", FaultWorld::kRound, file.string()},
                           "", {}, limit);
  EXPECT_EQ(r.status, 6) << r.output;  // exit_storage
  if (disk.mounted()) {
    EXPECT_EQ(r.output.rfind("fejl: disken med databasen er fuld; handlingen er afbrudt, og intet "
                             "af den er gemt. Frigør plads på disken og prøv igen (cannot store "
                             "the cases of round sygedagpenge-2027-K1 in sqlite:",
                             0),
              0u)
        << r.output;
  } else {
    // EFBIG reaches SQLite as an I/O error, not as a full disk: only the storage error's start.
    EXPECT_EQ(r.output.rfind("fejl: cannot store the cases of round sygedagpenge-2027-K1", 0), 0u)
        << r.output;
  }

  const std::string url = world.database_url();
  EXPECT_EQ(integrity_check(url), "ok");
  EXPECT_EQ(count_rows(url, "SELECT COUNT(*) FROM population_cases"), 0);
  EXPECT_EQ(count_rows(url, "SELECT COUNT(*) FROM populations"), 0);
  EXPECT_EQ(text_value(url, "SELECT state FROM rounds WHERE id = '" + FaultWorld::kRound + "'"),
            "planned");
  const auto verify = world.cli({"audit", "verify"});
  EXPECT_EQ(verify.status, 0) << verify.output;

  // The database still takes what fits.
  const auto small = world.population_file(200, "small.csv");
  const auto ok = world.cli({"population", "import", "--round", FaultWorld::kRound, small.string()},
                            "", {}, limit);
  EXPECT_EQ(ok.status, 0) << ok.output;
  EXPECT_EQ(count_rows(url, "SELECT COUNT(*) FROM population_cases"), 200);
  EXPECT_EQ(integrity_check(url), "ok");
}

}  // namespace
}  // namespace sagsaudit::testing
