#include "daemon/notifier_factory.h"

#include "notifiers/console_notifier.h"

namespace touchbase {

Result<NotifierSet> make_notifiers(const Config& config, boost::asio::io_context& io, std::ostream& console) {
  (void)io;
  NotifierSet set;
  for (const auto& [name, n] : config.notifiers) {
    if (n.kind != NotifierKind::console) {
      return Error::config("notifier '" + name + "': kind " + std::string(to_string(n.kind)) +
                           " cannot deliver yet in this build");
    }
    set.emplace(name, std::make_unique<ConsoleNotifier>(console));
  }
  return set;
}

}  // namespace touchbase
