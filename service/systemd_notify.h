#pragma once
// Telling systemd about the service's state (Type=notify), through
// sd_notify(3) on $NOTIFY_SOCKET. Every function is a no-op when the
// process was not started by systemd (no NOTIFY_SOCKET), so the daemon runs
// the same in a terminal. Thread-safe (each call sends one datagram).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace touchbase {

// Startup is complete: config loaded, store open, timer armed. `status` is
// what `systemctl status` shows.
void notify_ready(std::string_view status);
// A reload has begun (RELOADING=1 with MONOTONIC_USEC, as systemd 253+
// expects); notify_ready() ends it, whether the new config was taken or not.
void notify_reloading();
void notify_stopping(std::string_view status);
void notify_status(std::string_view status);
void notify_watchdog();

// How often to send WATCHDOG=1: half of $WATCHDOG_USEC when the watchdog
// applies to this process ($WATCHDOG_PID unset or ours), else std::nullopt.
std::optional<std::chrono::microseconds> watchdog_ping_interval();

// "RELOADING=1\nMONOTONIC_USEC=<CLOCK_MONOTONIC now in µs>". Exposed for tests.
std::string reloading_message();

}  // namespace touchbase
