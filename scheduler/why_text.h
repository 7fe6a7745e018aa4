#pragma once
// Pieces of the reasons text ("4th touch; 7 business days after the last,
// x1.5 for 2 unanswered; ..."). Each appends to a string the caller owns, so
// a reused string does not allocate once it has grown.

#include <string>
#include <string_view>

#include "core/time.h"
#include "scheduler/zone.h"

namespace touchbase {

void append_int(std::string& out, long long n);
// "1st", "2nd", "3rd", "4th", "11th", "21st".
void append_ordinal(std::string& out, int n);
// "1.5", "2.25", "3.375": at most three decimals, no trailing zeros.
void append_factor(std::string& out, double factor);
// A gap as people say it: "1 day", "9 days", "7 business days", "36h", "90m", "45s".
void append_gap(std::string& out, Seconds gap, bool business_days);
// "Thu 25 Dec".
void append_day(std::string& out, LocalDays day);
// "Tue 29 Dec 16:00".
void append_local(std::string& out, LocalSeconds t);
// "Tue 29 Dec 16:00 Europe/Berlin".
void append_local_in(std::string& out, Instant t, const Zone& zone);
// "Jane Doe's", "James'".
void append_possessive(std::string& out, std::string_view name);

// Builds the reasons text as parts separated by "; ", or does nothing at all
// when there is no string to build into.
class WhyBuilder {
 public:
  explicit WhyBuilder(std::string* out) : out_(out) {}
  bool enabled() const { return out_ != nullptr; }
  // Starts a new part and returns the string to append it to. REQUIRES: enabled().
  std::string& part() {
    if (!out_->empty()) out_->append("; ");
    return *out_;
  }
  // Continues the current part. REQUIRES: enabled().
  std::string& more() { return *out_; }

 private:
  std::string* out_;
};

}  // namespace touchbase
