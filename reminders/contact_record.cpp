#include "reminders/contact_record.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>

namespace touchbase {
namespace {

class Writer {
 public:
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void i64(std::int64_t v) { raw(&v, sizeof v); }
  void f64(double v) { i64(std::bit_cast<std::int64_t>(v)); }
  void text(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void instant(Instant t) { i64(t.time_since_epoch().count()); }
  template <class T, class F>
  void optional(const std::optional<T>& v, F write) {
    u32(v ? 1 : 0);
    if (v) write(*v);
  }
  std::string take() { return std::move(out_); }

 private:
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

// Reads what Writer wrote; once a read runs past the end, every read gives zeros and ok() is false.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint32_t u32() {
    std::uint32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::int64_t i64() {
    std::int64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  double f64() { return std::bit_cast<double>(i64()); }
  std::string text() {
    const std::uint32_t n = u32();
    if (n > in_.size()) return fail();
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  Instant instant() { return Instant(Seconds(i64())); }
  bool present() { return u32() != 0; }
  bool good() const { return ok_; }               // nothing ran past the end so far
  bool ok() const { return ok_ && in_.empty(); }  // all read, nothing left

 private:
  void raw(void* p, std::size_t n) {
    if (n > in_.size()) {
      fail();
      return;
    }
    std::memcpy(p, in_.data(), n);
    in_.remove_prefix(n);
  }
  std::string fail() {
    ok_ = false;
    in_ = {};
    return {};
  }
  std::string_view in_;
  bool ok_ = true;
};

void write_contact(Writer& w, const Contact& c) {
  for (const std::string* s : {&c.id, &c.name, &c.email, &c.phone, &c.company, &c.title, &c.owner, &c.timezone,
                               &c.region, &c.cadence, &c.stage, &c.next_step.text, &c.notes}) {
    w.text(*s);
  }
  w.optional(c.window, [&](const WeeklyWindow& window) {
    w.u32(window.days.bits);
    w.u32(static_cast<std::uint32_t>(window.hours.size()));
    for (const HourRange& r : window.hours) {
      w.i64(r.start_minute);
      w.i64(r.end_minute);
    }
  });
  w.u32(static_cast<std::uint32_t>(c.tags.size()));
  for (const std::string& tag : c.tags) w.text(tag);
  w.f64(c.value);
  w.u32(static_cast<std::uint32_t>(c.status));
  for (const auto* t : {&c.paused_until, &c.last_touch, &c.cadence_since})
    w.optional(*t, [&](Instant i) { w.instant(i); });
  w.optional(c.next_step.date, [&](Date d) { w.i64(date::sys_days(d).time_since_epoch().count()); });
}

Contact read_contact(Reader& r) {
  Contact c;
  for (std::string* s : {&c.id, &c.name, &c.email, &c.phone, &c.company, &c.title, &c.owner, &c.timezone, &c.region,
                         &c.cadence, &c.stage, &c.next_step.text, &c.notes}) {
    *s = r.text();
  }
  if (r.present()) {
    WeeklyWindow& window = c.window.emplace();
    window.days.bits = static_cast<std::uint8_t>(r.u32());
    for (std::uint32_t n = r.u32(); n > 0 && r.good(); --n) {
      const auto start = static_cast<int>(r.i64());
      window.hours.push_back(HourRange{start, static_cast<int>(r.i64())});
    }
  }
  for (std::uint32_t n = r.u32(); n > 0 && r.good(); --n) c.tags.push_back(r.text());
  c.value = r.f64();
  c.status = static_cast<ContactStatus>(r.u32());
  for (auto* t : {&c.paused_until, &c.last_touch, &c.cadence_since}) {
    if (r.present()) *t = r.instant();
  }
  if (r.present()) c.next_step.date = Date(date::sys_days(date::days(r.i64())));
  return c;
}

void write_touch(Writer& w, const Touch& t) {
  w.instant(t.at);
  w.u32(static_cast<std::uint32_t>(t.outcome));
  w.text(t.note);
  w.text(t.talking_point);
}

Touch read_touch(Reader& r) {
  Touch t;
  t.at = r.instant();
  t.outcome = static_cast<Outcome>(r.u32());
  t.note = r.text();
  t.talking_point = r.text();
  return t;
}

void write_reminder(Writer& w, const Reminder& m) {
  w.i64(m.id);
  for (const std::string* s : {&m.contact_id, &m.owner, &m.cadence, &m.talking_point, &m.why}) w.text(*s);
  w.i64(m.step);
  w.instant(m.due_at);
  w.instant(m.remind_at);
  w.u32(m.late ? 1 : 0);
  w.instant(m.created_at);
}

Reminder read_reminder(Reader& r) {
  Reminder m;
  m.id = r.i64();
  for (std::string* s : {&m.contact_id, &m.owner, &m.cadence, &m.talking_point, &m.why}) *s = r.text();
  m.step = static_cast<int>(r.i64());
  m.due_at = r.instant();
  m.remind_at = r.instant();
  m.late = r.u32() != 0;
  m.created_at = r.instant();
  return m;
}

}  // namespace

std::string encode_contact(const Contact& contact, const StoredHistory& history) {
  Writer w;
  write_contact(w, contact);
  w.u32(static_cast<std::uint32_t>(history.touches.size()));
  for (const Touch& t : history.touches) write_touch(w, t);
  w.u32(static_cast<std::uint32_t>(history.reminders.size()));
  for (const Reminder& m : history.reminders) write_reminder(w, m);
  w.u32(static_cast<std::uint32_t>(history.used_talking_points.size()));
  for (const std::string& point : history.used_talking_points) w.text(point);
  return w.take();
}

Status decode_contact(std::string_view bytes, std::vector<Contact>& contacts, ContactHistories& histories) {
  Reader r(bytes);
  Contact c = read_contact(r);
  std::vector<Touch> touches;
  for (std::uint32_t n = r.u32(); n > 0 && r.good(); --n) touches.push_back(read_touch(r));
  std::vector<Reminder> reminders;
  for (std::uint32_t n = r.u32(); n > 0 && r.good(); --n) reminders.push_back(read_reminder(r));
  std::vector<std::string> used;
  for (std::uint32_t n = r.u32(); n > 0 && r.good(); --n) used.push_back(r.text());
  if (!r.ok()) return Error::io("a temporary record of contact '" + c.id + "' does not read back whole");
  if (!touches.empty()) histories.touches[c.id] = std::move(touches);
  if (!reminders.empty()) histories.reminders[c.id] = std::move(reminders);
  if (!used.empty()) histories.used_talking_points[c.id] = std::move(used);
  contacts.push_back(std::move(c));
  return {};
}

}  // namespace touchbase
