#pragma once
// Every contact that is not removed, a page at a time in id order, each page
// with its histories read in one query per table: what the commands that
// simulate every contact hold at once. The daemon's pass reads its contacts
// (changed or due, reminders/reminder_maker.h) in pages of the same size.

#include <cstddef>
#include <functional>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace touchbase {

// Contacts read, and held, at once, by a command or a pass.
inline constexpr std::size_t k_contacts_per_page = 512;

// Calls `each` with every page in turn (the contacts may be changed in
// place); stops at the first error of the store or of `each`.
// REQUIRES: page_size > 0.
using ContactPageVisitor = std::function<Status(std::vector<Contact>& page, const ContactHistories& histories)>;
Status for_each_contact_page(Store& store, const ContactPageVisitor& each, std::size_t page_size = k_contacts_per_page);

// The ids of `contacts`, in order.
std::vector<std::string> ids_of(std::span<const Contact> contacts);

}  // namespace touchbase
