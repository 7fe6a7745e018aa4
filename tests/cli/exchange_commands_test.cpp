// touchbase contact remove, import, export and calendar as a user runs them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <optional>

#include "store/store.h"
#include "tests/testing/daemon_process.h"
#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

class ExchangeCommandsTest : public WorkflowTest {
 protected:
  // Contacts in every state a salesperson leaves them in.
  void make_contacts() {
    ok({"contact",
        "add",
        "jane",
        "--name",
        "Jane Doe",
        "--email",
        "jane@acme.example",
        "--phone",
        "+49 30 1234",
        "--company",
        "Acme, GmbH",
        "--title",
        "CTO",
        "--timezone",
        "Europe/Berlin",
        "--window",
        "tue,thu 09:00-10:00,16:00-17:30",
        "--stage",
        "proposal",
        "--tags",
        "fintech,saas",
        "--value",
        "48000.5",
        "--last-touch",
        iso(now_ - hours(240)),
        "--notes",
        "Met at the meetup, \"great\" lead.\nNo Mondays."});
    ok({"log", "jane", "--outcome", "replied", "--next-step", "send the deck"});
    ok({"contact", "add", "bob", "--name", "Bob", "--owner", "bob", "--cadence", "partner"});
    ok({"snooze", "bob", iso(now_ + hours(100))});
    ok({"contact", "add", "cara", "--name", "Cara", "--value", "7"});
    ok({"close", "cara", "--reason", "lost"});
  }
};

TEST_F(ExchangeCommandsTest, ExportThenImportIntoAnotherDatabaseGivesTheSameExport) {
  make_contacts();
  for (std::string format : {"csv", "json"}) {
    auto file = dir_ / ("contacts." + std::string(format == "csv" ? "csv" : "jsonl"));
    ok({"export", "--format", format, "--output", file.string()});
    std::string other_config(k_workflow_config);
    other_config.replace(other_config.find("state/"), 6, "other-" + format + "/");
    auto other = dir_.write("other.toml", other_config);
    auto imported = run_touchbase({"--config", other.string(), "import", file.string()}, dir_.path());
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_THAT(imported.out, HasSubstr("imported 3 contacts (3 added, 0 updated, 0 unchanged)"));
    auto again = run_touchbase({"--config", other.string(), "export", "--format", format}, dir_.path());
    EXPECT_EQ(again.out, read_file(file)) << format;
  }
  EXPECT_THAT(read_file(dir_ / "contacts.csv"),
              AllOf(HasSubstr("\njane,Jane Doe,jane@acme.example,"), HasSubstr(",paused,,"),
                    HasSubstr(",send the deck,"), HasSubstr(",closed-lost,")));
}

TEST_F(ExchangeCommandsTest, ImportingAnExportOverItsOwnDatabaseChangesNothing) {
  make_contacts();
  auto file = dir_ / "contacts.csv";
  ok({"export", "--output", file.string()});
  auto out = ok({"import", file.string()});
  EXPECT_THAT(out, HasSubstr("(0 added, 0 updated, 3 unchanged)"));
}

TEST_F(ExchangeCommandsTest, ImportUpdatesByIdOrEmailAndDryRunShowsWhatWouldChange) {
  ok({"contact", "add", "jane", "--name", "Jane Doe", "--email", "Jane@Acme.example", "--company", "Acme"});
  ok({"pause", "jane"});
  auto csv = dir_.write("crm.csv",
                        "email,name,company\njane@acme.example,Jane Doe,Acme GmbH\nnora@globex.example,"
                        "Nora,Globex\n");
  auto dry = ok({"import", "--dry-run", csv.string()});
  EXPECT_THAT(dry, HasSubstr("2 contacts are valid (1 added, 1 updated, 0 unchanged); nothing written (--dry-run)"));
  EXPECT_THAT(dry, HasSubstr("\n  row 2: update jane: company: 'Acme' -> 'Acme GmbH'; email: 'Jane@Acme.example' -> "
                             "'jane@acme.example'\n"));
  EXPECT_THAT(dry, HasSubstr("\n  row 3: add nora@globex.example (Nora)\n"));
  EXPECT_EQ(show("jane")["company"], "Acme");

  ok({"import", csv.string()});
  EXPECT_EQ(show("jane")["company"], "Acme GmbH");
  EXPECT_EQ(show("jane")["status"], "paused");  // the file has no status: it stays
  EXPECT_EQ(show("nora@globex.example")["name"], "Nora");
}

// The process sleeps in SQLite's busy handler: it waits for another
// connection's write lock.
bool waits_for_a_lock(pid_t pid) {
  std::ifstream wchan("/proc/" + std::to_string(pid) + "/wchan");
  std::string where;
  std::getline(wchan, where);
  return where.find("nanosleep") != std::string::npos;
}

TEST_F(ExchangeCommandsTest, AnImportThatWaitsForTheWriteLockKeepsThePauseMadeMeanwhile) {
  // Given the real binary importing a file without a status column while
  // another command holds the write lock to pause the contact: the import
  // reads the contact once it holds the lock itself, so the pause stays and
  // only the file's column changes.
  ok({"contact", "add", "jane", "--name", "Jane Doe", "--company", "Acme"});
  auto csv = dir_.write("crm.csv", "id,company\njane,Acme GmbH\n");
  auto store = open_store(dir_ / "state/touchbase.db").value();
  std::optional<DaemonProcess> import;
  auto paused = store->in_one_transaction([&]() -> Status {
    TB_TRY(auto jane, store->find_contact("jane"));
    Contact c = jane.value();
    c.status = ContactStatus::paused;
    TB_TRY_STATUS(store->update_contact(c));
    import.emplace(std::vector<std::string>{"--config", config_.string(), "import", csv.string()}, dir_.path());
    EXPECT_TRUE(eventually([&] { return waits_for_a_lock(import->pid()); })) << import->err();
    return {};
  });
  ASSERT_TRUE(paused.ok()) << paused.error().message;
  ASSERT_EQ(import->wait_exit(), 0) << import->err();
  EXPECT_THAT(import->out(), HasSubstr("imported 1 contacts (0 added, 1 updated, 0 unchanged)"));
  EXPECT_EQ(show("jane")["status"], "paused");
  EXPECT_EQ(show("jane")["company"], "Acme GmbH");
}

TEST_F(ExchangeCommandsTest, ImportWithAMapLoadsAnotherToolsExport) {
  auto csv = dir_.write("pipedrive.csv",
                        "Person - Name,Person - Email,Organization - Name,Person - Label\n"
                        "Pia Pipe,pia@pipe.example,Pipe Co,Hot lead\n");
  auto out = ok({"import", csv.string(), "--map",
                 "Person - Name=name,Person - Email=email,Organization - Name=company,Person - Label=tags"});
  EXPECT_THAT(out, HasSubstr("imported 1 contacts (1 added"));
  auto pia = show("pia@pipe.example");
  EXPECT_EQ(pia["company"], "Pipe Co");
  EXPECT_EQ(pia["tags"], nlohmann::json({"Hot lead"}));
  auto bad = touchbase({"import", csv.string(), "--map", "Person - Name=fullname"});
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_THAT(bad.err, HasSubstr("'fullname' is not a touchbase column"));
}

TEST_F(ExchangeCommandsTest, AFileWithOneBadRowChangesNothingEvenForItsGoodRows) {
  ok({"contact", "add", "jane", "--name", "Jane Doe", "--company", "Acme"});
  auto csv = dir_.write("mixed.csv",
                        "\xEF\xBB\xBFid,name,company,timezone\r\njane,Jane Doe,New Co,\r\n"
                        "new,Nia,\"Quote \"\"Co\"\", Ltd\",\r\nbad,Bad,,Mars/Base\r\n");
  auto r = touchbase({"import", csv.string()});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_THAT(r.err, HasSubstr("mixed.csv: row 4, column 'timezone': 'Mars/Base' is not a known IANA time zone"));
  EXPECT_EQ(show("jane")["company"], "Acme");
  EXPECT_EQ(touchbase({"contact", "show", "new"}).exit_code, 66);
}

TEST_F(ExchangeCommandsTest, ARemovedContactLeavesListsAndPlansButKeepsItsHistory) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  ok({"contact", "add", "janet", "--name", "Janet Smith"});
  ok({"log", "jane", "--outcome", "touched"});
  EXPECT_THAT(ok({"contact", "remove", "jane"}),
              HasSubstr("removed Jane Doe (jane); its touches and reminders are kept"));
  EXPECT_THAT(ok({"contact", "list", "--json"}), Not(HasSubstr("\"jane\"")));
  EXPECT_THAT(ok({"export"}), Not(HasSubstr("\njane,")));
  EXPECT_THAT(ok({"plan", "--json", "--now", iso(now_)}), Not(HasSubstr("\"jane\"")));
  auto add = touchbase({"contact", "add", "jane", "--name", "Jane Again"});
  EXPECT_EQ(add.exit_code, 65);
  EXPECT_THAT(add.err, HasSubstr("it was removed and its history kept"));

  ok({"import", dir_.write("back.csv", "id,name\njane,Jane Doe\n").string()});  // brings her back
  EXPECT_EQ(show("jane")["touches"].size(), 1u);
}

TEST_F(ExchangeCommandsTest, PurgeDeletesTheContactByItsExactIdEvenWhenRemoved) {
  ok({"contact", "add", "jane", "--name", "Jane Doe"});
  ok({"contact", "add", "janet", "--name", "Janet Smith"});
  ok({"contact", "remove", "jane"});
  EXPECT_THAT(ok({"contact", "remove", "--purge", "jane"}), HasSubstr("purged jane"));
  EXPECT_EQ(show("janet")["name"], "Janet Smith");  // not taken for "jane"
  ok({"contact", "add", "jane", "--name", "Jane Anew"});
  EXPECT_TRUE(show("jane")["touches"].empty());
  EXPECT_EQ(touchbase({"contact", "remove", "ghost"}).exit_code, 66);
}

// The calendar's lines, unfolded (RFC 5545 3.1).
std::vector<std::string> calendar_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find("\r\n", pos);
    if (end == std::string::npos) break;
    auto line = text.substr(pos, end - pos);
    if (line.starts_with(' ') && !lines.empty()) {
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
    pos = end + 2;
  }
  return lines;
}

std::vector<std::string> starting_with(const std::vector<std::string>& lines, std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& l : lines) {
    if (l.starts_with(prefix)) out.push_back(l);
  }
  return out;
}

TEST_F(ExchangeCommandsTest, TheCalendarHasAnEventPerFollowUpWithStableUids) {
  ok({"contact", "add", "jane", "--name", "Jane Doe", "--company", "Acme"});
  ok({"contact", "add", "bob", "--name", "Bob", "--owner", "bob", "--last-touch", iso(now_ - hours(24))});
  auto file = dir_ / "follow-ups.ics";
  EXPECT_THAT(ok({"calendar", file.string(), "--days", "5", "--now", iso(now_)}), HasSubstr("5 follow-ups"));
  auto text = read_file(file);
  auto lines = calendar_lines(text);
  auto jane_due = plan_of("jane")[0]["due_at"].get<std::string>();
  std::string compact = date::format("%Y%m%dT%H%M%SZ", parse_rfc3339(jane_due).value());
  EXPECT_THAT(lines, ::testing::Contains("UID:" + compact + "-jane@touchbase"));
  EXPECT_THAT(lines, ::testing::Contains("DTSTART:" + compact));
  EXPECT_THAT(lines, ::testing::Contains("SUMMARY:Follow up with Jane Doe (Acme)"));
  EXPECT_THAT(text, Not(HasSubstr("\n\n")));
  EXPECT_THAT(starting_with(lines,
                            "DESCRIPTION:Touch 1 of prospect.\\nBring: Share the onboarding benchmark\\, "
                            "with commas\\; and semicolons\\nhttps://example.com/benchmark\\n"),
              ::testing::SizeIs(1));  // jane's first; her second brings nothing new

  ok({"calendar", file.string(), "--days", "5", "--now", iso(now_)});
  EXPECT_EQ(starting_with(calendar_lines(read_file(file)), "UID:"), starting_with(lines, "UID:"));

  ok({"calendar", file.string(), "--days", "5", "--owner", "bob", "--now", iso(now_)});
  auto bobs = starting_with(calendar_lines(read_file(file)), "UID:");
  EXPECT_EQ(bobs.size(), 2u);  // a day and three days from now
  for (const auto& uid : bobs) EXPECT_THAT(uid, ::testing::EndsWith("-bob@touchbase"));
  EXPECT_EQ(touchbase({"calendar", file.string(), "--days", "0"}).exit_code, 64);
}

TEST_F(ExchangeCommandsTest, AWindows1252FileIsRefusedWithItsRowAndColumnThenImportedWithItsEncoding) {
  auto file = dir_.write("crm.csv", "id,name,company\njurgen,J\xFCrgen M\xFCller,Caf\xE9 \x80 GmbH\n");
  auto refused = touchbase({"import", file.string()});
  EXPECT_EQ(refused.exit_code, 65);
  EXPECT_THAT(refused.err, HasSubstr("row 2, column 'name': not UTF-8: save the file as UTF-8, or import it with "
                                     "--encoding windows-1252"));
  EXPECT_THAT(ok({"contact", "list", "--json"}), IsEmpty());

  EXPECT_THAT(ok({"import", file.string(), "--encoding", "windows-1252"}), HasSubstr("imported 1 contacts"));
  EXPECT_EQ(show("jurgen")["name"], "Jürgen Müller");
  EXPECT_EQ(show("jurgen")["company"], "Café € GmbH");
  EXPECT_EQ(touchbase({"import", file.string(), "--encoding", "klingon-1"}).exit_code, 64);
}

TEST_F(ExchangeCommandsTest, AnExportedCsvKeepsFormulasInertAndImportsBackToTheSameValues) {
  ok({"contact", "add", "mal", "--name", "=HYPERLINK(\"http://attacker.example\")", "--phone", "+1 555 0100"});
  auto file = dir_ / "out.csv";
  ok({"export", "--format", "csv", "--output", file.string()});
  const std::string csv = read_file(file);
  EXPECT_THAT(csv, HasSubstr("\"'=HYPERLINK("));
  EXPECT_THAT(csv, HasSubstr(",'+1 555 0100,"));
  ok({"contact", "edit", "mal", "--phone", "+44 20 0000"});
  ok({"import", file.string()});
  EXPECT_EQ(show("mal")["name"], "=HYPERLINK(\"http://attacker.example\")");
  EXPECT_EQ(show("mal")["phone"], "+1 555 0100");
}

}  // namespace
}  // namespace touchbase::testing
