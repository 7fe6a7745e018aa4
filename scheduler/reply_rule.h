#pragma once
// What a reply does to a cadence: its on_reply key, read once for the
// engine and for `touchbase log`. Pure.

#include <string_view>

#include "config/config.h"

namespace touchbase {

struct ReplyRule {
  enum class Kind {
    pause,           // "pause", the default: no follow-up until resumed
    stop,            // "stop": no more follow-ups in the cadence
    switch_cadence,  // a cadence's name: the contact moves to it
  };
  Kind kind = Kind::pause;
  std::string_view name;  // "pause", "stop" or the cadence's name; points into the config or is static
};

// What a reply does under `cadence`: an empty on_reply pauses; any value
// other than "pause" and "stop" is taken as a cadence's name (load_config
// rejects one that names no cadence). The Cadence must outlive the result.
ReplyRule reply_rule(const Cadence& cadence);

}  // namespace touchbase
