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
//    "\"s\".\"mood\"") loses the qualifier and quotes; typeSchema "" is dropped; a column
//    without typeSchema whose type names an enum of the snapshot ("mood[]",
//    "lookup.level[]": introspection leaves enum arrays without one) gets it.
//  - column defaults: a quoted literal cast to a text type or to the column's own type
//    (`'abc'::text`, `'x'::character varying`, `'sad'::mood`) loses the cast, except for
//    json/jsonb columns where drizzle keeps `'...'::jsonb`.
//  - identity: the sequence name loses a schema qualifier and quotes ("app.t_id_seq" ->
//    "t_id_seq"), an empty schema becomes the table's schema ("public" for the default),
//    an absent cycle is false, an absent cache is "1".
//  - sequences: an absent cycle is false.
//  - indexes: an absent `with` is {}, `with` values become strings as SQL shows them
//    (50 -> "50", true -> "true"); an absent `nulls` is "last"; an introspected
//    expression column that is just a column name (`"first"` in an index mixing columns
//    and expressions) becomes a plain column.
//  - foreign keys: actions are lower-cased, absent actions are "no action", an absent or
//    empty schemaTo is "public".
//  - policies: `as` and `for` are upper-cased (absent: PERMISSIVE, ALL), `to` is sorted
//    and de-duplicated (absent: ["public"]).
//  - roles: absent createDb / createRole are false, absent inherit is true.
//
// Equivalences the diff applies when comparing (compare.h), because rewriting them would
// change the SQL of the desired side:
//  - types: a space before "(" ("timestamp (3)" = "timestamp(3)"), short names (int4,
//    int8, float8, bool, timestamptz, varbit, bpchar, decimal, ...), implicit modifiers
//    (char = char(1), bit = bit(1), numeric(p, 0) = numeric(p)), and the number of array
//    dimensions (integer[] = integer[][]: PostgreSQL does not enforce it);
//  - defaults: equal as JSON, as JavaScript strings, as canonical SQL (CanonicalSql in
//    sql_text.h: quotes, casts, parentheses, qualifiers), as JSON documents
//    (`'{"a": 1}'::jsonb` = `'{"a":1}'::jsonb`), or as UTC timestamps
//    (`'2024-05-06T07:08:09.123Z'` = `'2024-05-06 07:08:09.123+00'`);
//  - index operator classes: absent = the type's default class (int4_ops, text_ops,
//    jsonb_ops, array_ops, ...);
//  - check and generated expressions, index WHERE and expressions, policy USING / WITH
//    CHECK and view definitions: CanonicalSql; a view selecting `*` is never seen as
//    changed (PostgreSQL stores the expanded column list);
//  - materialized views: access method absent = "heap", tablespace absent = "pg_default".
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
