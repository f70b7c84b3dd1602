// Text helpers for the PostgreSQL renderers (see sql_builder.h).
#include "sqlgen/pg/sql_builder.h"

#include <regex>

namespace dp::sqlgen::pg {

void Emit(Out& out, std::string sql, Hazard hazards, bool outside_transaction) {
  out.push_back(sqlgen::Statement{std::move(sql), hazards, outside_transaction});
}

std::string Quote(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    out += c;
    if (c == '"') out += '"';
  }
  out += '"';
  return out;
}

std::string Qualified(std::string_view schema, std::string_view name) {
  return schema.empty() ? Quote(name) : Quote(schema) + "." + Quote(name);
}

std::string ParseType(std::string_view schema_prefix, std::string_view type) {
  // drizzle-kit's list of native types, matched as prefixes of the type text.
  static constexpr std::string_view kNative[] = {
      "uuid", "smallint", "integer", "bigint", "boolean", "text", "varchar", "serial", "bigserial", "decimal",
      "numeric", "real", "json", "jsonb", "time", "time with time zone", "time without time zone", "timestamp",
      "timestamp with time zone", "timestamp without time zone", "date", "interval", "double precision",
      "interval year", "interval month", "interval day", "interval hour", "interval minute", "interval second",
      "interval year to month", "interval day to hour", "interval day to minute", "interval day to second",
      "interval hour to minute", "interval hour to second", "interval minute to second", "char", "vector",
      "geometry", "halfvec", "sparsevec", "bit",
  };
  static const std::regex kDims(R"(\[\d*(?:\[\d*\])*\])");
  std::string text(type);
  std::string dims;
  for (std::sregex_iterator it(text.begin(), text.end(), kDims), end; it != end; ++it) dims += it->str();
  std::string base = std::regex_replace(text, kDims, "");
  for (std::string_view native : kNative) {
    if (text.rfind(native, 0) == 0) return base + dims;
  }
  // A type with modifiers ("varbit(16)") cannot be one quoted name (drizzle-kit quotes it
  // and the statement fails).
  if (schema_prefix.empty() && base.find('(') != std::string::npos) return base + dims;
  return std::string(schema_prefix) + "\"" + base + "\"" + dims;
}

std::string TypeSchemaPrefix(const model::pg::Column& column) {
  if (!column.type_schema || column.type_schema->empty() || *column.type_schema == "public") return "";
  return Quote(*column.type_schema) + ".";
}

std::string IdentityClause(const model::pg::Identity& identity, std::string_view table_schema) {
  std::string out = " GENERATED ";
  out += identity.type == "always" ? "ALWAYS" : "BY DEFAULT";
  out += " AS IDENTITY (sequence name ";
  out += Qualified(table_schema, identity.name);
  auto option = [&](const std::optional<std::string>& value, std::string_view label) {
    if (value && !value->empty()) {
      out += ' ';
      out += label;
      out += ' ';
      out += *value;
    }
  };
  option(identity.increment, "INCREMENT BY");
  option(identity.min_value, "MINVALUE");
  option(identity.max_value, "MAXVALUE");
  option(identity.start_with, "START WITH");
  option(identity.cache, "CACHE");
  if (identity.cycle.value_or(false)) out += " CYCLE";
  out += ")";
  return out;
}

std::string SnakeCase(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c >= 'A' && c <= 'Z') {
      out += '_';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  return out;
}

std::string PolicyRole(const std::string& role) {
  if (role == "current_user" || role == "current_role" || role == "session_user" || role == "public") return role;
  return Quote(role);
}

}  // namespace dp::sqlgen::pg
