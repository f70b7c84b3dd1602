// Runtime: wires the evaluator, module loader, file system and diagnostics together.
#include "ts/runtime.h"

#include <cmath>
#include <cstdlib>

#include "ts/eval.h"
#include "ts/modules.h"

namespace dp::ts {

namespace {

// DP_FIXED_NOW: milliseconds since the epoch, or an ISO date understood by Date.parse.
double FixedNowFromEnvironment(Evaluator* parser_for_dates) {
  const char* text = std::getenv("DP_FIXED_NOW");
  if (text == nullptr || *text == '\0') return -1;
  char* end = nullptr;
  double ms = std::strtod(text, &end);
  if (end != nullptr && *end == '\0') return ms;
  if (parser_for_dates == nullptr) return -1;
  Value date_ctor = parser_for_dates->Get(Value::Obj(parser_for_dates->global_object()), "Date");
  Value parse = parser_for_dates->Get(date_ctor, "parse");
  Value arg[1] = {parser_for_dates->Str(text)};
  double parsed = parser_for_dates->ToNumber(parser_for_dates->Call(parse, date_ctor, arg));
  return std::isnan(parsed) ? -1 : parsed;
}

}  // namespace

Runtime::Runtime(RuntimeOptions options) : options_(std::move(options)) {
  if (options_.vfs != nullptr) {
    vfs_ = options_.vfs;
  } else {
    owned_vfs_ = std::make_unique<RealVfs>();
    vfs_ = owned_vfs_.get();
  }
  cwd_ = options_.cwd.empty() ? vfs_->Cwd() : ResolvePath(vfs_->Cwd(), options_.cwd);
  EvalOptions eval_options;
  eval_options.limits = options_.limits;
  eval_options.max_string_bytes = options_.max_string_bytes;
  eval_options.max_array_length = options_.max_array_length;
  eval_options.max_heap_bytes = options_.max_heap_bytes;
  eval_options.console = options_.console;
  eval_options.fixed_now_ms = options_.fixed_now_ms;
  evaluator_ = std::make_unique<Evaluator>(sources_, eval_options);
  if (options_.fixed_now_ms < 0) {
    double fixed = FixedNowFromEnvironment(evaluator_.get());
    if (fixed >= 0) evaluator_->SetFixedNow(fixed);
  }
  loader_ = std::make_unique<ModuleLoader>(*this, *evaluator_);
  InstallNodeModules();
}

Runtime::~Runtime() = default;

Interp& Runtime::interp() { return *evaluator_; }

Heap& Runtime::heap() { return evaluator_->heap(); }

void Runtime::RegisterBuiltinModule(std::string name, BuiltinModuleFactory factory) {
  loader_->Register(std::move(name), std::move(factory));
}

bool Runtime::Run(const std::function<void()>& fn) {
  try {
    Evaluator::EntryGuard entry(*evaluator_);
    fn();
    return true;
  } catch (const ScriptException& ex) {
    diags_.Add(evaluator_->DiagFromException(ex));
  } catch (const EvalAbort& abort) {
    diags_.Add(abort.diag);
  } catch (const std::exception& e) {
    // A bug in host code or the evaluator: report it instead of terminating.
    diags_.Error(base::DiagKind::EvalError, evaluator_->CurrentCallSpan(), std::string("internal error: ") + e.what());
  }
  return false;
}

std::optional<Value> Runtime::Call(Value function, Value this_value, std::span<const Value> args) {
  Value result;
  if (!Run([&] { result = evaluator_->Call(function, this_value, args); })) return std::nullopt;
  return result;
}

Object* Runtime::ImportSource(std::string path, std::string text) {
  std::string absolute = ResolvePath(cwd_, path);
  Object* ns = nullptr;
  bool ok = Run([&] {
    ModuleRecord* m = loader_->LoadFile(absolute, std::move(text));
    if (m->status == ModuleRecord::Status::Failed) return;
    if (m->kind == ModuleRecord::Kind::Esm && !loader_->Link(m)) return;
    if (!loader_->Evaluate(m)) return;
    loader_->RefreshNamespaces();
    ns = loader_->Namespace(m);
  });
  return ok ? ns : nullptr;
}

Object* Runtime::ImportFile(std::string path) {
  std::string absolute = ResolvePath(cwd_, path);
  base::Result<std::string> real = vfs_->RealPath(absolute);
  if (!real) {
    diags_.Error(base::DiagKind::ModuleReadFailed, {}, "cannot read " + path + ": no such file");
    return nullptr;
  }
  Object* ns = nullptr;
  bool ok = Run([&] {
    ModuleRecord* m = loader_->LoadFile(*real);
    if (m->status == ModuleRecord::Status::Failed) return;
    if (m->kind == ModuleRecord::Kind::Esm && !loader_->Link(m)) return;
    if (!loader_->Evaluate(m)) return;
    loader_->RefreshNamespaces();
    ns = loader_->Namespace(m);
  });
  return ok ? ns : nullptr;
}

std::map<std::string, std::string> Runtime::Env() {
  std::map<std::string, std::string> env;
  for (const ts::Property& p : process_env_->props.raw()) {
    if (p.value.IsString()) {
      env[p.key] = p.value.AsString();
    } else if (!p.value.IsUndefined()) {
      env[p.key] = evaluator_->Inspect(p.value, true);
    }
  }
  return env;
}

std::vector<std::string> Runtime::LoadedFiles() const { return loader_->Files(); }

std::string Runtime::Inspect(Value v) { return evaluator_->Inspect(v); }

}  // namespace dp::ts
