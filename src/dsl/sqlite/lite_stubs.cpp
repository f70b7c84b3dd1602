// The rest of sqlite-core's and mysql-core's export names, so every import drizzle-kit's
// loader accepts also resolves here: runtime classes and functions of the query runtime become
// stubs that throw when used, and type-only names (which esbuild erases from imports) are
// undefined. The schema API itself is defined by the module factories.
#include <string>

#include "dsl/sqlite/lite_core.h"

namespace dp::dsl::lite {

namespace {

// Object.keys(require('drizzle-orm/sqlite-core')) of drizzle-orm 0.45.4.
constexpr const char* kSqliteRuntime[] = {
    "BaseSQLiteDatabase", "Check", "CheckBuilder", "ExecuteResultSync", "ForeignKey", "ForeignKeyBuilder", "Index",
    "IndexBuilder", "IndexBuilderOn", "InlineForeignKeys", "ManualViewBuilder", "PrimaryKey", "PrimaryKeyBuilder",
    "QueryBuilder", "SQLiteAsyncDialect", "SQLiteBaseInteger", "SQLiteBaseIntegerBuilder", "SQLiteBigInt",
    "SQLiteBigIntBuilder", "SQLiteBlobBuffer", "SQLiteBlobBufferBuilder", "SQLiteBlobJson", "SQLiteBlobJsonBuilder",
    "SQLiteBoolean", "SQLiteBooleanBuilder", "SQLiteColumn", "SQLiteColumnBuilder", "SQLiteCustomColumn",
    "SQLiteCustomColumnBuilder", "SQLiteDeleteBase", "SQLiteDialect", "SQLiteInsertBase", "SQLiteInsertBuilder",
    "SQLiteInteger", "SQLiteIntegerBuilder", "SQLiteNumeric", "SQLiteNumericBigInt", "SQLiteNumericBigIntBuilder",
    "SQLiteNumericBuilder", "SQLiteNumericNumber", "SQLiteNumericNumberBuilder", "SQLitePreparedQuery",
    "SQLiteReal", "SQLiteRealBuilder", "SQLiteSelectBase", "SQLiteSelectBuilder", "SQLiteSelectQueryBuilderBase",
    "SQLiteSession", "SQLiteSyncDialect", "SQLiteTable", "SQLiteText", "SQLiteTextBuilder", "SQLiteTextJson",
    "SQLiteTextJsonBuilder", "SQLiteTimestamp", "SQLiteTimestampBuilder", "SQLiteTransaction", "SQLiteUpdateBase",
    "SQLiteUpdateBuilder", "SQLiteView", "UniqueConstraint", "UniqueConstraintBuilder", "UniqueOnConstraintBuilder",
    "ViewBuilder", "ViewBuilderCore", "alias", "blob", "check", "customType", "except", "extractUsedTable",
    "foreignKey", "getTableConfig", "getViewConfig", "index", "int", "integer", "intersect", "numeric",
    "primaryKey", "real", "sqliteTable", "sqliteTableCreator", "sqliteView", "text", "union", "unionAll", "unique",
    "uniqueIndex", "uniqueKeyName", "view", "withReplicas"
};
// Names only sqlite-core's .d.ts files export (types, interfaces).
constexpr const char* kSqliteTypes[] = {
    "AnySQLiteColumn", "AnySQLiteDeleteBase", "AnySQLiteInsert", "AnySQLiteSelect", "AnySQLiteSelectQueryBuilder",
    "AnySQLiteSetOperatorInterface", "AnySQLiteTable", "AnySQLiteUpdate", "BlobConfig", "BuildAliasTable",
    "ConvertCustomConfig", "CreateSQLiteSelectFromBuilderMode", "CustomTypeParams", "CustomTypeValues", "DBResult",
    "ExecuteResult", "GetSQLiteSetOperators", "IndexColumn", "IndexConfig", "IntegerConfig", "OnConflict",
    "PreparedQueryConfig", "PrimaryKeyConfig", "Reference", "ReferenceConfig", "RelationalQueryBuilder", "Result",
    "SQLiteBigIntBuilderInitial", "SQLiteBlobBufferBuilderInitial", "SQLiteBlobJsonBuilderInitial",
    "SQLiteBooleanBuilderInitial", "SQLiteColumnBuilderBase", "SQLiteColumnBuilders", "SQLiteCountBuilder",
    "SQLiteCreateSetOperatorFn", "SQLiteCustomColumnInnerConfig", "SQLiteDelete", "SQLiteDeleteConfig",
    "SQLiteDeleteDynamic", "SQLiteDeleteExecute", "SQLiteDeletePrepare", "SQLiteDeleteReturning",
    "SQLiteDeleteReturningAll", "SQLiteDeleteWithout", "SQLiteDialectConfig", "SQLiteExecuteMethod",
    "SQLiteGeneratedColumnConfig", "SQLiteInsert", "SQLiteInsertConfig", "SQLiteInsertDynamic",
    "SQLiteInsertExecute", "SQLiteInsertOnConflictDoUpdateConfig", "SQLiteInsertPrepare", "SQLiteInsertReturning",
    "SQLiteInsertReturningAll", "SQLiteInsertSelectQueryBuilder", "SQLiteInsertValue", "SQLiteInsertWithout",
    "SQLiteIntegerBuilderInitial", "SQLiteNumericBigIntBuilderInitial", "SQLiteNumericBuilderInitial",
    "SQLiteNumericConfig", "SQLiteNumericNumberBuilderInitial", "SQLiteRaw", "SQLiteRawConfig",
    "SQLiteRealBuilderInitial", "SQLiteRelationalQuery", "SQLiteRelationalQueryKind", "SQLiteSelect",
    "SQLiteSelectConfig", "SQLiteSelectCrossJoinFn", "SQLiteSelectDynamic", "SQLiteSelectExecute",
    "SQLiteSelectHKT", "SQLiteSelectHKTBase", "SQLiteSelectJoin", "SQLiteSelectJoinConfig", "SQLiteSelectJoinFn",
    "SQLiteSelectKind", "SQLiteSelectPrepare", "SQLiteSelectQueryBuilder", "SQLiteSelectQueryBuilderHKT",
    "SQLiteSelectWithout", "SQLiteSetOperator", "SQLiteSetOperatorExcludedMethods", "SQLiteSetOperatorInterface",
    "SQLiteSetOperatorWithResult", "SQLiteSyncRelationalQuery", "SQLiteTableExtraConfig",
    "SQLiteTableExtraConfigValue", "SQLiteTableFn", "SQLiteTableWithColumns", "SQLiteTextBuilderInitial",
    "SQLiteTextConfig", "SQLiteTextJsonBuilderInitial", "SQLiteTimestampBuilderInitial", "SQLiteTransactionConfig",
    "SQLiteUpdate", "SQLiteUpdateConfig", "SQLiteUpdateDynamic", "SQLiteUpdateExecute", "SQLiteUpdateJoinFn",
    "SQLiteUpdatePrepare", "SQLiteUpdateReturning", "SQLiteUpdateReturningAll", "SQLiteUpdateSetSource",
    "SQLiteUpdateWithJoins", "SQLiteUpdateWithout", "SQLiteViewBase", "SQLiteViewConfig", "SQLiteViewWithSelection",
    "SQLiteWithReplicas", "SelectedFields", "SelectedFieldsFlat", "SelectedFieldsOrdered", "SetOperatorRestSelect",
    "SetOperatorRightSelect", "SubqueryWithSelection", "TableConfig", "UpdateDeleteAction", "ViewBuilderConfig",
    "WithBuilder", "WithSubqueryWithSelection", "concat", "getSQLiteColumnBuilders", "rowId", "substring"
};
// Object.keys(require('drizzle-orm/mysql-core')).
constexpr const char* kMysqlRuntime[] = {
    "Check", "CheckBuilder", "ForeignKey", "ForeignKeyBuilder", "Index", "IndexBuilder", "IndexBuilderOn",
    "InlineForeignKeys", "ManualViewBuilder", "MySqlBigInt53", "MySqlBigInt53Builder", "MySqlBigInt64",
    "MySqlBigInt64Builder", "MySqlBinary", "MySqlBinaryBuilder", "MySqlBoolean", "MySqlBooleanBuilder", "MySqlChar",
    "MySqlCharBuilder", "MySqlColumn", "MySqlColumnBuilder", "MySqlColumnBuilderWithAutoIncrement",
    "MySqlColumnWithAutoIncrement", "MySqlCustomColumn", "MySqlCustomColumnBuilder", "MySqlDatabase", "MySqlDate",
    "MySqlDateBuilder", "MySqlDateString", "MySqlDateStringBuilder", "MySqlDateTime", "MySqlDateTimeBuilder",
    "MySqlDateTimeString", "MySqlDateTimeStringBuilder", "MySqlDecimal", "MySqlDecimalBigInt",
    "MySqlDecimalBigIntBuilder", "MySqlDecimalBuilder", "MySqlDecimalNumber", "MySqlDecimalNumberBuilder",
    "MySqlDeleteBase", "MySqlDialect", "MySqlDouble", "MySqlDoubleBuilder", "MySqlEnumColumn",
    "MySqlEnumColumnBuilder", "MySqlEnumObjectColumn", "MySqlEnumObjectColumnBuilder", "MySqlFloat",
    "MySqlFloatBuilder", "MySqlInsertBase", "MySqlInsertBuilder", "MySqlInt", "MySqlIntBuilder", "MySqlJson",
    "MySqlJsonBuilder", "MySqlMediumInt", "MySqlMediumIntBuilder", "MySqlPreparedQuery", "MySqlReal",
    "MySqlRealBuilder", "MySqlSchema", "MySqlSelectBase", "MySqlSelectBuilder", "MySqlSelectQueryBuilderBase",
    "MySqlSerial", "MySqlSerialBuilder", "MySqlSession", "MySqlSmallInt", "MySqlSmallIntBuilder", "MySqlTable",
    "MySqlText", "MySqlTextBuilder", "MySqlTime", "MySqlTimeBuilder", "MySqlTimestamp", "MySqlTimestampBuilder",
    "MySqlTimestampString", "MySqlTimestampStringBuilder", "MySqlTinyInt", "MySqlTinyIntBuilder",
    "MySqlTransaction", "MySqlUpdateBase", "MySqlUpdateBuilder", "MySqlVarBinary", "MySqlVarBinaryBuilder",
    "MySqlVarChar", "MySqlVarCharBuilder", "MySqlView", "MySqlViewConfig", "MySqlYear", "MySqlYearBuilder",
    "PrimaryKey", "PrimaryKeyBuilder", "QueryBuilder", "UniqueConstraint", "UniqueConstraintBuilder",
    "UniqueOnConstraintBuilder", "ViewBuilder", "ViewBuilderCore", "alias", "bigint", "binary", "boolean", "char",
    "check", "convertIndexToString", "customType", "date", "datetime", "decimal", "double", "except", "exceptAll",
    "extractUsedTable", "float", "foreignKey", "getTableConfig", "getViewConfig", "index", "int", "intersect",
    "intersectAll", "isMySqlSchema", "json", "longtext", "mediumint", "mediumtext", "mysqlDatabase", "mysqlEnum",
    "mysqlSchema", "mysqlTable", "mysqlTableCreator", "mysqlTableWithSchema", "mysqlView", "mysqlViewWithSchema",
    "primaryKey", "real", "serial", "smallint", "text", "time", "timestamp", "tinyint", "tinytext", "toArray",
    "union", "unionAll", "unique", "uniqueIndex", "uniqueKeyName", "varbinary", "varchar", "withReplicas", "year"
};
constexpr const char* kMysqlTypes[] = {
    "AnyForeignKeyBuilder", "AnyIndexBuilder", "AnyMySqlColumn", "AnyMySqlInsert", "AnyMySqlInsertConfig",
    "AnyMySqlQueryResultHKT", "AnyMySqlSelect", "AnyMySqlSelectQueryBuilder", "AnyMySqlSetOperatorInterface",
    "AnyMySqlTable", "AnyMySqlUpdateBase", "BuildAliasTable", "ConvertCustomConfig",
    "CreateMySqlSelectFromBuilderMode", "CustomTypeParams", "CustomTypeValues", "DatetimeFsp", "GetColumnsTable",
    "GetColumnsTableName", "GetMySqlSetOperators", "GetPrimarySerialOrDefaultKeys", "IndexColumn", "IndexConfig",
    "IndexForHint", "LockConfig", "LockStrength", "Mode", "MySQLWithReplicas", "MySqlBigInt53BuilderInitial",
    "MySqlBigInt64BuilderInitial", "MySqlBigIntConfig", "MySqlBinaryBuilderInitial", "MySqlBinaryConfig",
    "MySqlBooleanBuilderInitial", "MySqlCharBuilderInitial", "MySqlCharConfig", "MySqlColumnBuilderBase",
    "MySqlColumnBuilders", "MySqlColumnWithAutoIncrementConfig", "MySqlCountBuilder", "MySqlCreateSetOperatorFn",
    "MySqlCrossJoinFn", "MySqlCustomColumnInnerConfig", "MySqlDateBaseColumn", "MySqlDateBuilderInitial",
    "MySqlDateColumnBaseBuilder", "MySqlDateColumnBaseConfig", "MySqlDateConfig", "MySqlDateStringBuilderInitial",
    "MySqlDateTimeBuilderInitial", "MySqlDateTimeStringBuilderInitial", "MySqlDatetimeConfig",
    "MySqlDecimalBigIntBuilderInitial", "MySqlDecimalBuilderInitial", "MySqlDecimalConfig",
    "MySqlDecimalNumberBuilderInitial", "MySqlDelete", "MySqlDeleteConfig", "MySqlDeletePrepare",
    "MySqlDeleteWithout", "MySqlDialectConfig", "MySqlDoubleBuilderInitial", "MySqlDoubleConfig",
    "MySqlEnumColumnBuilderInitial", "MySqlEnumObjectColumnBuilderInitial", "MySqlFloatBuilderInitial",
    "MySqlFloatConfig", "MySqlGeneratedColumnConfig", "MySqlInsert", "MySqlInsertConfig", "MySqlInsertDynamic",
    "MySqlInsertOnDuplicateKeyUpdateConfig", "MySqlInsertPrepare", "MySqlInsertReturning",
    "MySqlInsertSelectQueryBuilder", "MySqlInsertValue", "MySqlInsertWithout", "MySqlIntBuilderInitial",
    "MySqlIntConfig", "MySqlJoin", "MySqlJoinFn", "MySqlJoinType", "MySqlJsonBuilderInitial",
    "MySqlMediumIntBuilderInitial", "MySqlPreparedQueryConfig", "MySqlPreparedQueryHKT", "MySqlQueryResultHKT",
    "MySqlQueryResultKind", "MySqlRealBuilderInitial", "MySqlRealConfig", "MySqlRelationalQuery", "MySqlSelect",
    "MySqlSelectConfig", "MySqlSelectDynamic", "MySqlSelectHKT", "MySqlSelectHKTBase", "MySqlSelectJoinConfig",
    "MySqlSelectKind", "MySqlSelectPrepare", "MySqlSelectQueryBuilder", "MySqlSelectQueryBuilderHKT",
    "MySqlSelectWithout", "MySqlSerialBuilderInitial", "MySqlSetOperator", "MySqlSetOperatorExcludedMethods",
    "MySqlSetOperatorInterface", "MySqlSetOperatorWithResult", "MySqlSmallIntBuilderInitial",
    "MySqlTableExtraConfig", "MySqlTableExtraConfigValue", "MySqlTableFn", "MySqlTableWithColumns",
    "MySqlTextBuilderInitial", "MySqlTextColumnType", "MySqlTextConfig", "MySqlTimeBuilderInitial",
    "MySqlTimestampBuilderInitial", "MySqlTimestampConfig", "MySqlTimestampStringBuilderInitial",
    "MySqlTinyIntBuilderInitial", "MySqlTransactionConfig", "MySqlUpdate", "MySqlUpdateConfig",
    "MySqlUpdateDynamic", "MySqlUpdatePrepare", "MySqlUpdateSetSource", "MySqlUpdateWithout",
    "MySqlVarBinaryBuilderInitial", "MySqlVarCharBuilderInitial", "MySqlVarCharConfig", "MySqlVarbinaryOptions",
    "MySqlViewBase", "MySqlViewWithSelection", "MySqlYearBuilderInitial", "PreparedQueryHKTBase",
    "PreparedQueryKind", "PrimaryKeyKeys", "Reference", "ReferenceConfig", "RelationalQueryBuilder",
    "SelectedFields", "SelectedFieldsFlat", "SelectedFieldsOrdered", "SetOperatorRestSelect",
    "SetOperatorRightSelect", "SubqueryWithSelection", "TableConfig", "TimeConfig", "TimestampFsp",
    "UpdateDeleteAction", "ViewBuilderConfig", "WithBuilder", "WithSubqueryWithSelection", "concat",
    "getMySqlColumnBuilders", "substring"
};

bool Never(ts::Value) { return false; }

template <size_t N>
void AddMissing(DslContext& ctx, ts::Object* ns, const char* const (&names)[N], bool runtime) {
  ts::Interp& interp = ctx.interp();
  for (const char* name : names) {
    if (ns->props.Find(name) != nullptr) continue;
    if (!runtime) {
      ns->props.Set(name, ts::Value());
      continue;
    }
    std::string message = std::string(name) +
                          " belongs to drizzle-orm's query runtime, which drizzle-push does not provide (it only "
                          "builds schemas)";
    ts::Object* fn = interp.NewFunction(name, [message](ts::CallContext& c) -> ts::Value { DslThrow(c.interp, message); });
    fn->is_constructor = true;
    ctx.class_tests[fn] = Never;
    ns->props.Set(name, ts::Value::Obj(fn));
  }
}

}  // namespace

void AddExportStubs(DslContext& ctx, ts::Object* ns, Dialect dialect) {
  if (dialect == Dialect::Sqlite) {
    AddMissing(ctx, ns, kSqliteRuntime, true);
    AddMissing(ctx, ns, kSqliteTypes, false);
  } else {
    AddMissing(ctx, ns, kMysqlRuntime, true);
    AddMissing(ctx, ns, kMysqlTypes, false);
  }
}

}  // namespace dp::dsl::lite
