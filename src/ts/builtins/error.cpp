// Error constructors (Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError,
// URIError) and Error.prototype.
#include "ts/builtins/builtins.h"

namespace dp::ts {

namespace {

Object* InstallErrorType(Evaluator& ev, const char* name, Object* proto) {
  auto make = [proto](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    std::string message = ctx.Arg(0).IsUndefined() ? "" : e.ToString(ctx.Arg(0));
    Object* error = e.MakeError(proto, message);
    if (ctx.Arg(1).IsObject()) {
      Object* options = ctx.Arg(1).AsObject();
      if (e.HasProperty(options, "cause")) e.SetHidden(error, "cause", e.Get(ctx.Arg(1), "cause"));
    }
    return Value::Obj(error);
  };
  Object* ctor = ev.DefineConstructor(ev.global_object(), name, proto, make, make, 1);
  ev.SetHidden(proto, "name", ev.Str(name));
  ev.SetHidden(proto, "message", ev.Str(""));
  return ctor;
}

}  // namespace

void InstallErrorBuiltins(Evaluator& ev) {
  Object* error = InstallErrorType(ev, "Error", ev.error_proto_);
  ev.DefineNative(error, "captureStackTrace", [](CallContext&) { return Value(); }, 2);
  Object* type_error = InstallErrorType(ev, "TypeError", ev.type_error_proto_);
  Object* range_error = InstallErrorType(ev, "RangeError", ev.range_error_proto_);
  Object* reference_error = InstallErrorType(ev, "ReferenceError", ev.reference_error_proto_);
  Object* syntax_error = InstallErrorType(ev, "SyntaxError", ev.syntax_error_proto_);
  Object* eval_error = InstallErrorType(ev, "EvalError", ev.heap().NewObject(ObjectClass::Plain, ev.error_proto_));
  Object* uri_error = InstallErrorType(ev, "URIError", ev.heap().NewObject(ObjectClass::Plain, ev.error_proto_));
  for (Object* sub : {type_error, range_error, reference_error, syntax_error, eval_error, uri_error}) sub->proto = error;
  ev.DefineNative(ev.error_proto_, "toString", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    if (!ctx.this_value.IsObject()) e.ThrowTypeError("Error.prototype.toString called on a non-object");
    Value name = e.Get(ctx.this_value, "name");
    Value message = e.Get(ctx.this_value, "message");
    std::string n = name.IsUndefined() ? "Error" : e.ToString(name);
    std::string m = message.IsUndefined() ? "" : e.ToString(message);
    if (n.empty()) return e.Str(m);
    if (m.empty()) return e.Str(n);
    return e.Str(n + ": " + m);
  });
}

}  // namespace dp::ts
