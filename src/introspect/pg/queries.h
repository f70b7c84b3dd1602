// The catalog queries of PostgreSQL introspection: one per object kind, each reading every
// object of that kind in the filtered schemas at once (no per-table queries), joined in
// memory by inspect.cpp. `{schemas}` is replaced by a text[] literal of the schemaFilter.
// Arrays come back as JSON (array_to_json) so names with commas or quotes survive.
// What drizzle-kit's fromDatabase reads per table (pgSerializer.ts) is read here for all
// tables; the comments say where a query deliberately differs from drizzle-kit's.
#pragma once

#include <cstddef>

namespace dp::introspect::pg {

/// Schemas of the filter that exist (drizzle-kit also requires a login owner; we do not).
inline constexpr const char* kSchemasQuery = R"sql(SELECT n.nspname AS name
FROM pg_catalog.pg_namespace n
WHERE n.nspname = ANY ({schemas})
ORDER BY n.nspname)sql";

/// Tables, views and materialized views. Ordered physically (ctid) like drizzle-kit's
/// unordered scan of pg_class; partitions are skipped (drizzle cannot declare them).
inline constexpr const char* kRelationsQuery = R"sql(SELECT c.oid::int8 AS oid,
  n.nspname AS schema,
  c.relname AS name,
  c.relkind AS kind,
  c.relrowsecurity AS rls,
  c.relispopulated AS populated,
  array_to_json(c.reloptions) AS options,
  ts.spcname AS tablespace,
  am.amname AS access_method,
  CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true) END AS definition
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
WHERE c.relkind IN ('r', 'v', 'm')
  AND NOT c.relispartition
  AND n.nspname = ANY ({schemas})
ORDER BY c.ctid)sql";

/// Columns of every table and view, with what drizzle-kit takes from
/// information_schema.columns computed from pg_catalog directly: the type category
/// (ARRAY / pg_catalog BASE / USER-DEFINED, domains by their base type), the udt name,
/// the default or generation expression, identity options, and the sequence the column
/// owns (serial or identity).
/// Cost: catalog functions that take a relation (pg_get_expr with a relid,
/// pg_get_constraintdef of a check, pg_get_indexdef) open it, which in a new session
/// builds its cache entry, so each query calls them only where the text needs a
/// relation: a default cannot reference a column (PostgreSQL rejects it), so it is
/// deparsed without one; pg_attrdef is read only for columns that have a default, and
/// the owned sequences are joined once (no per-column subquery).
inline constexpr const char* kColumnsQuery = R"sql(SELECT a.attrelid::int8 AS relid,
  a.attnum AS attnum,
  a.attname AS name,
  a.attnotnull AS not_null,
  a.attndims AS dims,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS formatted_type,
  t.typname AS type_name,
  tn.nspname AS type_schema,
  CASE
    WHEN coalesce(bt.typelem, t.typelem) <> 0 AND coalesce(bt.typlen, t.typlen) = -1 THEN 'ARRAY'
    WHEN coalesce(btn.nspname, tn.nspname) = 'pg_catalog' THEN 'BASE'
    ELSE 'USER-DEFINED'
  END AS category,
  coalesce(bt.typname, t.typname) AS udt_name,
  (t.typtype = 'e') AS is_enum,
  et.typname AS element_name,
  (et.typtype = 'e') AS element_is_enum,
  etn.nspname AS element_schema,
  CASE WHEN a.atthasdef AND a.attgenerated = '' THEN (
    SELECT pg_catalog.pg_get_expr(ad.adbin, 0) FROM pg_catalog.pg_attrdef ad
    WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum) END AS default_expr,
  CASE WHEN a.atthasdef AND a.attgenerated <> '' THEN (
    SELECT pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) FROM pg_catalog.pg_attrdef ad
    WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum) END AS generated_expr,
  a.attidentity AS identity,
  seq.name AS seq_name,
  seq.regclass AS seq_regclass,
  seq.seqstart::text AS seq_start,
  seq.seqincrement::text AS seq_increment,
  seq.seqmax::text AS seq_max,
  seq.seqmin::text AS seq_min,
  seq.seqcache::text AS seq_cache,
  seq.seqcycle AS seq_cycle
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_namespace btn ON btn.oid = bt.typnamespace
LEFT JOIN pg_catalog.pg_type et ON t.typelem <> 0 AND t.typlen = -1 AND et.oid = t.typelem
LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
LEFT JOIN (
  SELECT DISTINCT ON (d.refobjid, d.refobjsubid) d.refobjid, d.refobjsubid,
         s.relname AS name, s.oid::regclass::text AS regclass, sq.seqstart, sq.seqincrement, sq.seqmax,
         sq.seqmin, sq.seqcache, sq.seqcycle
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
  LEFT JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = s.oid
  WHERE d.classid = 'pg_catalog.pg_class'::regclass
    AND d.refclassid = 'pg_catalog.pg_class'::regclass
    AND d.refobjsubid > 0
    AND d.deptype IN ('a', 'i')
  ORDER BY d.refobjid, d.refobjsubid, s.oid
) seq ON seq.refobjid = a.attrelid AND seq.refobjsubid = a.attnum
WHERE a.attnum > 0
  AND NOT a.attisdropped
  AND c.relkind IN ('r', 'v', 'm')
  AND NOT c.relispartition
  AND n.nspname = ANY ({schemas})
ORDER BY a.attrelid, a.attnum)sql";

/// Primary key, unique, foreign key and check constraints of every table, columns in key
/// order (drizzle-kit reads them in catalog order, which can differ from the key order)
/// as attribute numbers, named from the columns query; the referenced columns of a
/// foreign key come named when the columns query does not read that table (another
/// schema, a partitioned table).
/// The definition is read only where it is used (check text, unique NULLS NOT DISTINCT).
inline constexpr const char* kConstraintsQuery = R"sql(SELECT con.conrelid::int8 AS relid,
  con.conname AS name,
  con.contype AS type,
  con.conkey AS attnums,
  fn.nspname AS foreign_schema,
  fc.relname AS foreign_table,
  con.confrelid::int8 AS foreign_relid,
  con.confkey AS foreign_attnums,
  CASE WHEN con.contype = 'f' AND NOT (fc.relkind IN ('r', 'v', 'm') AND NOT fc.relispartition
                                       AND fn.nspname = ANY ({schemas})) THEN
    array_to_json(ARRAY(
      SELECT (SELECT att.attname FROM pg_catalog.pg_attribute att
              WHERE att.attrelid = con.confrelid AND att.attnum = k.attnum)
      FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
      ORDER BY k.ord))
  END AS foreign_columns,
  con.confupdtype AS on_update,
  con.confdeltype AS on_delete,
  CASE WHEN con.contype IN ('u', 'c') THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c')
  AND c.relkind = 'r'
  AND NOT c.relispartition
  AND n.nspname = ANY ({schemas})
ORDER BY con.conrelid, con.oid)sql";

/// Index key columns of every table, without the indexes that back a primary key, unique
/// or exclusion constraint of the same table. One row per key column; the operator class
/// is the column's own (drizzle-kit joins any class of the index) and `is_expression` is
/// per column (drizzle-kit flags every column of an index that has an expression).
/// `attnum` is 0 for an expression column (named from the columns query otherwise);
/// `expression` is deparsed for those only.
inline constexpr const char* kIndexesQuery = R"sql(SELECT i.indrelid::int8 AS relid,
  ic.relname AS name,
  i.indisunique AS is_unique,
  am.amname AS method,
  array_to_json(ic.reloptions) AS options,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
  k.ord AS position,
  k.attnum AS attnum,
  CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, false) END AS expression,
  (i.indoption[k.ord - 1] & 1) = 1 AS descending,
  (i.indoption[k.ord - 1] & 2) = 2 AS nulls_first,
  opc.opcname AS opclass
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k.ord - 1]
WHERE t.relkind = 'r'
  AND NOT t.relispartition
  AND n.nspname = ANY ({schemas})
  AND k.ord <= i.indnkeyatts
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_constraint con
    WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
ORDER BY t.relname, ic.relname, k.ord)sql";

/// Enum values in declaration order.
inline constexpr const char* kEnumsQuery = R"sql(SELECT n.nspname AS schema,
  t.typname AS name,
  e.enumlabel AS value
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ANY ({schemas})
ORDER BY n.nspname, t.typname, e.enumsortorder)sql";

/// Sequences with their options; `owned` marks those a column owns (serial, identity,
/// OWNED BY), which drizzle-kit leaves out of `sequences`.
inline constexpr const char* kSequencesQuery = R"sql(SELECT n.nspname AS schema,
  c.relname AS name,
  s.seqstart::text AS start_value,
  s.seqmin::text AS min_value,
  s.seqmax::text AS max_value,
  s.seqincrement::text AS increment_by,
  s.seqcycle AS cycle,
  s.seqcache::text AS cache_size,
  EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
      AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjsubid > 0
      AND d.deptype IN ('a', 'i')) AS owned
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY ({schemas})
ORDER BY c.oid)sql";

/// The session's role names: PostgreSQL stores a policy's `TO current_user` as the role it
/// meant when the policy was created.
inline constexpr const char* kSessionQuery = R"sql(SELECT current_user AS current_user_name,
  session_user AS session_user_name)sql";

/// Roles (run only when roles are managed).
inline constexpr const char* kRolesQuery = R"sql(SELECT rolname AS name,
  rolinherit AS inherit,
  rolcreatedb AS create_db,
  rolcreaterole AS create_role
FROM pg_catalog.pg_roles
ORDER BY oid)sql";

/// Row-level-security policies of tables in the filtered schemas (plus the schemas of
/// the desired snapshot's linked policies).
inline constexpr const char* kPoliciesQuery = R"sql(SELECT schemaname AS schema,
  tablename AS table_name,
  policyname AS name,
  permissive AS as_kind,
  array_to_json(roles) AS roles,
  cmd AS command,
  qual AS using_expr,
  with_check
FROM pg_catalog.pg_policies
WHERE schemaname = ANY ({schemas}))sql";

/// The most queries one Inspect runs (roles only when managed), whatever the table count.
inline constexpr size_t kMaxInspectQueries = 10;

}  // namespace dp::introspect::pg
