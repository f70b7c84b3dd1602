// select.getSQL() for the lite dialects: the chunk list SQLiteDialect / MySqlDialect
// buildSelectQuery produce (the selection with its single-table / joined forms, from, joins,
// where, group by, having, order by, limit, offset, set operations).
#include "dsl/sqlite/lite_select.h"

namespace dp::dsl::lite {

namespace {

using ts::Value;

/// A chunk list under construction.
class Chunks {
 public:
  explicit Chunks(ts::Interp& interp) : interp_(interp) {}
  void Text(std::string text) { chunks_.push_back(dsl::Text(std::move(text))); }
  void Add(Value v) { chunks_.push_back(Val(v)); }
  void Name(std::string name) { Add(Value::Obj(NewName(interp_, std::move(name)))); }
  std::vector<SqlChunk>& chunks() { return chunks_; }

 private:
  ts::Interp& interp_;
  std::vector<SqlChunk> chunks_;
};

struct OrderedField {
  std::vector<std::string> path;
  Value field;
};

bool IsSubquery(Value v) { return HostAs<SubqueryHost>(v, kind::kSubquery) != nullptr; }

/// orderSelectedFields: leaves are columns, SQL, aliased SQL and subqueries; tables expand to
/// their columns; other objects recurse.
void OrderFields(ts::Interp& interp, ts::Object* fields, std::vector<std::string> prefix, std::vector<OrderedField>& out) {
  if (fields == nullptr) return;
  for (const std::string& key : interp.OwnKeys(fields)) {
    Value field = interp.Get(Value::Obj(fields), key);
    std::vector<std::string> path = prefix;
    path.push_back(key);
    if (AsColumn(field) != nullptr || AsSql(field) != nullptr || AsAliased(field) != nullptr || IsSubquery(field)) {
      out.push_back({std::move(path), field});
    } else if (TableBase* table = AsTable(field)) {
      ts::Object* columns = interp.NewObject();
      for (const auto& [k, column] : table->columns) columns->props.Set(k, Value::Obj(column));
      OrderFields(interp, columns, std::move(path), out);
    } else if (field.IsObject() && !interp.IsCallable(field)) {
      OrderFields(interp, field.AsObject(), std::move(path), out);
    }
  }
}

std::string JoinPath(const std::vector<std::string>& path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) out += (i > 0 ? "->" : "") + path[i];
  return out;
}

void CheckFieldTables(ts::Interp& interp, const SelectHost& select, const std::vector<OrderedField>& fields) {
  std::optional<std::string> expected;
  if (SubqueryHost* sq = HostAs<SubqueryHost>(select.table, kind::kSubquery)) {
    expected = sq->alias;
  } else if (ViewBase* view = AsView(select.table)) {
    expected = view->name;
  } else if (TableBase* t = AsTable(select.table)) {
    expected = t->name;
  }
  for (const OrderedField& f : fields) {
    ColumnBase* column = AsColumn(f.field);
    if (column == nullptr || column->table == nullptr) continue;
    const TableBase& table = *column->table;
    if (expected && table.name == *expected) continue;
    const std::string& join_name = table.is_alias ? table.name : table.base_name;
    bool joined = false;
    for (const JoinConfig& j : select.joins) joined = joined || (j.alias && *j.alias == join_name);
    if (joined) continue;
    DslThrow(interp, "Your \"" + JoinPath(f.path) + "\" field references a column \"" + table.name + "\".\"" +
                         column->name + "\", but the table \"" + table.name +
                         "\" is not part of the query! Did you forget to join it?");
  }
}

// The selection list (buildSelection). Column names use the query builder's own dialect,
// which has no casing: the column's name as declared.
void Selection(ts::Interp& interp, const SelectHost& select, const std::vector<OrderedField>& fields, bool single,
               Chunks& out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    Value field = fields[i].field;
    SqlAliasedHost* aliased = AsAliased(field);
    if (aliased != nullptr && aliased->is_selection_field) {
      out.Name(aliased->alias);
    } else if (aliased != nullptr || AsSql(field) != nullptr) {
      Value query = aliased != nullptr ? Value::Obj(aliased->sql) : field;
      if (single) {
        std::vector<SqlChunk> mapped;
        for (const SqlChunk& chunk : AsSql(query)->chunks) {
          if (!chunk.is_text && AsColumn(chunk.value) != nullptr) {
            mapped.push_back(Val(Value::Obj(NewName(interp, AsColumn(chunk.value)->name))));
          } else {
            mapped.push_back(chunk);
          }
        }
        out.Add(Value::Obj(NewSql(interp, std::move(mapped))));
      } else {
        out.Add(query);
      }
      if (aliased != nullptr) {
        out.Text(" as ");
        out.Name(aliased->alias);
      }
    } else if (ColumnBase* column = AsColumn(field)) {
      const std::string& table_name = column->table != nullptr ? column->table->name : std::string();
      if (select.dialect == Dialect::Sqlite) {
        const bool cast = column->column_type == "SQLiteNumericBigInt";
        if (cast) out.Text("cast(");
        if (!single) {
          out.Name(table_name);
          out.Text(".");
        }
        out.Name(column->name);
        if (cast) out.Text(" as text)");
      } else if (single) {
        out.Name(column->name);
      } else {
        out.Add(field);
      }
    } else if (IsSubquery(field)) {
      out.Add(field);
    }
    if (i + 1 < fields.size()) out.Text(", ");
  }
}

void FromTable(const SelectHost& select, Chunks& out) {
  TableBase* table = AsTable(select.table);
  if (table != nullptr && table->is_alias) {
    if (table->schema) {
      out.Name(*table->schema);
      out.Text(".");
    }
    out.Name(table->original_name);
    out.Text(" ");
    out.Name(table->name);
    return;
  }
  out.Add(select.table);
}

void Joins(ts::Interp& interp, const SelectHost& select, Chunks& out) {
  for (size_t i = 0; i < select.joins.size(); ++i) {
    const JoinConfig& join = select.joins[i];
    if (i == 0) out.Text(" ");
    out.Text(join.join_type + " join ");
    if (TableBase* table = AsTable(join.table)) {
      if (table->schema) {
        out.Name(*table->schema);
        out.Text(".");
      }
      out.Name(table->original_name);
      if (table->name != table->original_name && join.alias) {
        out.Text(" ");
        out.Name(*join.alias);
      }
    } else if (ViewBase* view = AsView(join.table); view != nullptr && select.dialect == Dialect::Mysql) {
      if (view->schema) {
        out.Name(*view->schema);
        out.Text(".");
      }
      out.Name(view->original_name);
      if (view->name != view->original_name && join.alias) {
        out.Text(" ");
        out.Name(*join.alias);
      }
    } else {
      out.Add(join.table);
    }
    if (interp.Truthy(join.on)) {
      out.Text(" on ");
      out.Add(join.on);
    }
    if (i + 1 < select.joins.size()) out.Text(" ");
  }
}

void List(const std::vector<Value>& values, Chunks& out) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out.Text(", ");
    out.Add(values[i]);
  }
}

bool HasLimit(Value limit) { return limit.IsObject() || (limit.IsNumber() && limit.AsNumber() >= 0); }

void Tail(ts::Interp& interp, const std::vector<Value>& order_by, Value limit, Value offset, Chunks& out) {
  if (!order_by.empty()) {
    out.Text(" order by ");
    List(order_by, out);
  }
  if (HasLimit(limit)) {
    out.Text(" limit ");
    out.Add(limit);
  }
  if (interp.Truthy(offset)) {
    out.Text(" offset ");
    out.Add(offset);
  }
}

ts::Object* SetOperation(ts::Interp& interp, Dialect dialect, ts::Object* left, const SetOperatorConfig& op) {
  Chunks out(interp);
  SelectHost* right = AsSelect(op.right);
  const bool parens = dialect == Dialect::Mysql;
  if (parens) out.Text("(");
  out.Add(Value::Obj(left));
  out.Text(parens ? ") " : " ");
  out.Text(op.type + " " + (op.is_all ? "all " : ""));
  if (parens) out.Text("(");
  out.Add(Value::Obj(SelectSql(interp, *right)));
  if (parens) out.Text(")");
  std::vector<Value> order_by;
  for (Value v : op.order_by) {
    if (ColumnBase* column = AsColumn(v)) {
      order_by.push_back(Value::Obj(NewName(interp, column->name)));
    } else if (SqlHost* sql = AsSql(v)) {
      for (SqlChunk& chunk : sql->chunks) {
        if (!chunk.is_text && AsColumn(chunk.value) != nullptr) {
          chunk.value = Value::Obj(NewName(interp, AsColumn(chunk.value)->name));
        }
      }
      order_by.push_back(v);
    } else {
      order_by.push_back(v);
    }
  }
  Tail(interp, order_by, op.limit, op.offset, out);
  return NewSql(interp, std::move(out.chunks()));
}

}  // namespace

ts::Object* SelectSql(ts::Interp& interp, SelectHost& select) {
  std::vector<OrderedField> fields;
  OrderFields(interp, select.fields, {}, fields);
  CheckFieldTables(interp, select, fields);
  const bool single = select.joins.empty();
  Chunks out(interp);
  if (!select.with_list.empty()) {
    out.Text("with ");
    for (size_t i = 0; i < select.with_list.size(); ++i) {
      SubqueryHost* cte = HostAs<SubqueryHost>(select.with_list[i], kind::kSubquery);
      if (cte == nullptr) DslThrow(interp, "with() expects $with(...) subqueries");
      if (i > 0) out.Text(", ");
      out.Name(cte->alias);
      out.Text(" as (");
      out.Add(Value::Obj(cte->sql));
      out.Text(")");
    }
    out.Text(" ");
  }
  out.Text(select.distinct ? "select distinct " : "select ");
  Selection(interp, select, fields, single, out);
  out.Text(" from ");
  FromTable(select, out);
  Joins(interp, select, out);
  if (interp.Truthy(select.where)) {
    out.Text(" where ");
    out.Add(select.where);
  }
  if (!select.group_by.empty()) {
    out.Text(" group by ");
    List(select.group_by, out);
  }
  if (interp.Truthy(select.having)) {
    out.Text(" having ");
    out.Add(select.having);
  }
  Tail(interp, select.order_by, select.limit, select.offset, out);
  ts::Object* sql = NewSql(interp, std::move(out.chunks()));
  for (const SetOperatorConfig& op : select.set_operators) sql = SetOperation(interp, select.dialect, sql, op);
  return sql;
}

}  // namespace dp::dsl::lite
