#pragma once
// The query behind Store::counts(), here so that tests can check its plan and
// its cost: it reads the counts the triggers keep (schema version 8) and the
// earliest attempt through the outbox_waiting index, never a table's rows.

#include <string_view>

namespace touchbase {

// Rows of (kind, name, value): ('contacts', status, n), ('outbox', state, n),
// then ('next_attempt', NULL, unix seconds or NULL).
inline constexpr std::string_view k_counts_sql =
    "SELECT 'contacts', status, n FROM contact_counts "
    "UNION ALL SELECT 'outbox', state, n FROM outbox_counts "
    "UNION ALL SELECT 'next_attempt', NULL, min(next_attempt_at) FROM outbox WHERE state IN ('pending', 'failed')";

}  // namespace touchbase
