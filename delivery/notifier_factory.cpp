#include "delivery/notifier_factory.h"

#include "delivery/make_notifier.h"

namespace touchbase {

Result<NotifierSet> make_notifiers(const Config& config, boost::asio::io_context& io, std::ostream& console) {
  std::unique_ptr<CurlMulti> curl;
  try {
    curl = std::make_unique<CurlMulti>(io);
  } catch (const std::exception& e) {
    return Error::unavailable(std::string("cannot start libcurl: ") + e.what());
  }
  CurlMulti& shared = *curl;
  NotifierSet set(std::move(curl));
  for (const auto& [name, notifier_config] : config.notifiers) {
    TB_TRY(auto notifier, make_notifier(notifier_config, io, shared, console));
    set.add(name, std::move(notifier));
  }
  return set;
}

}  // namespace touchbase
