#pragma once
// What the store's tests share: opening a store in a test directory, sample
// records, and looking inside the file with SQLiteCpp.

#include <filesystem>
#include <memory>
#include <string>

#include "core/contact.h"
#include "store/store.h"

namespace touchbase::testing {

// Opens the store at `path`, failing the test (and throwing) if it cannot.
std::unique_ptr<Store> open_store(const std::filesystem::path& path);

// A contact with every field set to something other than its default.
Contact full_contact(std::string id);
// A contact with only an id and a name.
Contact bare_contact(std::string id);

Instant at(std::string_view rfc3339);

// SELECT count(*) FROM `table`, through a separate connection.
int count_rows(const std::filesystem::path& db, std::string_view table);

}  // namespace touchbase::testing
