// touchbase outbox [--all] [--json], touchbase outbox retry ID|--dead,
// touchbase send-test NOTIFIER
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/json_line.h"
#include "delivery/notifier_factory.h"
#include "service/wakeup.h"

namespace touchbase {
namespace {

void add_row(JsonLine& j, const OutboxRow& row) {
  j.add_int("id", row.id);
  j.add_int("reminder", row.reminder_id);
  j.add_string("notifier", row.notifier);
  j.add_string("idempotency_key", row.idempotency_key);
  j.add_string("state", to_string(row.state));
  j.add_int("attempts", row.attempts);
  j.add_string("next_attempt_at", format_rfc3339(row.next_attempt_at));
  j.add_string("last_error", row.last_error);
  j.add_string_or_null("delivered_at", row.delivered_at ? format_rfc3339(*row.delivered_at) : "");
}

Status list_outbox(const Cli& cli, bool all, bool json) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(auto store, open_store(config.daemon.database));
  std::vector<OutboxState> states = {OutboxState::pending, OutboxState::failed, OutboxState::dead};
  if (all) states.push_back(OutboxState::delivered);
  TB_TRY(auto rows, store->outbox_in(states));
  if (json) {
    JsonLine j;
    std::string out;
    for (const OutboxRow& row : rows) {
      add_row(j, row);
      j.end(out);
    }
    std::cout << out;
    return {};
  }
  if (rows.empty()) std::cout << "the outbox is empty: every reminder was delivered\n";
  for (const OutboxRow& row : rows) {
    std::cout << fmt::format("{:>6}  {:<9} {:<14} attempts {:<3} next {}  {}\n", row.id, to_string(row.state),
                             row.notifier, row.attempts, format_rfc3339(row.next_attempt_at), row.last_error);
  }
  return {};
}

Status retry_outbox(const Cli& cli, std::int64_t id, bool dead) {
  if ((id != 0) == dead) return Error::usage("outbox retry: give either a row id or --dead");
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(auto store, open_store(config.daemon.database));
  std::optional<std::int64_t> row;
  if (!dead) row = id;
  TB_TRY(int count, store->requeue(row, cli.clock.now()));
  wake_daemon(config.daemon.database);
  std::cout << "requeued " << count << " row(s); a running daemon delivers them now\n";
  return {};
}

ReminderMessage sample_message(Instant now) {
  ReminderMessage m;
  m.idempotency_key = "tb-send-test-" + std::to_string(now.time_since_epoch().count());
  m.owner_name = "touchbase";
  m.contact_id = "sample";
  m.contact_name = "Sample Contact";
  m.company = "Example Corp";
  m.stage = "discovery";
  m.channel = "email sample@example.com";
  m.due_at = format_rfc3339(now);
  m.why = "a test of this notifier (touchbase send-test)";
  m.talking_point = "This is a test message: no follow-up is due";
  m.log_command = "touchbase log sample --outcome touched";
  return m;
}

Status send_test(const Cli& cli, const std::string& name) {
  TB_TRY(Config config, load_validated_config(cli));
  if (!config.notifiers.contains(name)) return Error::usage("send-test: no notifier '" + name + "' in the config");
  boost::asio::io_context io;
  TB_TRY(NotifierSet notifiers, make_notifiers(config, io, std::cout));
  std::optional<DeliveryResult> outcome;
  notifiers.find(name)->deliver(sample_message(cli.clock.now()), [&](DeliveryResult r) { outcome = std::move(r); });
  while (!outcome && io.run_one() > 0) {
  }
  if (!outcome) return Error::unavailable("send-test: " + name + " did not report an outcome");
  if (outcome->ok()) {
    std::cout << name << ": delivered\n";
    return {};
  }
  const DeliveryFailure& f = outcome->error();
  return Error::unavailable(name + ": " + (f.is_permanent() ? "permanent" : "transient") + " failure: " + f.message);
}

}  // namespace

void add_outbox_commands(CLI::App& app, Cli& cli) {
  struct Args {
    bool all = false;
    bool json = false;
    std::int64_t id = 0;
    bool dead = false;
    std::string notifier;
  };
  auto args = std::make_shared<Args>();
  auto* outbox = app.add_subcommand("outbox", "List deliveries not yet made: pending, failed and dead rows");
  outbox->add_flag("--all", args->all, "Include delivered rows");
  outbox->add_flag("--json", args->json, "One JSON object per line");
  outbox->callback([&cli, args] {
    if (!cli.action) cli.action = [&cli, args] { return list_outbox(cli, args->all, args->json); };
  });
  auto* retry = outbox->add_subcommand("retry", "Deliver a failed or dead row again, with the same key");
  retry->add_option("id", args->id, "The row's id (see touchbase outbox)");
  retry->add_flag("--dead", args->dead, "Every dead row");
  retry->callback([&cli, args] { cli.action = [&cli, args] { return retry_outbox(cli, args->id, args->dead); }; });

  auto* test = app.add_subcommand("send-test", "Send a sample reminder through one notifier and print the outcome");
  test->add_option("notifier", args->notifier, "The notifier's name in the config")->required();
  test->callback([&cli, args] { cli.action = [&cli, args] { return send_test(cli, args->notifier); }; });
}

}  // namespace touchbase
