#pragma once
// A contact and what the store holds of its history, as bytes: how the
// follow-up stream (follow_up_stream.h) keeps on disk the contacts it plans
// after reading every page, so that it need not read them again by id.
// Only a record this build wrote is read back.

#include <string>
#include <string_view>
#include <vector>

#include "core/contact.h"
#include "core/result.h"
#include "reminders/contact_histories.h"
#include "store/store.h"

namespace touchbase {

// Every field of `contact`, and its touches, reminders and used talking points.
std::string encode_contact(const Contact& contact, const StoredHistory& history);

// Appends the contact of `bytes` to `contacts` and its history to
// `histories`; Errc::io when `bytes` is not a whole record.
Status decode_contact(std::string_view bytes, std::vector<Contact>& contacts, ContactHistories& histories);

}  // namespace touchbase
