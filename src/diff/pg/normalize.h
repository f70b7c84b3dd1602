// Normalization of PostgreSQL snapshots before diffing, so a snapshot introspected from a
// database (drizzle-kit's pgSerializer fromDatabase shape) and one generated from schema
// files describe the same schema the same way. Applied to both sides, once.
//
// Rewrites (each is a no-op on a snapshot drizzle-kit generates, so rendered SQL of the
// desired side is unchanged):
//  - schemas: a table's schema "public" becomes "" (drizzle-kit's spelling for tables);
//    an enum's, sequence's or view's "" becomes "public"; table/enum/sequence/view keys
//    are rebuilt as "schema.name" ("public.users").
//  - column types: introspected spellings become drizzle's: "character varying" ->
//    "varchar", "character" -> "char", " without time zone" dropped, "numeric(10,2)" ->
//    "numeric(10, 2)"; an enum type qualified with its typeSchema ("s.mood[]",
//    "\"s\".\"mood\"") loses the qualifier and quotes; typeSchema "" is dropped.
//  - column defaults: a quoted literal cast to a text type or to the column's own type
//    (`'abc'::text`, `'x'::character varying`, `'sad'::mood`) loses the cast, except for
//    json/jsonb columns where drizzle keeps `'...'::jsonb`.
//  - identity: the sequence name loses a schema qualifier and quotes ("app.t_id_seq" ->
//    "t_id_seq"), an empty schema becomes the table's schema ("public" for the default),
//    an absent cycle is false, an absent cache is "1".
//  - sequences: an absent cycle is false.
//  - indexes: `with` values become strings as SQL shows them (50 -> "50", true -> "true");
//    an absent `nulls` is "last"; an introspected expression column that is just a column
//    name (`"first"` in an index mixing columns and expressions) becomes a plain column;
//    the default operator class of common types (int4_ops, text_ops, jsonb_ops, ...)
//    that introspection reports is dropped.
//  - foreign keys: actions are lower-cased, absent actions are "no action", an absent or
//    empty schemaTo is "public".
//  - policies: `as` and `for` are upper-cased (absent: PERMISSIVE, ALL), `to` is sorted
//    and de-duplicated (absent: ["public"]).
//  - roles: absent createDb / createRole are false, absent inherit is true.
//
// Equivalences the diff applies when comparing (compare.h), because rewriting them would
// change the SQL of the desired side: type spellings differing only by a space before
// "(" ("timestamp (3)" vs "timestamp(3)"); defaults, check and generated expressions,
// index WHERE and expressions, policy USING / WITH CHECK and view definitions compared by
// CanonicalSql (sql_text.h); a materialized view's access method absent vs "heap" and
// tablespace absent vs "pg_default".
#pragma once

#include "model/pg/snapshot.h"

namespace dp::diff::pg {

/// Normalizes `snapshot` in place (idempotent).
void Normalize(model::pg::Snapshot& snapshot);

/// The key drizzle-kit gives a table, enum, sequence or view: "schema.name", with
/// "public" for an empty schema.
std::string EntityKey(const std::string& schema, const std::string& name);

/// `type` without trailing array dimensions ("mood[]" -> "mood", "int[3][]" -> "int").
std::string StripArrayDims(const std::string& type);

}  // namespace dp::diff::pg
