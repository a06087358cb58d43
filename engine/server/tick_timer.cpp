#include "server/tick_timer.hpp"

#include "domain/errors.hpp"
#include "setup/database_setup.hpp"
#include "workflow/clock.hpp"
#include "workflow/json_text.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit::server {

TickTimer::TickTimer(Config config, std::chrono::minutes interval, std::function<Date()> today,
                     std::ostream& log)
    : config_(std::move(config)), interval_(interval), today_(std::move(today)), log_(log) {
  thread_ = std::thread([this] { loop(); });
}

TickTimer::~TickTimer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

int TickTimer::runs() const {
  std::lock_guard lock(mutex_);
  return runs_;
}

void TickTimer::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    run_once();
    lock.lock();
    ++runs_;
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

void TickTimer::run_once() {
  const Date today = today_();
  std::string line;
  try {
    // Its own connection: the request workers' pool is never held up by a long tick.
    auto db = open_database(config_);
    TickOptions options;
    options.wait_for_lock = false;
    options.actor = "server:tick";
    const TickReport r = tick(*db, today, utc_now_iso(), options);
    auto count = [](std::size_t n) { return static_cast<std::int64_t>(n); };
    line = json_object({{"tick", to_iso(today)},
                        {"koert", std::string(r.ran ? "ja" : "nej (en anden instans tikker)")},
                        {"oprettet", count(r.created.size())},
                        {"vinduer_aabnet", count(r.windows_opened.size())},
                        {"vinduer_lukket", count(r.windows_closed.size())},
                        {"overskredne", count(r.overdue.size())},
                        {"runder_afsluttet", count(r.rounds_closed.size())},
                        {"notifikationer", static_cast<std::int64_t>(r.notifications)}});
  } catch (const std::exception& e) {
    line = json_object({{"tick", to_iso(today)}, {"fejl", std::string(e.what())}});
  }
  std::lock_guard lock(mutex_);
  log_ << line << std::endl;
}

}  // namespace sagsaudit::server
