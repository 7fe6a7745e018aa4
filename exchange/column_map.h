#pragma once
// Which column of a CSV file feeds which contact field. Without a map, a
// header cell that names a touchbase column (any case) feeds it. A map
// (`--map 'Email Address=email,First Name=name,Last Name=name'`) names the
// columns of another tool's export: a mapped column wins over one that only
// shares a touchbase column's name, several columns mapped to one field are
// joined (with a space; tags with a comma), and a column mapped to nothing
// (`'Lead Status='`) is ignored.

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace touchbase {

struct ColumnMap {
  // (header name in lower case, touchbase column or "" to ignore), in the order given.
  std::vector<std::pair<std::string, std::string>> entries;
};

// Parses "Header=column,Header=column". Header names are matched without
// regard to case or surrounding spaces. Errc::data for an entry without '=',
// a header named twice, or a column touchbase does not know.
Result<ColumnMap> parse_column_map(std::string_view spec);

// The header cells that feed each column, in map order, then header order.
struct ColumnSources {
  std::map<std::string, std::vector<std::size_t>, std::less<>> sources;
};

// Errc::data naming the first column the map names that `header` lacks.
Result<ColumnSources> resolve_header(const std::vector<std::string>& header, const ColumnMap& map);

// The value of `column` in `fields`: the one source's text as it is, or the
// sources' trimmed non-empty texts joined. "" when the column has no source.
std::string column_value(const ColumnSources& sources, std::string_view column, const std::vector<std::string>& fields);
// The same for a column whose source cells are `cells` (from ColumnSources),
// without copying one source's text: the view is into `fields`, or into
// `joined` for several sources.
std::string_view column_text(std::string_view column, const std::vector<std::size_t>& cells,
                             const std::vector<std::string>& fields, std::string& joined);

}  // namespace touchbase
