#include "notifiers/console_notifier.h"

#include "core/utf8.h"
#include "notifiers/render_text.h"

namespace touchbase {

void ConsoleNotifier::deliver(const ReminderMessage& message, Done done) {
  bool ok = false;
  {
    std::lock_guard lock(mutex_);
    out_ << "── " << printable(render_text(message), LineFeeds::keep) << std::endl;
    ok = static_cast<bool>(out_);
  }
  if (ok) {
    done({});
  } else {
    done(DeliveryFailure::transient("the console stream is not writable"));
  }
}

}  // namespace touchbase
