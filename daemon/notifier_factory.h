#pragma once
// Building the configured notifiers.

#include <ostream>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/io_context.hpp>

#include "config/config.h"
#include "daemon/outbox_dispatcher.h"

namespace touchbase {

// One notifier per [notifiers.NAME]; console ones write to `console`.
// `io` and `console` must outlive the notifiers.
Result<NotifierSet> make_notifiers(const Config& config, boost::asio::io_context& io, std::ostream& console);

}  // namespace touchbase
