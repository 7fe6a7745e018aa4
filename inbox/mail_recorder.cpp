#include "inbox/mail_recorder.h"

#include <algorithm>

#include "scheduler/touch_effect.h"

namespace touchbase {
namespace {

constexpr std::size_t k_max_note_subject = 200;

// The message's key: its Message-ID, or where it is when it has none.
std::string message_key(const ScannedMessage& m, const std::string& folder, Uid uidvalidity) {
  if (!m.header.message_id.empty()) return m.header.message_id;
  return "uid:" + folder + "/" + std::to_string(uidvalidity) + "/" + std::to_string(m.uid);
}

std::string subject_or_none(const MailHeader& header) {
  return header.subject.empty() ? "(no subject)" : header.subject.substr(0, k_max_note_subject);
}

Result<std::optional<Instant>> last_touch_of(Store& store, const Contact& contact) {
  TB_TRY(auto touches, store.touches(contact.id));
  std::optional<Instant> last = contact.last_touch;
  for (const auto& t : touches) last = std::max(last.value_or(t.at), t.at);
  return last;
}

}  // namespace

std::vector<std::string> contact_owners(const Config& config, const std::string& owner) {
  if (config.owner_for("").id == owner) return {owner, ""};
  return {owner};
}

Result<std::vector<Contact>> contacts_concerned(Store& store, std::span<const std::string> owners,
                                                const Classification& what, MatchBy match) {
  std::vector<Contact> out;
  const auto add = [&out](std::vector<Contact> found) {
    for (auto& c : found) {
      const bool known = std::any_of(out.begin(), out.end(), [&c](const Contact& o) { return o.id == c.id; });
      if (!known) out.push_back(std::move(c));
    }
  };
  const ContactLookup lookup = contact_lookup(what.addresses, match);
  for (const auto& address : lookup.addresses) {
    TB_TRY(auto found, store.contacts_with_email(owners, address));
    add(std::move(found));
  }
  for (const auto& domain : lookup.domains) {
    TB_TRY(auto found, store.contacts_at_domain(owners, domain, k_max_contacts_per_domain));
    add(std::move(found));
  }
  return out;
}

MailRecorder::MailRecorder(const Config& config, Store& store, std::string owner)
    : config_(config),
      store_(store),
      owner_(std::move(owner)),
      owners_(contact_owners(config, owner_)),
      match_(config.owners.at(owner_).mailbox->match == MailboxMatch::domain ? MatchBy::domain : MatchBy::address) {}

Result<MailRecord> MailRecorder::record(const FolderScan& scan, const std::string& folder, FolderRole role,
                                        Instant now) {
  MailRecord out;
  for (const auto& message : scan.messages) {
    const std::string key = message_key(message, folder, scan.mark.uidvalidity);
    TB_TRY_STATUS(store_.in_one_transaction([&] { return record_message(message, key, role, now, out); },
                                            Store::Inner::all_or_nothing));
  }
  return out;
}

Status MailRecorder::record_message(const ScannedMessage& message, const std::string& key, FolderRole role, Instant now,
                                    MailRecord& out) {
  const Classification what = classify(message.header, message.report, role);
  if (what.kind == MessageKind::unrelated) return {};
  TB_TRY(auto contacts, contacts_concerned(store_, owners_, what, match_));
  if (contacts.empty()) return {};
  TB_TRY(bool first_time, store_.record_mail_message(owner_, key, now));
  if (!first_time) return {};
  for (auto& contact : contacts) TB_TRY_STATUS(apply(what, std::move(contact), message.header, now, out));
  return {};
}

Status MailRecorder::apply(const Classification& what, Contact contact, const MailHeader& header, Instant now,
                           MailRecord& out) {
  TB_TRY(auto last, last_touch_of(store_, contact));
  const Instant at = touch_time_within(header.date, last, now);
  switch (what.kind) {
    case MessageKind::reply:
      return log_mail_touch(std::move(contact), header,
                            {at, Outcome::replied, subject_or_none(header), "", TouchSource::mailbox}, now, out);
    case MessageKind::sent:
      return log_mail_touch(std::move(contact), header,
                            {at, Outcome::touched, subject_or_none(header), "", TouchSource::sent}, now, out);
    case MessageKind::automatic_reply:
      contact.notes += (contact.notes.empty() ? "" : "\n") +
                       format_date(date::year_month_day(date::floor<date::days>(at))) +
                       " automatic reply: " + subject_or_none(header);
      ++out.notes;
      return store_.update_contact(contact);
    case MessageKind::bounce:
      contact.bounced_at = at;
      ++out.bounces;
      return store_.update_contact(contact);
    case MessageKind::unrelated: break;
  }
  return {};
}

Status MailRecorder::log_mail_touch(Contact contact, const MailHeader& header, const Touch& touch, Instant now,
                                    MailRecord& out) {
  const TouchEffect effect = apply_touch(config_.cadence_for(contact.cadence), touch, contact.next_step, contact);
  TB_TRY_STATUS(store_.log_touch(contact, touch));
  ++out.touches;
  if (touch.outcome != Outcome::replied) return {};
  ++out.notices;
  return notify_reply(contact, header, follow_ups_after(effect, contact), now);
}

Status MailRecorder::notify_reply(const Contact& contact, const MailHeader& header, const std::string& effect,
                                  Instant now) {
  const Owner& owner = config_.owners.at(owner_);
  Notice notice;
  notice.owner = owner_;
  notice.headline = contact.name + " replied: " + subject_or_none(header) + (effect.empty() ? "" : " — " + effect);
  notice.body = "Recorded as a reply from " + contact.name + " (" + contact.id + ").";
  notice.created_at = now;
  const std::vector<std::string> notifiers(owner.notify.begin(), owner.notify.begin() + (owner.notify.empty() ? 0 : 1));
  TB_TRY(auto created, store_.create_notice(notice, {}, notifiers));
  (void)created;
  return {};
}

}  // namespace touchbase
