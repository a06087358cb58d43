// Upload staging directories (engine/server/upload_staging.hpp): a server killed during a
// population upload leaves one behind with the received CSV (CPR numbers); the next server start
// removes it, but never one that another running server still holds, and nothing else in the
// upload folder.
#include "server/upload_staging.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "server/server_support.hpp"

extern char** environ;

namespace sagsaudit::testing {
namespace {

namespace fs = std::filesystem;

const std::string kCsv =
    "Sagsnummer;CPR;Center;Sagsbehandler;Afgørelsesdato\n"
    "S-1;0101801234;jc-amager;SB;01-05-2027\n";

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// Every name in the folder, sorted.
std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(UploadStagingName, OnlyTheNamesStagingGives) {
  EXPECT_TRUE(server::is_staging_name(".upload-4242-1800000000-0"));
  EXPECT_TRUE(server::is_staging_name(".upload-1-2-3"));
  EXPECT_FALSE(server::is_staging_name(".upload-1-2"));
  EXPECT_FALSE(server::is_staging_name(".upload-1-2-3-4"));
  EXPECT_FALSE(server::is_staging_name(".upload-1-2-x"));
  EXPECT_FALSE(server::is_staging_name(".upload-1--3"));
  EXPECT_FALSE(server::is_staging_name(".upload-1-2-"));
  EXPECT_FALSE(server::is_staging_name(".upload-notes"));
  EXPECT_FALSE(server::is_staging_name(".upload.lock"));
  EXPECT_FALSE(server::is_staging_name("upload-1-2-3"));
  EXPECT_FALSE(server::is_staging_name("kontanthjaelp-2027-K1.csv"));
}

// Another process holding the lock of a staging directory, as a running server does during an
// upload: util-linux flock(1) holds an exclusive flock on the file until it is killed.
class LockHolder {
 public:
  explicit LockHolder(const fs::path& lock_file) {
    const fs::path ready = lock_file.parent_path().parent_path() / "holder-ready";
    const std::string script = "touch '" + ready.string() + "'; exec sleep 60";
    std::vector<std::string> args = {"flock", "-x", lock_file.string(), "sh", "-c", script};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // A process group of its own: flock(1) runs the command as its child, which shares the lock.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    if (posix_spawnp(&pid_, "flock", nullptr, &attr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawnattr_destroy(&attr);
    for (int i = 0; i < 200 && pid_ > 0 && !fs::exists(ready); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    held_ = fs::exists(ready);
    fs::remove(ready);
  }
  ~LockHolder() { kill9(); }
  bool held() const { return held_; }
  // As `kill -9` of a server: the lock goes with the process.
  void kill9() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
  bool held_ = false;
};

class UploadStagingTest : public ServerTest {
 protected:
  fs::path uploads() const { return options_.upload_dir; }
  void restart() {
    restart_with([](server::ServerOptions&) {});
  }
};

// Left by killed servers: a staging directory with its (unheld) lock file, and one from before
// the lock files existed; both hold a CSV with a CPR number. Everything else stays, also names
// that only look alike.
TEST_P(UploadStagingTest, StartRemovesStagingDirectoriesOfKilledServers) {
  write(uploads() / ".upload-4242-1800000000-0" / "kontanthjaelp-2027-K2.csv", kCsv);
  write(uploads() / ".upload-4242-1800000000-0" / ".lock", "");
  write(uploads() / ".upload-77-1700000000-123456789" / "revalidering-2027-K2.csv", kCsv);
  write(uploads() / "kontanthjaelp-2027-K1.csv", kCsv);
  write(uploads() / ".upload-1-2" / "x.csv", kCsv);
  write(uploads() / ".upload-notes" / "x.csv", kCsv);
  write(uploads() / ".upload-1-2-3", kCsv);  // a file, not a staging directory

  restart();

  EXPECT_EQ(names_in(uploads()),
            (std::vector<std::string>{".upload-1-2", ".upload-1-2-3", ".upload-notes",
                                      ".upload.lock", "kontanthjaelp-2027-K1.csv"}));
  EXPECT_EQ(names_in(uploads() / ".upload-1-2"), std::vector<std::string>{"x.csv"});
}

// A staging directory whose lock another process holds (another server sharing the folder, in
// the middle of an upload) is left whole; once that process is killed, the next start removes it.
TEST_P(UploadStagingTest, StartLeavesAStagingDirectoryAnotherServerHolds) {
  const fs::path busy = uploads() / ".upload-99-1800000000-5";
  write(busy / "kontanthjaelp-2027-K2.csv", kCsv);
  write(busy / ".lock", "");
  LockHolder other(busy / ".lock");
  ASSERT_TRUE(other.held());

  restart();
  EXPECT_EQ(names_in(busy), (std::vector<std::string>{".lock", "kontanthjaelp-2027-K2.csv"}));

  other.kill9();
  restart();
  EXPECT_FALSE(fs::exists(busy));
  EXPECT_EQ(names_in(uploads()), std::vector<std::string>{".upload.lock"});
}

// The same through the server's own staging object, held in this process while a server starts:
// kept; and its end removes it (an upload's handler ends the same way, refused or not).
TEST_P(UploadStagingTest, AStagingDirectoryInUseIsKeptAndRemovedWhenItsUploadEnds) {
  fs::path dir;
  {
    const server::UploadStaging staging(uploads(), 1800000000);
    dir = staging.directory();
    EXPECT_TRUE(server::is_staging_name(dir.filename().string())) << dir;
    EXPECT_EQ(dir.parent_path(), uploads());
    write(dir / "kontanthjaelp-2027-K2.csv", kCsv);
    restart();
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{".lock", "kontanthjaelp-2027-K2.csv"}));
    const server::UploadStaging second(uploads(), 1800000000);
    EXPECT_NE(second.directory(), dir);
  }
  EXPECT_FALSE(fs::exists(dir));
  EXPECT_EQ(names_in(uploads()), std::vector<std::string>{".upload.lock"});
}

INSTANTIATE_TEST_SUITE_P(Backends, UploadStagingTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         backend_name);

}  // namespace
}  // namespace sagsaudit::testing
