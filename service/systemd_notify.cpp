#include "service/systemd_notify.h"

#include <systemd/sd-daemon.h>
#include <time.h>

#include <cstring>

#include <spdlog/spdlog.h>

namespace touchbase {
namespace {

void send(const std::string& message) {
  int r = sd_notify(0, message.c_str());
  if (r < 0) spdlog::warn("cannot notify systemd: {}", std::strerror(-r));
}

// STATUS= ends at the line break; a status with one would start a new field.
std::string status_field(std::string_view status) {
  std::string s(status.substr(0, status.find('\n')));
  return "STATUS=" + s;
}

}  // namespace

std::string reloading_message() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  auto usec = static_cast<long long>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1'000;
  return "RELOADING=1\nMONOTONIC_USEC=" + std::to_string(usec);
}

void notify_ready(std::string_view status) {
  send("READY=1\n" + status_field(status));
}

void notify_reloading() {
  send(reloading_message() + "\nSTATUS=reloading the configuration");
}

void notify_stopping(std::string_view status) {
  send("STOPPING=1\n" + status_field(status));
}

void notify_status(std::string_view status) {
  send(status_field(status));
}

void notify_watchdog() {
  send("WATCHDOG=1");
}

std::optional<std::chrono::microseconds> watchdog_ping_interval() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::microseconds(usec / 2);
}

}  // namespace touchbase
