#pragma once
// The scheduler in the server (issue 4 item 3): runs tick() for today when the server starts and
// then every [server] tick_minutes (default 60; 0 turns it off), so rounds are created, review
// windows open and close and deadlines are marked without anyone running `sagsaudit tick`.
// Several server instances on one PostgreSQL may all run it: tick takes an advisory lock and
// this timer does not wait for it (TickOptions::wait_for_lock = false), so one instance does the
// day's work and the others skip. A tick that fails is logged and tried again next time.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <ostream>
#include <thread>

#include "config/config.hpp"
#include "domain/date.hpp"

namespace sagsaudit::server {

class TickTimer {
 public:
  // `today` gives the day to tick (local_today() in the server; fixed in tests). Each result is
  // one JSON line on `log` ({"tick": "2027-04-01", "oprettet": 4, …}; no personal data).
  TickTimer(Config config, std::chrono::minutes interval, std::function<Date()> today,
            std::ostream& log);
  ~TickTimer();  // stops the timer and waits for a tick in progress
  TickTimer(const TickTimer&) = delete;
  TickTimer& operator=(const TickTimer&) = delete;

  // Ticks run so far (tests wait on it).
  int runs() const;

 private:
  void loop();
  void run_once();

  Config config_;
  std::chrono::minutes interval_;
  std::function<Date()> today_;
  std::ostream& log_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  int runs_ = 0;
  std::thread thread_;
};

}  // namespace sagsaudit::server
