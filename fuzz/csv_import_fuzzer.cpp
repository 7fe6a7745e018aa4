// A contacts file and a --map spec as anyone may write them: the import
// answers every contact or every problem (never both, never neither for a
// file with rows), each problem naming its row; and a cell guarded against
// formulas on export reads back as it was.

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "exchange/contact_import.h"
#include "fuzz/fuzz_check.h"

namespace {

using touchbase::fuzz::check;

void check_import(const std::string& spec, const std::string& csv) {
  touchbase::ImportOptions options;
  options.rules.owners = {"alice"};
  options.rules.cadences = {"default"};
  if (!spec.empty()) {
    auto map = touchbase::parse_column_map(spec);
    if (!map) return;
    options.map = std::move(map).value();
  }
  const auto result = touchbase::import_contacts(csv, options);
  check(result.contacts.empty() || result.errors.empty(), "contacts or errors, never both");
  check(result.contacts.size() == result.rows.size(), "one row number per contact");
  for (std::size_t i = 1; i < result.rows.size(); ++i) check(result.rows[i - 1] < result.rows[i], "rows in file order");
  for (const auto& error : result.errors) check(!error.empty(), "every error says what is wrong");
}

void check_formula_guard(const std::string& cell) {
  const std::string guarded = touchbase::formula_guarded(cell);
  check(touchbase::formula_unguarded(guarded) == cell, "a guarded cell unguards to itself");
  const auto records = touchbase::read_csv("h\n" + touchbase::csv_escape(guarded) + "\n");
  if (cell.empty()) return;  // a blank line is no record
  check(records.ok(), "an escaped cell reads back");
  check(records.value().size() == 2 && records.value()[1].fields.size() == 1, "one cell reads back as one");
  check(records.value()[1].fields[0] == guarded, "an escaped cell reads back exactly");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  const std::string spec = input.ConsumeRandomLengthString(200);
  const std::string cell = input.ConsumeRandomLengthString(100);
  const std::string csv = input.ConsumeRemainingBytesAsString();
  check_import(spec, csv);
  check_formula_guard(cell);
  return 0;
}
