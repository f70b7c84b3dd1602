// DumpAst, the debug printer for golden tests: an S-expression per statement, wrapped at 100
// columns. The format is stable; changing it means regenerating the goldens (UPDATE_GOLDEN=1).
//
// Expression heads: (num 1) (bigint 1) (str "a") (template "a" e "b") (tagged tag tpl)
// (regexp "p" "f") (id x) this (array ...) (object (prop k v) (shorthand k) (method k fn)
// (get k fn) (set k fn) (spread x)) (function ...) (class ...) (! x) (++x) (x++) (+ a b)
// (&& a b) (= target value) (+= t v) (? test yes no) (call f args) (new F args)
// (. obj name) ([] obj key) (seq ...) (spread x) (await x) (yield x).
// Optional chains: `?.` links print as (call?. ...), (?. obj name), (?.[] obj key); links
// after a `?.` in the same chain get a `~` suffix on their head: (.~ obj name), (call~ f).
#include <fmt/format.h>

#include "ts/lexer.h"
#include "ts/parser.h"

namespace dp::ts {

namespace {

struct Node {
  std::string head;
  std::vector<Node> kids;
  bool atom = false;
};

Node Atom(std::string text) { return Node{std::move(text), {}, true}; }

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += fmt::format("\\x{:02x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string Name(const std::string& name) { return IsIdentifierName(name) ? name : Quote(name); }

const char* BinaryText(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Exp: return "**";
    case BinaryOp::Eq: return "==";
    case BinaryOp::NotEq: return "!=";
    case BinaryOp::StrictEq: return "===";
    case BinaryOp::StrictNotEq: return "!==";
    case BinaryOp::Lt: return "<";
    case BinaryOp::LtEq: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::GtEq: return ">=";
    case BinaryOp::Shl: return "<<";
    case BinaryOp::Shr: return ">>";
    case BinaryOp::UShr: return ">>>";
    case BinaryOp::BitAnd: return "&";
    case BinaryOp::BitOr: return "|";
    case BinaryOp::BitXor: return "^";
    case BinaryOp::In: return "in";
    case BinaryOp::Instanceof: return "instanceof";
  }
  return "?";
}

const char* LogicalText(LogicalOp op) {
  switch (op) {
    case LogicalOp::And: return "&&";
    case LogicalOp::Or: return "||";
    case LogicalOp::Nullish: return "??";
  }
  return "?";
}

const char* UnaryText(UnaryOp op) {
  switch (op) {
    case UnaryOp::Not: return "!";
    case UnaryOp::Minus: return "-";
    case UnaryOp::Plus: return "+";
    case UnaryOp::BitNot: return "~";
    case UnaryOp::Typeof: return "typeof";
    case UnaryOp::Void: return "void";
    case UnaryOp::Delete: return "delete";
  }
  return "?";
}

const char* VarKindText(VarKind k) {
  switch (k) {
    case VarKind::Const: return "const";
    case VarKind::Let: return "let";
    case VarKind::Var: return "var";
  }
  return "?";
}

class Dumper {
 public:
  explicit Dumper(bool spans) : spans_(spans) {}

  Node Make(std::string head, Span span) {
    if (spans_) head += fmt::format("@{}+{}", span.begin.offset, span.length);
    return Node{std::move(head), {}, false};
  }

  Node KeyNode(const std::string& key, const Expr* computed) {
    if (computed != nullptr) {
      Node n = Node{"[]", {}, false};
      n.kids.push_back(E(computed));
      return n;
    }
    return Atom(Name(key));
  }

  Node E(const Expr* e) {
    if (e == nullptr) return Atom("_");
    switch (e->kind) {
      case ExprKind::Number: {
        Node n = Make("num", e->span);
        n.kids.push_back(Atom(NumberToJsString(static_cast<const NumberExpr*>(e)->value)));
        return n;
      }
      case ExprKind::BigInt: {
        Node n = Make("bigint", e->span);
        n.kids.push_back(Atom(static_cast<const BigIntExpr*>(e)->digits));
        return n;
      }
      case ExprKind::String: {
        Node n = Make("str", e->span);
        n.kids.push_back(Atom(Quote(static_cast<const StringExpr*>(e)->value)));
        return n;
      }
      case ExprKind::Template: return Template(static_cast<const TemplateExpr*>(e));
      case ExprKind::TaggedTemplate: {
        auto* t = static_cast<const TaggedTemplateExpr*>(e);
        Node n = Make("tagged", e->span);
        n.kids.push_back(E(t->tag));
        n.kids.push_back(Template(t->quasi));
        return n;
      }
      case ExprKind::RegExp: {
        auto* r = static_cast<const RegExpExpr*>(e);
        Node n = Make("regexp", e->span);
        n.kids.push_back(Atom(Quote(r->pattern)));
        n.kids.push_back(Atom(Quote(r->flags)));
        return n;
      }
      case ExprKind::Identifier: {
        Node n = Make("id", e->span);
        n.kids.push_back(Atom(Name(static_cast<const IdentifierExpr*>(e)->name)));
        return n;
      }
      case ExprKind::This: return spans_ ? Make("this", e->span) : Atom("this");
      case ExprKind::Array: {
        Node n = Make("array", e->span);
        for (const Expr* el : static_cast<const ArrayExpr*>(e)->elements) n.kids.push_back(el ? E(el) : Atom("hole"));
        return n;
      }
      case ExprKind::Object: {
        Node n = Make("object", e->span);
        for (const ObjectProperty& p : static_cast<const ObjectExpr*>(e)->properties) n.kids.push_back(Prop(p));
        return n;
      }
      case ExprKind::Function: return Function(static_cast<const FunctionExpr*>(e)->function);
      case ExprKind::Class: return Class(static_cast<const ClassExpr*>(e));
      case ExprKind::Unary: {
        auto* u = static_cast<const UnaryExpr*>(e);
        Node n = Make(UnaryText(u->op), e->span);
        n.kids.push_back(E(u->operand));
        return n;
      }
      case ExprKind::Update: {
        auto* u = static_cast<const UpdateExpr*>(e);
        std::string op = u->increment ? "++" : "--";
        Node n = Make(u->prefix ? op + "x" : "x" + op, e->span);
        n.kids.push_back(E(u->target));
        return n;
      }
      case ExprKind::Binary: {
        auto* b = static_cast<const BinaryExpr*>(e);
        Node n = Make(BinaryText(b->op), e->span);
        n.kids.push_back(E(b->left));
        n.kids.push_back(E(b->right));
        return n;
      }
      case ExprKind::Logical: {
        auto* l = static_cast<const LogicalExpr*>(e);
        Node n = Make(LogicalText(l->op), e->span);
        n.kids.push_back(E(l->left));
        n.kids.push_back(E(l->right));
        return n;
      }
      case ExprKind::Assign: {
        auto* a = static_cast<const AssignExpr*>(e);
        std::string op = a->binary_op ? std::string(BinaryText(*a->binary_op)) + "="
                         : a->logical_op ? std::string(LogicalText(*a->logical_op)) + "="
                                         : "=";
        Node n = Make(op, e->span);
        n.kids.push_back(P(a->target));
        n.kids.push_back(E(a->value));
        return n;
      }
      case ExprKind::Conditional: {
        auto* c = static_cast<const ConditionalExpr*>(e);
        Node n = Make("?", e->span);
        n.kids.push_back(E(c->test));
        n.kids.push_back(E(c->consequent));
        n.kids.push_back(E(c->alternate));
        return n;
      }
      case ExprKind::Call: {
        auto* c = static_cast<const CallExpr*>(e);
        Node n = Make(std::string("call") + (c->optional ? "?." : "") + (c->in_optional_chain ? "~" : ""), e->span);
        n.kids.push_back(E(c->callee));
        for (const Expr* a : c->arguments) n.kids.push_back(E(a));
        return n;
      }
      case ExprKind::New: {
        auto* c = static_cast<const NewExpr*>(e);
        Node n = Make("new", e->span);
        n.kids.push_back(E(c->callee));
        for (const Expr* a : c->arguments) n.kids.push_back(E(a));
        return n;
      }
      case ExprKind::Member: {
        auto* m = static_cast<const MemberExpr*>(e);
        std::string head = m->computed ? (m->optional ? "?.[]" : "[]") : (m->optional ? "?." : ".");
        if (m->in_optional_chain) head += "~";
        Node n = Make(head, e->span);
        n.kids.push_back(E(m->object));
        n.kids.push_back(m->computed ? E(m->computed) : Atom(Name(m->property)));
        return n;
      }
      case ExprKind::Sequence: {
        Node n = Make("seq", e->span);
        for (const Expr* x : static_cast<const SequenceExpr*>(e)->exprs) n.kids.push_back(E(x));
        return n;
      }
      case ExprKind::Spread: {
        Node n = Make("spread", e->span);
        n.kids.push_back(E(static_cast<const SpreadExpr*>(e)->argument));
        return n;
      }
      case ExprKind::Await: {
        Node n = Make("await", e->span);
        n.kids.push_back(E(static_cast<const AwaitExpr*>(e)->argument));
        return n;
      }
      case ExprKind::Yield: {
        auto* y = static_cast<const YieldExpr*>(e);
        Node n = Make(y->delegate ? "yield*" : "yield", e->span);
        if (y->argument) n.kids.push_back(E(y->argument));
        return n;
      }
    }
    return Atom("?");
  }

  Node Template(const TemplateExpr* t) {
    Node n = Make("template", t->span);
    for (size_t i = 0; i < t->cooked.size(); ++i) {
      bool invalid = i < t->cooked_invalid.size() && t->cooked_invalid[i];
      std::string quasi = invalid ? "undefined" : Quote(t->cooked[i]);
      if (invalid || t->raw[i] != t->cooked[i]) quasi += ":raw" + Quote(t->raw[i]);
      n.kids.push_back(Atom(quasi));
      if (i < t->exprs.size()) n.kids.push_back(E(t->exprs[i]));
    }
    return n;
  }

  Node Prop(const ObjectProperty& p) {
    static const char* const kHeads[] = {"prop", "shorthand", "method", "get", "set", "spread"};
    Node n = Make(kHeads[static_cast<int>(p.kind)], p.span);
    if (p.kind == PropertyKind::Spread) {
      n.kids.push_back(E(p.value));
      return n;
    }
    n.kids.push_back(KeyNode(p.key, p.computed_key));
    if (p.kind == PropertyKind::Shorthand) {
      if (p.value->kind == ExprKind::Assign) n.kids.push_back(E(static_cast<const AssignExpr*>(p.value)->value));
      return n;
    }
    n.kids.push_back(E(p.value));
    return n;
  }

  Node Function(const FunctionNode* f) {
    std::string head = f->is_arrow ? "arrow" : "function";
    if (f->is_async) head += " async";
    if (f->is_generator) head += " generator";
    Node n = Make(head, f->span);
    if (!f->name.empty()) n.kids.push_back(Atom(Name(f->name)));
    Node params{"params", {}, false};
    for (const Param& p : f->params) {
      Node param = P(p.pattern);
      if (p.is_rest) {
        Node rest{"...", {}, false};
        rest.kids.push_back(std::move(param));
        param = std::move(rest);
      }
      if (p.default_value) {
        Node def{"=", {}, false};
        def.kids.push_back(std::move(param));
        def.kids.push_back(E(p.default_value));
        param = std::move(def);
      }
      params.kids.push_back(std::move(param));
    }
    n.kids.push_back(std::move(params));
    if (f->expression_body) {
      n.kids.push_back(E(f->expression_body));
    } else {
      Node body{"body", {}, false};
      for (const Stmt* s : f->body) body.kids.push_back(S(s));
      n.kids.push_back(std::move(body));
    }
    return n;
  }

  Node Class(const ClassExpr* c) {
    Node n = Make("class", c->span);
    if (!c->name.empty()) n.kids.push_back(Atom(Name(c->name)));
    if (c->super_class) {
      Node ext{"extends", {}, false};
      ext.kids.push_back(E(c->super_class));
      n.kids.push_back(std::move(ext));
    }
    if (c->constructor) {
      Node ctor{"constructor", {}, false};
      ctor.kids.push_back(Function(c->constructor));
      n.kids.push_back(std::move(ctor));
    }
    for (const ClassMember& m : c->members) {
      std::string head = m.is_method ? (m.accessor == PropertyKind::Getter   ? "get"
                                        : m.accessor == PropertyKind::Setter ? "set"
                                                                             : "method")
                                     : "field";
      if (m.is_static) head = "static " + head;
      Node member = Make(head, m.span);
      member.kids.push_back(KeyNode(m.key, m.computed_key));
      if (m.value) member.kids.push_back(E(m.value));
      n.kids.push_back(std::move(member));
    }
    return n;
  }

  Node P(const Pattern* p) {
    if (p == nullptr) return Atom("hole");
    switch (p->kind) {
      case PatternKind::Identifier:
        return Atom(spans_ ? fmt::format("{}@{}+{}", Name(p->name), p->span.begin.offset, p->span.length)
                           : Name(p->name));
      case PatternKind::Member: {
        Node n = Make("target", p->span);
        n.kids.push_back(E(p->member));
        return n;
      }
      case PatternKind::Object: {
        Node n = Make("opat", p->span);
        for (const ObjectPatternProperty& prop : p->properties) {
          Node entry{"", {}, false};
          entry.head = "pp";
          entry.kids.push_back(KeyNode(prop.key, prop.computed_key));
          entry.kids.push_back(P(prop.value));
          if (prop.default_value) entry.kids.push_back(E(prop.default_value));
          n.kids.push_back(std::move(entry));
        }
        if (p->rest) {
          Node rest{"...", {}, false};
          rest.kids.push_back(P(p->rest));
          n.kids.push_back(std::move(rest));
        }
        return n;
      }
      case PatternKind::Array: {
        Node n = Make("apat", p->span);
        for (size_t i = 0; i < p->elements.size(); ++i) {
          const Expr* def = i < p->element_defaults.size() ? p->element_defaults[i] : nullptr;
          if (def) {
            Node d{"=", {}, false};
            d.kids.push_back(P(p->elements[i]));
            d.kids.push_back(E(def));
            n.kids.push_back(std::move(d));
          } else {
            n.kids.push_back(P(p->elements[i]));
          }
        }
        if (p->rest) {
          Node rest{"...", {}, false};
          rest.kids.push_back(P(p->rest));
          n.kids.push_back(std::move(rest));
        }
        return n;
      }
    }
    return Atom("?");
  }

  Node Block(const char* head, Span span, const std::vector<Stmt*>& body) {
    Node n = Make(head, span);
    for (const Stmt* s : body) n.kids.push_back(S(s));
    return n;
  }

  Node S(const Stmt* s) {
    if (s == nullptr) return Atom("_");
    switch (s->kind) {
      case StmtKind::Expression: {
        Node n = Make("expr", s->span);
        n.kids.push_back(E(static_cast<const ExpressionStmt*>(s)->expr));
        return n;
      }
      case StmtKind::VarDecl: {
        auto* v = static_cast<const VarDeclStmt*>(s);
        Node n = Make(VarKindText(v->var_kind), s->span);
        for (const VarDeclarator& d : v->declarators) {
          Node decl{"decl", {}, false};
          decl.kids.push_back(P(d.target));
          if (d.init) decl.kids.push_back(E(d.init));
          n.kids.push_back(std::move(decl));
        }
        return n;
      }
      case StmtKind::Function: return Function(static_cast<const FunctionDeclStmt*>(s)->function);
      case StmtKind::Class: return Class(static_cast<const ClassDeclStmt*>(s)->cls);
      case StmtKind::Enum: {
        auto* en = static_cast<const EnumDeclStmt*>(s);
        Node n = Make("enum", s->span);
        n.kids.push_back(Atom(Name(en->name)));
        for (const EnumMember& m : en->members) {
          Node member{Name(m.name), {}, false};
          if (m.init) member.kids.push_back(E(m.init));
          n.kids.push_back(m.init ? std::move(member) : Atom(Name(m.name)));
        }
        return n;
      }
      case StmtKind::Return: {
        Node n = Make("return", s->span);
        if (auto* a = static_cast<const ReturnStmt*>(s)->argument) n.kids.push_back(E(a));
        return n;
      }
      case StmtKind::If: {
        auto* i = static_cast<const IfStmt*>(s);
        Node n = Make("if", s->span);
        n.kids.push_back(E(i->test));
        n.kids.push_back(S(i->consequent));
        if (i->alternate) n.kids.push_back(S(i->alternate));
        return n;
      }
      case StmtKind::Block: return Block("block", s->span, static_cast<const BlockStmt*>(s)->body);
      case StmtKind::For: {
        auto* f = static_cast<const ForStmt*>(s);
        Node n = Make("for", s->span);
        n.kids.push_back(S(f->init));
        n.kids.push_back(E(f->test));
        n.kids.push_back(E(f->update));
        n.kids.push_back(S(f->body));
        return n;
      }
      case StmtKind::ForOf:
      case StmtKind::ForIn: {
        auto* f = static_cast<const ForInOfStmt*>(s);
        Node n = Make(s->kind == StmtKind::ForOf ? "for-of" : "for-in", s->span);
        if (f->declaration) n.kids.push_back(Atom(VarKindText(*f->declaration)));
        n.kids.push_back(P(f->target));
        n.kids.push_back(E(f->iterable));
        n.kids.push_back(S(f->body));
        return n;
      }
      case StmtKind::While:
      case StmtKind::DoWhile: {
        auto* w = static_cast<const WhileStmt*>(s);
        Node n = Make(s->kind == StmtKind::While ? "while" : "do-while", s->span);
        n.kids.push_back(E(w->test));
        n.kids.push_back(S(w->body));
        return n;
      }
      case StmtKind::Break:
      case StmtKind::Continue: {
        Node n = Make(s->kind == StmtKind::Break ? "break" : "continue", s->span);
        const std::string& label = static_cast<const JumpStmt*>(s)->label;
        if (!label.empty()) n.kids.push_back(Atom(label));
        return n;
      }
      case StmtKind::Throw: {
        Node n = Make("throw", s->span);
        n.kids.push_back(E(static_cast<const ThrowStmt*>(s)->argument));
        return n;
      }
      case StmtKind::Try: {
        auto* t = static_cast<const TryStmt*>(s);
        Node n = Make("try", s->span);
        n.kids.push_back(S(t->block));
        if (t->handler) {
          Node c{"catch", {}, false};
          c.kids.push_back(t->catch_param ? P(t->catch_param) : Atom("_"));
          c.kids.push_back(S(t->handler));
          n.kids.push_back(std::move(c));
        }
        if (t->finalizer) {
          Node f{"finally", {}, false};
          f.kids.push_back(S(t->finalizer));
          n.kids.push_back(std::move(f));
        }
        return n;
      }
      case StmtKind::Switch: {
        auto* sw = static_cast<const SwitchStmt*>(s);
        Node n = Make("switch", s->span);
        n.kids.push_back(E(sw->discriminant));
        for (const SwitchCase& c : sw->cases) {
          Node cn{c.test ? "case" : "default", {}, false};
          if (c.test) cn.kids.push_back(E(c.test));
          for (const Stmt* b : c.body) cn.kids.push_back(S(b));
          n.kids.push_back(std::move(cn));
        }
        return n;
      }
      case StmtKind::Labeled: {
        auto* l = static_cast<const LabeledStmt*>(s);
        Node n = Make("label", s->span);
        n.kids.push_back(Atom(l->label));
        n.kids.push_back(S(l->body));
        return n;
      }
      case StmtKind::Empty: return Make("empty", s->span);
      case StmtKind::Import: {
        auto* i = static_cast<const ImportStmt*>(s);
        Node n = Make("import", s->span);
        n.kids.push_back(Atom(Quote(i->source)));
        if (!i->default_local.empty()) n.kids.push_back(Node{"default", {Atom(i->default_local)}, false});
        if (!i->namespace_local.empty()) n.kids.push_back(Node{"*", {Atom(i->namespace_local)}, false});
        for (const ImportSpecifier& sp : i->specifiers) {
          n.kids.push_back(sp.imported == sp.local ? Atom(Name(sp.local))
                                                   : Node{"as", {Atom(Name(sp.imported)), Atom(Name(sp.local))}, false});
        }
        return n;
      }
      case StmtKind::ExportNamed: {
        auto* x = static_cast<const ExportNamedStmt*>(s);
        Node n = Make("export", s->span);
        if (!x->namespace_export.empty()) n.kids.push_back(Node{"*", {Atom(Name(x->namespace_export))}, false});
        for (const ExportSpecifier& sp : x->specifiers) {
          n.kids.push_back(sp.local == sp.exported ? Atom(Name(sp.local))
                                                   : Node{"as", {Atom(Name(sp.local)), Atom(Name(sp.exported))}, false});
        }
        if (x->source) n.kids.push_back(Node{"from", {Atom(Quote(*x->source))}, false});
        return n;
      }
      case StmtKind::ExportAll: {
        Node n = Make("export-all", s->span);
        n.kids.push_back(Atom(Quote(static_cast<const ExportAllStmt*>(s)->source)));
        return n;
      }
      case StmtKind::ExportDefault: {
        auto* d = static_cast<const ExportDefaultStmt*>(s);
        Node n = Make("export-default", s->span);
        n.kids.push_back(d->decl ? S(d->decl) : E(d->expr));
        return n;
      }
      case StmtKind::ExportDecl: {
        Node n = Make("export-decl", s->span);
        n.kids.push_back(S(static_cast<const ExportDeclStmt*>(s)->decl));
        return n;
      }
    }
    return Atom("?");
  }

 private:
  bool spans_;
};

std::string Flat(const Node& n) {
  if (n.atom) return n.head;
  std::string out = "(" + n.head;
  for (const Node& k : n.kids) out += " " + Flat(k);
  return out + ")";
}

void Layout(const Node& n, size_t indent, std::string& out) {
  constexpr size_t kWidth = 100;
  std::string flat = Flat(n);
  if (n.atom || indent + flat.size() <= kWidth) {
    out += flat;
    return;
  }
  out += "(" + n.head;
  for (const Node& k : n.kids) {
    out += "\n" + std::string(indent + 2, ' ');
    Layout(k, indent + 2, out);
  }
  out += ")";
}

}  // namespace

std::string DumpAst(const Ast& ast, bool spans) {
  Dumper dumper(spans);
  std::string out;
  for (const Stmt* s : ast.body) {
    Layout(dumper.S(s), 0, out);
    out += "\n";
  }
  return out;
}

}  // namespace dp::ts
