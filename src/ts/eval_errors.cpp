// Errors: JS exceptions raised by the evaluator and natives, opaque-value misuse, the step and
// depth limits, call-chain notes, and turning an uncaught exception into a diagnostic.
#include <fmt/format.h>

#include "ts/eval.h"

namespace dp::ts {

namespace {
constexpr size_t kMaxCallNotes = 8;
}

Evaluator::EntryGuard::EntryGuard(Evaluator& ev) : ev_(ev), outermost_(ev.entry_count_ == 0) {
  if (outermost_) {
    auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    ev.stack_limit_ = here > ev.options_.stack_budget_bytes ? here - ev.options_.stack_budget_bytes : 0;
  }
  ++ev.entry_count_;
}

Evaluator::EntryGuard::~EntryGuard() { --ev_.entry_count_; }

Object* Evaluator::MakeError(Object* proto, std::string message) {
  Object* error = heap_.NewObject(ObjectClass::Error, proto);
  SetHidden(error, "message", Str(message));
  std::string name = "Error";
  for (Object* p = proto; p != nullptr; p = p->proto) {
    if (const ts::Property* n = p->props.Find("name"); n != nullptr && n->value.IsString()) {
      name = n->value.AsString();
      break;
    }
  }
  SetHidden(error, "stack", Str(message.empty() ? name : name + ": " + message));
  return error;
}

void Evaluator::ThrowAt(Object* proto, std::string message, base::DiagKind kind, base::Span span) {
  throw ScriptException{Value::Obj(MakeError(proto, std::move(message))), kind, span};
}

void Evaluator::BindMissingImport(Binding& b, std::string name, std::string source, base::Span import_span) {
  b.flags = kBindMissing;
  b.import_env = nullptr;
  b.import_index = static_cast<uint32_t>(missing_imports_.size());
  missing_imports_.push_back({std::move(name), std::move(source), import_span});
}

void Evaluator::ThrowMissingImport(const Binding& b, base::Span span) {
  const MissingImport& missing = missing_imports_[b.import_index];
  Object* error =
      MakeError(syntax_error_proto_, fmt::format("'{}' is not exported by {}", missing.name, missing.source));
  std::string note = "imported here (imports used only as types are dropped, but this one is read at run time)";
  error_notes_.Insert(error, std::vector<base::DiagNote>{{missing.span, std::move(note)}});
  throw ScriptException{Value::Obj(error), base::DiagKind::ModuleNoExport, span};
}

void Evaluator::ThrowTypeError(std::string message, base::DiagKind kind, base::Span span) {
  if (span.begin.file == 0) span = current_call_span_;
  ThrowAt(type_error_proto_, std::move(message), kind, span);
}

void Evaluator::ThrowError(Object* proto, std::string message, base::DiagKind kind, base::Span span) {
  if (span.begin.file == 0) span = current_call_span_;
  ThrowAt(proto, std::move(message), kind, span);
}

void Evaluator::ThrowRangeError(std::string message) {
  ThrowAt(range_error_proto_, std::move(message), base::DiagKind::EvalError, current_span_);
}

void Evaluator::ThrowOpaque(const Object* opaque, std::string_view use) {
  const OpaqueOrigin& origin = *opaque->opaque;
  std::string message = "value from " + origin.description + " cannot be used here";
  if (!use.empty()) message += fmt::format(" (it is used {})", use);
  Object* error = MakeError(type_error_proto_, message);
  if (origin.span.begin.file != 0) {
    error_notes_.Insert(error, std::vector<base::DiagNote>{
                                   {origin.span, "packages other than drizzle-orm are not evaluated; their values are opaque"}});
  }
  throw ScriptException{Value::Obj(error), base::DiagKind::EvalOpaqueValue, current_span_};
}

std::string Evaluator::Location(base::Span span) {
  if (span.begin.file == 0 || span.begin.file >= sources_.size()) return "<host>";
  const base::SourceFile& file = sources_.Get(span.begin.file);
  base::LineCol pos = file.Position(span.begin.offset);
  return fmt::format("{}:{}:{}", file.path(), pos.line, pos.column);
}

std::vector<base::DiagNote> Evaluator::CaptureNotes() {
  std::vector<base::DiagNote> notes;
  size_t total = 0;
  for (Frame* f = frame_; f != nullptr; f = f->parent) {
    if (f->is_script) ++total;
  }
  for (Frame* f = frame_; f != nullptr; f = f->parent) {
    if (!f->is_script) continue;
    if (notes.size() == kMaxCallNotes && total > kMaxCallNotes + 1) {
      notes.push_back({{}, fmt::format("... and {} more calls", total - kMaxCallNotes)});
      break;
    }
    std::string what = f->callee->function_name->empty() ? "anonymous function"
                                                         : "`" + *f->callee->function_name + "()`";
    if (f->call_span.begin.file != 0) {
      notes.push_back({{}, fmt::format("in call to {} at {}", what, Location(f->call_span))});
    } else if (f->callee->function != nullptr && f->callee->function->span.begin.file != 0) {
      // Called from host code (e.g. a callback the dsl runs later): say where it is defined.
      notes.push_back({{}, fmt::format("in call to {} (defined at {})", what, Location(f->callee->function->span))});
    } else {
      notes.push_back({{}, fmt::format("in call to {}", what)});
    }
  }
  return notes;
}

void Evaluator::Abort(base::DiagKind kind, std::string message, base::Span span) {
  base::Diag diag;
  diag.kind = kind;
  diag.span = span.begin.file != 0 ? span : current_span_;
  diag.message = std::move(message);
  diag.notes = CaptureNotes();
  throw EvalAbort{std::move(diag)};
}

void Evaluator::StepLimitExceeded(base::Span span) {
  Abort(base::DiagKind::EvalStepLimit,
        fmt::format("evaluation exceeded the step limit ({} steps); is there an infinite loop?",
                    options_.limits.max_steps),
        span);
}

void Evaluator::StackExceeded(base::Span span) {
  stack_limit_ = 0;  // let the diagnostic be built without tripping again
  Abort(base::DiagKind::EvalDepthLimit, "expressions or calls are nested too deeply", span);
}

// Reads a property without running getters (for messages about thrown values).
static Value RawGet(Object* o, std::string_view key) {
  for (Object* p = o; p != nullptr; p = p->proto) {
    if (const ts::Property* prop = p->props.Find(key)) return prop->getter != nullptr ? Value() : prop->value;
  }
  return Value();
}

base::Diag Evaluator::DiagFromException(const ScriptException& ex) {
  base::Diag diag;
  diag.kind = ex.kind;
  diag.span = ex.span.begin.file != 0 ? ex.span : current_span_;
  Value v = ex.value;
  bool is_error = v.IsObject() && v.AsObject()->cls == ObjectClass::Error;
  if (ex.kind == base::DiagKind::EvalThrown) {
    if (is_error) {
      Value name = RawGet(v.AsObject(), "name");
      Value message = RawGet(v.AsObject(), "message");
      std::string text = name.IsString() ? name.AsString() : "Error";
      if (message.IsString() && !message.AsString().empty()) text += ": " + message.AsString();
      diag.message = "uncaught " + text;
    } else {
      diag.message = "uncaught exception: " + Inspect(v);
    }
  } else if (is_error) {
    Value message = RawGet(v.AsObject(), "message");
    diag.message = message.IsString() ? message.AsString() : "error";
  } else {
    diag.message = Inspect(v);
  }
  if (v.IsObject()) {
    if (std::vector<base::DiagNote>* notes = error_notes_.Find(v.AsObject())) diag.notes = *notes;
  }
  if (unwinding_) {
    for (base::DiagNote& n : pending_notes_) diag.notes.push_back(n);
  }
  unwinding_ = false;
  pending_notes_.clear();
  return diag;
}

}  // namespace dp::ts
