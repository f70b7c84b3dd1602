// The Node.js modules the runtime provides itself: `process` (also a global), `path`,
// `url` (fileURLToPath, pathToFileURL, URL), `dotenv` and `dotenv/config`, plus the global
// URL constructor. Other Node core modules are opaque.
#include <fmt/format.h>

#include "ts/builtins/builtins.h"
#include "ts/dotenv.h"
#include "ts/modules.h"
#include "ts/runtime.h"

namespace dp::ts {

namespace {

// A parsed absolute URL (WHATWG-ish: scheme://user:pass@host:port/path?query#hash).
struct UrlParts {
  std::string protocol, username, password, hostname, port, pathname, search, hash;
};

bool ParseUrl(const std::string& input, UrlParts* out) {
  std::string s = TrimJsWhitespace(input, true, true);
  size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = s[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
  }
  out->protocol = s.substr(0, colon + 1);
  for (char& c : out->protocol) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string rest = s.substr(colon + 1);
  size_t hash = rest.find('#');
  if (hash != std::string::npos) {
    out->hash = rest.substr(hash);
    rest.resize(hash);
  }
  size_t query = rest.find('?');
  if (query != std::string::npos) {
    out->search = rest.substr(query);
    rest.resize(query);
  }
  if (rest.rfind("//", 0) == 0) {
    rest = rest.substr(2);
    size_t slash = rest.find('/');
    std::string authority = slash == std::string::npos ? rest : rest.substr(0, slash);
    out->pathname = slash == std::string::npos ? "/" : rest.substr(slash);
    size_t at = authority.rfind('@');
    if (at != std::string::npos) {
      std::string userinfo = authority.substr(0, at);
      authority = authority.substr(at + 1);
      size_t c = userinfo.find(':');
      out->username = userinfo.substr(0, c);
      if (c != std::string::npos) out->password = userinfo.substr(c + 1);
    }
    size_t port_colon = authority.rfind(':');
    size_t bracket = authority.rfind(']');
    if (port_colon != std::string::npos && (bracket == std::string::npos || port_colon > bracket)) {
      out->port = authority.substr(port_colon + 1);
      authority.resize(port_colon);
    }
    out->hostname = authority;
    for (char& c : out->hostname) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const char* default_port = out->protocol == "http:" ? "80" : out->protocol == "https:" ? "443" : nullptr;
    if (default_port != nullptr && out->port == default_port) out->port.clear();
  } else {
    out->pathname = rest;
  }
  return true;
}

std::string UrlHref(const UrlParts& u) {
  std::string href = u.protocol;
  bool special = !u.hostname.empty() || u.protocol == "file:" || u.protocol == "http:" || u.protocol == "https:";
  if (special) {
    href += "//";
    if (!u.username.empty() || !u.password.empty()) {
      href += u.username;
      if (!u.password.empty()) href += ":" + u.password;
      href += "@";
    }
    href += u.hostname;
    if (!u.port.empty()) href += ":" + u.port;
  }
  return href + u.pathname + u.search + u.hash;
}

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

Object* MakeUrlObject(Evaluator& ev, const UrlParts& u) {
  Object* url = ev.NewObject();
  std::string host = u.hostname + (u.port.empty() ? "" : ":" + u.port);
  std::string href = UrlHref(u);
  url->props.Set("href", ev.Str(href));
  url->props.Set("protocol", ev.Str(u.protocol));
  url->props.Set("username", ev.Str(u.username));
  url->props.Set("password", ev.Str(u.password));
  url->props.Set("host", ev.Str(host));
  url->props.Set("hostname", ev.Str(u.hostname));
  url->props.Set("port", ev.Str(u.port));
  url->props.Set("pathname", ev.Str(u.pathname));
  url->props.Set("search", ev.Str(u.search));
  url->props.Set("hash", ev.Str(u.hash));
  url->props.Set("origin", ev.Str(u.hostname.empty() ? "null" : u.protocol + "//" + host));
  Object* params = ev.NewObject();
  std::string query = u.search.empty() ? "" : u.search.substr(1);
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t start = 0;
  while (start < query.size()) {
    size_t amp = query.find('&', start);
    std::string part = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    size_t eq = part.find('=');
    if (!part.empty()) pairs.emplace_back(PercentDecode(part.substr(0, eq)), eq == std::string::npos ? "" : PercentDecode(part.substr(eq + 1)));
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  ev.DefineNative(params, "get", [pairs](CallContext& ctx) -> Value {
    std::string key = ArgString(ctx, 0);
    for (const auto& [k, v] : pairs) {
      if (k == key) return ctx.interp.Str(v);
    }
    return Value::Null();
  });
  ev.DefineNative(params, "has", [pairs](CallContext& ctx) {
    std::string key = ArgString(ctx, 0);
    for (const auto& [k, v] : pairs) {
      if (k == key) return Value::Boolean(true);
    }
    return Value::Boolean(false);
  });
  ev.SetHidden(url, "searchParams", Value::Obj(params));
  auto to_string = [href](CallContext& ctx) { return ctx.interp.Str(href); };
  ev.DefineNative(url, "toString", to_string);
  ev.DefineNative(url, "toJSON", to_string);
  return url;
}

std::string UrlArg(CallContext& ctx, size_t i) {
  Value v = ctx.Arg(i);
  if (v.IsObject() && v.AsObject()->cls != ObjectClass::Opaque) {
    Value href = ctx.interp.Get(v, "href");
    if (href.IsString()) return href.AsString();
  }
  return ctx.interp.ToString(v);
}

}  // namespace

void Runtime::InstallNodeModules() {
  Evaluator& ev = *evaluator_;
  Object* global = ev.global_object();
  std::string cwd = cwd_;

  // process
  Object* process = ev.NewObject();
  process_env_ = ev.NewObject();
  for (const auto& [k, v] : options_.env) process_env_->props.Set(k, ev.Str(v));
  process->props.Set("env", Value::Obj(process_env_));
  std::vector<Value> argv;
  for (const std::string& a : options_.argv) argv.push_back(ev.Str(a));
  process->props.Set("argv", Value::Obj(ev.NewArray(std::move(argv))));
  process->props.Set("platform", ev.Str("linux"));
  process->props.Set("pid", Value::Number(1));
  Object* versions = ev.NewObject();
  versions->props.Set("node", ev.Str("20.0.0"));
  process->props.Set("versions", Value::Obj(versions));
  process->props.Set("version", ev.Str("v20.0.0"));
  ev.DefineNative(process, "cwd", [cwd](CallContext& ctx) { return ctx.interp.Str(cwd); });
  ev.DefineNative(process, "exit", [](CallContext& ctx) -> Value {
    ctx.interp.ThrowTypeError("process.exit() was called while evaluating the schema", base::DiagKind::EvalUnsupported);
    return {};
  });
  for (const char* name : {"on", "once", "off", "emitWarning"}) {
    ev.DefineNative(process, name, [](CallContext& ctx) { return ctx.this_value; });
  }
  ev.DefineNative(process, "nextTick", [](CallContext& ctx) {
    if (ctx.interp.IsCallable(ctx.Arg(0))) ctx.interp.Call(ctx.Arg(0), Value(), ctx.args.subspan(1));
    return Value();
  });
  ev.SetHidden(global, "process", Value::Obj(process));
  auto process_module = [process](Interp& interp) {
    Object* ns = interp.NewObject();
    ns->props.Set("default", Value::Obj(process));
    for (const ts::Property& p : process->props.raw()) ns->props.Set(p.key, p.value);
    return ns;
  };
  RegisterBuiltinModule("process", process_module);
  RegisterBuiltinModule("node:process", process_module);

  // path (POSIX)
  auto path_module = [cwd](Interp& interp) {
    Evaluator& e = static_cast<Evaluator&>(interp);
    Object* path = e.NewObject();
    e.DefineNative(path, "join", [](CallContext& ctx) {
      std::string joined;
      for (size_t i = 0; i < ctx.args.size(); ++i) {
        std::string part = ArgString(ctx, i);
        if (part.empty()) continue;
        joined += joined.empty() ? part : "/" + part;
      }
      return ctx.interp.Str(joined.empty() ? "." : NormalizePath(joined));
    }, 2);
    e.DefineNative(path, "resolve", [cwd](CallContext& ctx) {
      std::string result = cwd;
      for (size_t i = 0; i < ctx.args.size(); ++i) {
        std::string part = ArgString(ctx, i);
        if (!part.empty()) result = JoinPath(result, part);
      }
      return ctx.interp.Str(NormalizePath(result));
    }, 2);
    e.DefineNative(path, "normalize", [](CallContext& ctx) { return ctx.interp.Str(NormalizePath(ArgString(ctx, 0))); }, 1);
    e.DefineNative(path, "isAbsolute", [](CallContext& ctx) { return Value::Boolean(IsAbsolutePath(ArgString(ctx, 0))); }, 1);
    e.DefineNative(path, "dirname", [](CallContext& ctx) { return ctx.interp.Str(DirName(ArgString(ctx, 0))); }, 1);
    e.DefineNative(path, "basename", [](CallContext& ctx) {
      std::string base = BaseName(ArgString(ctx, 0));
      if (ctx.args.size() > 1) {
        std::string ext = ArgString(ctx, 1);
        if (!ext.empty() && base.size() > ext.size() && base.compare(base.size() - ext.size(), ext.size(), ext) == 0) {
          base.resize(base.size() - ext.size());
        }
      }
      return ctx.interp.Str(base);
    }, 2);
    e.DefineNative(path, "extname", [](CallContext& ctx) {
      std::string base = BaseName(ArgString(ctx, 0));
      size_t dot = base.rfind('.');
      if (dot == std::string::npos || dot == 0) return ctx.interp.Str("");
      return ctx.interp.Str(base.substr(dot));
    }, 1);
    e.DefineNative(path, "relative", [cwd](CallContext& ctx) {
      std::string from = ResolvePath(cwd, ArgString(ctx, 0));
      std::string to = ResolvePath(cwd, ArgString(ctx, 1));
      auto split = [](const std::string& p) {
        std::vector<std::string> parts;
        size_t start = 1;
        while (start < p.size()) {
          size_t slash = p.find('/', start);
          parts.push_back(p.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
          if (slash == std::string::npos) break;
          start = slash + 1;
        }
        return parts;
      };
      std::vector<std::string> a = split(from), b = split(to);
      size_t common = 0;
      while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
      std::string out;
      for (size_t i = common; i < a.size(); ++i) out += out.empty() ? ".." : "/..";
      for (size_t i = common; i < b.size(); ++i) out += (out.empty() ? "" : "/") + b[i];
      return ctx.interp.Str(out);
    }, 2);
    e.DefineNative(path, "parse", [](CallContext& ctx) {
      std::string p = ArgString(ctx, 0);
      Object* parts = ctx.interp.NewObject();
      std::string base = BaseName(p);
      size_t dot = base.rfind('.');
      std::string ext = (dot == std::string::npos || dot == 0) ? "" : base.substr(dot);
      parts->props.Set("root", ctx.interp.Str(IsAbsolutePath(p) ? "/" : ""));
      parts->props.Set("dir", ctx.interp.Str(p.find('/') == std::string::npos ? "" : DirName(p)));
      parts->props.Set("base", ctx.interp.Str(base));
      parts->props.Set("ext", ctx.interp.Str(ext));
      parts->props.Set("name", ctx.interp.Str(base.substr(0, base.size() - ext.size())));
      return Value::Obj(parts);
    }, 1);
    path->props.Set("sep", e.Str("/"));
    path->props.Set("delimiter", e.Str(":"));
    path->props.Set("posix", Value::Obj(path));
    path->props.Set("default", Value::Obj(path));
    return path;
  };
  RegisterBuiltinModule("path", path_module);
  RegisterBuiltinModule("node:path", path_module);

  // url
  auto url_ctor = [](CallContext& ctx) -> Value {
    Evaluator& e = Ev(ctx);
    std::string input = UrlArg(ctx, 0);
    UrlParts parts;
    bool ok = ParseUrl(input, &parts);
    if (!ok && ctx.args.size() > 1) {
      UrlParts base;
      if (ParseUrl(UrlArg(ctx, 1), &base)) {
        parts = base;
        parts.search.clear();
        parts.hash.clear();
        std::string rel = input;
        size_t hash = rel.find('#');
        if (hash != std::string::npos) {
          parts.hash = rel.substr(hash);
          rel.resize(hash);
        }
        size_t query = rel.find('?');
        if (query != std::string::npos) {
          parts.search = rel.substr(query);
          rel.resize(query);
        }
        if (!rel.empty()) parts.pathname = rel[0] == '/' ? NormalizePath(rel) : NormalizePath(JoinPath(DirName(base.pathname), rel));
        ok = true;
      }
    }
    if (!ok) e.ThrowTypeError("invalid URL: " + input);
    return Value::Obj(MakeUrlObject(e, parts));
  };
  ev.DefineConstructor(global, "URL", nullptr, url_ctor, url_ctor, 2);
  auto url_module = [url_ctor](Interp& interp) {
    Evaluator& e = static_cast<Evaluator&>(interp);
    Object* url = e.NewObject();
    e.DefineNative(url, "fileURLToPath", [](CallContext& ctx) {
      std::string href = UrlArg(ctx, 0);
      if (href.rfind("file://", 0) != 0) ctx.interp.ThrowTypeError("the URL must be of scheme file");
      std::string path = href.substr(7);
      size_t slash = path.find('/');
      path = slash == std::string::npos ? "/" : path.substr(slash);
      return ctx.interp.Str(PercentDecode(path));
    }, 1);
    e.DefineNative(url, "pathToFileURL", [](CallContext& ctx) {
      UrlParts parts;
      parts.protocol = "file:";
      parts.pathname = ArgString(ctx, 0);
      return Value::Obj(MakeUrlObject(Ev(ctx), parts));
    }, 1);
    url->props.Set("URL", e.Get(Value::Obj(e.global_object()), "URL"));
    (void)url_ctor;
    return url;
  };
  RegisterBuiltinModule("url", url_module);
  RegisterBuiltinModule("node:url", url_module);

  // dotenv
  Runtime* self = this;
  auto load_env = [self](const std::string& path, bool override_existing, std::string* error) -> std::map<std::string, std::string> {
    std::map<std::string, std::string> loaded;
    base::Result<std::string> text = self->vfs().ReadFile(path);
    if (!text) {
      if (self->vfs().Exists(path)) *error = text.error().message;
      else *error = "ENOENT: no such file or directory, open '" + path + "'";
      return loaded;
    }
    for (const auto& [k, v] : ParseDotenv(*text)) {
      loaded[k] = v;
      ts::Property* existing = self->process_env_->props.Find(k);
      if (existing == nullptr || override_existing) self->process_env_->props.Set(k, self->evaluator_->Str(v));
    }
    return loaded;
  };
  auto dotenv_module = [self, load_env](Interp& interp) {
    Evaluator& e = static_cast<Evaluator&>(interp);
    Object* dotenv = e.NewObject();
    e.DefineNative(dotenv, "config", [self, load_env](CallContext& ctx) {
      Evaluator& ev = Ev(ctx);
      std::string path = ResolvePath(self->cwd(), ".env");
      bool override_existing = false;
      if (ctx.Arg(0).IsObject()) {
        Value p = ev.Get(ctx.Arg(0), "path");
        if (!p.IsUndefined()) path = ResolvePath(self->cwd(), ev.ToString(ev.IsArray(p) ? ev.GetV(p, Value::Number(0)) : p));
        override_existing = ev.Truthy(ev.Get(ctx.Arg(0), "override"));
      }
      std::string error;
      std::map<std::string, std::string> loaded = load_env(path, override_existing, &error);
      Object* result = ev.NewObject();
      if (!error.empty()) {
        result->props.Set("error", Value::Obj(ev.MakeError(ev.error_proto_, error)));
      } else {
        Object* parsed = ev.NewObject();
        for (const auto& [k, v] : loaded) parsed->props.Set(k, ev.Str(v));
        result->props.Set("parsed", Value::Obj(parsed));
      }
      return Value::Obj(result);
    }, 1);
    e.DefineNative(dotenv, "parse", [](CallContext& ctx) {
      Object* parsed = ctx.interp.NewObject();
      for (const auto& [k, v] : ParseDotenv(ArgString(ctx, 0))) parsed->props.Set(k, ctx.interp.Str(v));
      return Value::Obj(parsed);
    }, 1);
    dotenv->props.Set("default", Value::Obj(dotenv));
    return dotenv;
  };
  RegisterBuiltinModule("dotenv", dotenv_module);
  RegisterBuiltinModule("dotenv/config", [self, load_env](Interp& interp) {
    std::string path = ResolvePath(self->cwd(), ".env");
    if (const ts::Property* p = self->process_env_->props.Find("DOTENV_CONFIG_PATH"); p != nullptr && p->value.IsString()) {
      path = ResolvePath(self->cwd(), p->value.AsString());
    }
    std::string error;
    load_env(path, false, &error);
    return interp.NewObject();
  });
}

}  // namespace dp::ts
