// The catalog queries of SQLite introspection: one per object kind, each joining
// sqlite_master with a pragma table-valued function, so the number of queries does not
// depend on the number of tables. Names excluded like drizzle-kit does: its migrations
// table and the internal tables of SQLite, libSQL, Cloudflare D1 and Litestream.
#pragma once

namespace dp::introspect::sqlite {

#define DP_SQLITE_NOT_INTERNAL(field)             \
  field                                           \
      " != '__drizzle_migrations'"                \
      " AND " field                               \
      " NOT LIKE '\\_cf\\_%' ESCAPE '\\'"         \
      " AND " field                               \
      " NOT LIKE '\\_litestream\\_%' ESCAPE '\\'" \
      " AND " field                               \
      " NOT LIKE 'libsql\\_%' ESCAPE '\\'"        \
      " AND " field " NOT LIKE 'sqlite\\_%' ESCAPE '\\'"

/// Every column of every table and view, with the object's DDL text (for CHECK
/// constraints, generated expressions, AUTOINCREMENT and view definitions).
inline constexpr const char* kColumnsQuery =
    "SELECT m.name, m.type, m.sql, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden"
    " FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name) AS p"
    " WHERE (m.type = 'table' OR m.type = 'view') AND " DP_SQLITE_NOT_INTERNAL(
        "m.tbl_name") " ORDER BY m.rowid, p.cid";

/// The fallback when kColumnsQuery fails because a view no longer compiles (it names a
/// dropped table or column): table columns only, then the views' DDL without columns, so
/// the broken view can still be dropped or replaced. Not used otherwise.
inline constexpr const char* kTableColumnsQuery =
    "SELECT m.name, m.type, m.sql, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden"
    " FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name) AS p"
    " WHERE m.type = 'table' AND " DP_SQLITE_NOT_INTERNAL("m.tbl_name") " ORDER BY m.rowid, p.cid";
inline constexpr const char* kViewsQuery =
    "SELECT m.name, m.type, m.sql FROM sqlite_master AS m"
    " WHERE m.type = 'view' AND " DP_SQLITE_NOT_INTERNAL("m.tbl_name") " ORDER BY m.rowid";

/// Every key column of every explicitly created index (not the sqlite_autoindex_* of
/// inline UNIQUE / PRIMARY KEY), with the index's DDL text (expressions, WHERE).
inline constexpr const char* kIndexesQuery =
    "SELECT m.name, il.name, il.\"unique\", il.partial, ii.seqno, ii.cid, ii.name, s.sql"
    " FROM sqlite_master AS m"
    " JOIN pragma_index_list(m.name) AS il"
    " JOIN pragma_index_info(il.name) AS ii"
    " LEFT JOIN sqlite_master AS s ON s.type = 'index' AND s.name = il.name"
    " WHERE m.type = 'table' AND il.name NOT LIKE 'sqlite\\_autoindex\\_%' ESCAPE '\\'"
    " AND " DP_SQLITE_NOT_INTERNAL("m.tbl_name") " ORDER BY m.rowid, il.seq, ii.seqno";

/// Every column pair of every foreign key.
inline constexpr const char* kForeignKeysQuery =
    "SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete"
    " FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f"
    " WHERE m.type = 'table' AND " DP_SQLITE_NOT_INTERNAL("m.tbl_name") " ORDER BY m.rowid, f.id DESC, f.seq";

#undef DP_SQLITE_NOT_INTERNAL

/// How many catalog queries Inspect runs, whatever the schema.
inline constexpr int kInspectQueryCount = 3;

}  // namespace dp::introspect::sqlite
