#pragma once
// Contacts files in JSON, read as the same records a CSV file gives, so that
// one set of rules checks both: `touchbase export --format json` writes one
// object per line, and `touchbase import` reads that back.

#include <string_view>
#include <vector>

#include "core/result.h"
#include "exchange/csv_reader.h"

namespace touchbase {

// Reads one JSON object per line (blank lines skipped), or one JSON array of
// objects. The first record is a header: every key, in order of first
// appearance; each object is a record whose row is its line (its position
// in the array + 1 for an array). Values become text: strings as they are,
// numbers and booleans as written, null as "", an array of strings as its
// items joined with ",". Errc::data names the line that is not an object.
Result<std::vector<CsvRecord>> read_json_records(std::string_view text);

}  // namespace touchbase
