// Evaluation speed on the generated 1000-table schema (../shared/perf/pg/n1000/schema.ts)
// with a small stand-in for the drizzle-orm/pg-core natives (column builders with chain
// methods on shared prototypes, pgTable calling its extra-config callback, index().on(),
// sql``). The budget for parse + evaluate + snapshot is 30 ms; this checks parse + evaluate
// stays well inside it (loosely, so a loaded machine does not fail the test).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "eval_test_util.h"
#include "ts/parser.h"

namespace dp::ts {
namespace {

struct MockColumn : HostData {
  std::string name;
  std::string type;
  bool not_null = false;
  bool primary = false;
  Value default_value;
};

// A minimal pg-core: enough surface for the perf schema, with realistic per-call work.
Object* MakeMockPgCore(Interp& interp) {
  Object* ns = interp.NewObject();
  Object* column_proto = interp.NewObject();
  auto self = [](CallContext& ctx) -> MockColumn* {
    return static_cast<MockColumn*>(ctx.this_value.AsObject()->host.get());
  };
  auto chain = [&](const char* name, std::function<void(MockColumn*, CallContext&)> apply) {
    column_proto->props.Set(name, Value::Obj(interp.NewFunction(name, [self, apply](CallContext& ctx) {
      apply(self(ctx), ctx);
      return ctx.this_value;
    })));
  };
  chain("primaryKey", [](MockColumn* c, CallContext&) { c->primary = true; });
  chain("notNull", [](MockColumn* c, CallContext&) { c->not_null = true; });
  chain("default", [](MockColumn* c, CallContext& ctx) { c->default_value = ctx.Arg(0); });
  chain("defaultNow", [](MockColumn* c, CallContext& ctx) { c->default_value = ctx.interp.Str("now()"); });
  chain("defaultRandom", [](MockColumn* c, CallContext& ctx) { c->default_value = ctx.interp.Str("gen_random_uuid()"); });
  chain("references", [](MockColumn*, CallContext& ctx) {
    if (!ctx.interp.IsCallable(ctx.Arg(0))) ctx.interp.ThrowTypeError("references() needs a function");
  });
  auto column = [&](const char* type) {
    std::string t = type;
    ns->props.Set(type, Value::Obj(interp.NewFunction(type, [t, column_proto](CallContext& ctx) {
      auto data = std::make_shared<MockColumn>();
      data->name = ctx.interp.ToString(ctx.Arg(0));
      data->type = t;
      return Value::Obj(ctx.interp.NewHost(column_proto, std::move(data)));
    })));
  };
  for (const char* type : {"serial", "uuid", "text", "varchar", "integer", "boolean", "timestamp", "jsonb"}) column(type);
  ns->props.Set("pgEnum", Value::Obj(interp.NewFunction("pgEnum", [column_proto](CallContext& ctx) {
    std::string enum_name = ctx.interp.ToString(ctx.Arg(0));
    return Value::Obj(ctx.interp.NewFunction(enum_name, [enum_name, column_proto](CallContext& c) {
      auto data = std::make_shared<MockColumn>();
      data->name = c.interp.ToString(c.Arg(0));
      data->type = enum_name;
      return Value::Obj(c.interp.NewHost(column_proto, std::move(data)));
    }));
  })));
  Object* index_proto = interp.NewObject();
  index_proto->props.Set("on", Value::Obj(interp.NewFunction("on", [](CallContext& ctx) {
    for (Value v : ctx.args) {
      if (!v.IsObject() || v.AsObject()->cls != ObjectClass::Host) ctx.interp.ThrowTypeError("on() needs columns");
    }
    return ctx.this_value;
  })));
  for (const char* name : {"index", "uniqueIndex"}) {
    ns->props.Set(name, Value::Obj(interp.NewFunction(name, [index_proto](CallContext& ctx) {
      return Value::Obj(ctx.interp.NewHost(index_proto, std::make_shared<MockColumn>()));
    })));
  }
  ns->props.Set("check", Value::Obj(interp.NewFunction("check", [](CallContext& ctx) {
    return Value::Obj(ctx.interp.NewHost(ctx.interp.ObjectPrototype(), std::make_shared<MockColumn>()));
  })));
  ns->props.Set("pgTable", Value::Obj(interp.NewFunction("pgTable", [](CallContext& ctx) {
    Object* table = ctx.interp.NewObject();
    Value columns = ctx.Arg(1);
    for (const std::string& key : ctx.interp.OwnKeys(columns.AsObject())) {
      table->props.Set(key, ctx.interp.Get(columns, key));
    }
    if (ctx.interp.IsCallable(ctx.Arg(2))) {
      Value arg[1] = {Value::Obj(table)};
      Value extra = ctx.interp.Call(ctx.Arg(2), Value(), arg);
      if (!ctx.interp.IsArray(extra)) ctx.interp.ThrowTypeError("extra config must be an array");
    }
    return Value::Obj(table);
  })));
  return ns;
}

Object* MakeMockDrizzleOrm(Interp& interp) {
  Object* ns = interp.NewObject();
  ns->props.Set("sql", Value::Obj(interp.NewFunction("sql", [](CallContext& ctx) {
    Object* chunk = ctx.interp.NewObject();
    chunk->props.Set("strings", ctx.Arg(0));
    return Value::Obj(chunk);
  })));
  return ns;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(EvalPerfTest, Schema1000Tables) {
  std::filesystem::path path = std::filesystem::path(DP_SHARED_DIR) / "perf/pg/n1000/schema.ts";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  std::string text = ReadFile(path);
  double best_ms = 1e9;
  size_t exports = 0;
  for (int run = 0; run < 3; ++run) {
    testing::EvalHarness h;
    h.AddFile("/p/schema.ts", text);
    h.runtime().RegisterBuiltinModule("drizzle-orm/pg-core", MakeMockPgCore);
    h.runtime().RegisterBuiltinModule("drizzle-orm", MakeMockDrizzleOrm);
    auto start = std::chrono::steady_clock::now();
    Object* ns = h.runtime().ImportFile("/p/schema.ts");
    auto end = std::chrono::steady_clock::now();
    ASSERT_NE(ns, nullptr) << h.runtime().RenderDiagnostics();
    exports = ns->props.size();
    best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(end - start).count());
  }
  EXPECT_EQ(exports, 1001u);
  double parse_ms = 1e9;
  for (int run = 0; run < 3; ++run) {
    base::SourceManager sources;
    base::FileId file = sources.Add("schema.ts", text);
    base::DiagSink diags;
    auto start = std::chrono::steady_clock::now();
    std::optional<Ast> ast = ParseModule(sources, file, diags);
    auto end = std::chrono::steady_clock::now();
    ASSERT_TRUE(ast.has_value());
    parse_ms = std::min(parse_ms, std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::printf("[perf] n1000 schema.ts parse+evaluate: %.2f ms (parse alone %.2f ms; best of 3)\n", best_ms, parse_ms);
#ifdef NDEBUG
  EXPECT_LT(best_ms, 60.0);
#endif
}

}  // namespace
}  // namespace dp::ts
