// for-of iteration: arrays, strings (by code point), Map entries, Set values, the
// evaluator's own iterator objects, and script objects with a [Symbol.iterator]() method.
#include "ts/builtins/unicode.h"
#include "ts/eval.h"

namespace dp::ts {

ValueIterator::ValueIterator(Evaluator& ev, Value iterable, base::Span span) : ev_(ev), span_(span) {
  if (iterable.IsString()) {
    kind_ = Kind::String;
    string_ = &iterable.AsString();
    return;
  }
  if (!iterable.IsObject()) {
    ev.ThrowTypeError(ev.Describe(iterable) + " is not iterable", base::DiagKind::EvalError, span);
  }
  object_ = iterable.AsObject();
  switch (object_->cls) {
    case ObjectClass::Array: kind_ = Kind::Array; return;
    case ObjectClass::Map: kind_ = Kind::MapEntries; return;
    case ObjectClass::Set: kind_ = Kind::SetValues; return;
    case ObjectClass::Opaque: ev.ThrowOpaque(object_, "as an iterable");
    default: break;
  }
  if (auto* state = dynamic_cast<IteratorState*>(object_->host.get())) {
    kind_ = Kind::List;
    list_ = state;
    return;
  }
  Value method = ev.Get(iterable, "@@iterator");
  if (!ev.IsCallable(method)) {
    ev.ThrowTypeError(ev.Describe(iterable) + " is not iterable", base::DiagKind::EvalError, span);
  }
  iterator_ = ev.CallFunction(method.AsObject(), iterable, {}, span, nullptr);
  if (iterator_.IsObject()) {
    if (auto* state = dynamic_cast<IteratorState*>(iterator_.AsObject()->host.get())) {
      kind_ = Kind::List;
      list_ = state;
      return;
    }
  }
  next_ = ev.Get(iterator_, "next");
  kind_ = Kind::Protocol;
}

bool ValueIterator::Next(Value* out) {
  switch (kind_) {
    case Kind::Array:
      if (index_ >= object_->elements.size()) return false;
      *out = object_->elements[index_++];
      return true;
    case Kind::String: {
      if (index_ >= string_->size()) return false;
      size_t start = index_;
      DecodeUtf8(*string_, index_);
      *out = ev_.Str(std::string_view(*string_).substr(start, index_ - start));
      return true;
    }
    case Kind::MapEntries:
      if (index_ >= object_->entries.size()) return false;
      *out = Value::Obj(ev_.NewArray({object_->entries[index_].first, object_->entries[index_].second}));
      ++index_;
      return true;
    case Kind::SetValues:
      if (index_ >= object_->entries.size()) return false;
      *out = object_->entries[index_++].first;
      return true;
    case Kind::List:
      if (list_->index >= list_->items.size()) return false;
      *out = list_->items[list_->index++];
      return true;
    case Kind::Protocol: {
      if (!ev_.IsCallable(next_)) ev_.ThrowTypeError("iterator.next is not a function", base::DiagKind::EvalError, span_);
      Value result = ev_.CallFunction(next_.AsObject(), iterator_, {}, span_, nullptr);
      if (!result.IsObject()) ev_.ThrowTypeError("iterator result is not an object", base::DiagKind::EvalError, span_);
      if (ev_.Truthy(ev_.Get(result, "done"))) return false;
      *out = ev_.Get(result, "value");
      return true;
    }
  }
  return false;
}

std::vector<Value> Evaluator::IterateToVector(Value iterable) {
  std::vector<Value> out;
  ValueIterator it(*this, iterable, current_span_);
  Value v;
  while (it.Next(&v)) {
    out.push_back(v);
    CheckArrayLength(out.size());
  }
  return out;
}

Object* Evaluator::NewIterator(std::vector<Value> items) {
  Object* it = heap_.NewObject(ObjectClass::Plain, iterator_proto_);
  auto state = std::make_shared<IteratorState>();
  state->items = std::move(items);
  it->host = std::move(state);
  return it;
}

}  // namespace dp::ts
