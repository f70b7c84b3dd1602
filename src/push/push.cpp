// The push, snapshot and export commands (see push.h): the pipeline of DESIGN.md,
// from config to applied statements, with drizzle-kit's texts.
#include "push/push.h"

#include <fmt/format.h>

#include <future>
#include <ostream>

#include "base/result.h"
#include "db/connection.h"
#include "push/apply.h"
#include "push/output.h"
#include "push/phase_timer.h"
#include "push/push_resolver.h"
#include "push/schema_loader.h"

namespace dp::push {

namespace {

// Colors only for people on a terminal.
struct Style {
  bool color;
  std::string Info(std::string_view text) const { return color ? fmt::format("\x1b[90m{}\x1b[0m", text) : std::string(text); }
  std::string Mark(const char* mark, const char* code) const {
    return color ? fmt::format("[\x1b[{}m{}\x1b[0m]", code, mark) : fmt::format("[{}]", mark);
  }
  std::string Warning(std::string_view text) const {
    return color ? fmt::format("\x1b[37;100m Warning \x1b[0m {}", text) : fmt::format(" Warning  {}", text);
  }
  std::string Danger(std::string_view text) const { return color ? fmt::format("\x1b[31;1m{}\x1b[0m", text) : std::string(text); }
  std::string Sql(std::string_view text) const { return color ? fmt::format("\x1b[34m{}\x1b[0m", text) : std::string(text); }
};

Filters FiltersFrom(const Config& config) {
  Filters filters;
  filters.tables = config.tables_filter;
  filters.schemas = config.schema_filter.empty() ? std::vector<std::string>{"public"} : config.schema_filter;
  filters.extensions = config.extensions_filters;
  // drizzle-kit hides the tables an extension owns (getTablesFilterByExtensions).
  for (const std::string& extension : config.extensions_filters) {
    if (extension == "postgis") {
      for (const char* table : {"!geography_columns", "!geometry_columns", "!spatial_ref_sys"}) {
        filters.tables.emplace_back(table);
      }
    }
  }
  const nlohmann::json& roles = config.entities.is_object() ? config.entities.value("roles", nlohmann::json()) : nlohmann::json();
  if (roles.is_boolean()) {
    filters.roles_enabled = roles.get<bool>();
  } else if (roles.is_object()) {
    filters.roles_enabled = true;
    filters.roles_provider = roles.value("provider", "");
    for (const auto& name : roles.value("include", nlohmann::json::array())) filters.roles_include.push_back(name.get<std::string>());
    for (const auto& name : roles.value("exclude", nlohmann::json::array())) filters.roles_exclude.push_back(name.get<std::string>());
  }
  return filters;
}

// Where the schema's TypeScript runtime goes after the snapshot is built: nowhere (it is
// freed) normally; with exits_after, into a holder that is deliberately never deleted, so
// the operating system reclaims the heap at exit instead of ~10 ms of destructors.
SchemaRuntime* RuntimeSink(const RunOptions& options) { return options.exits_after ? new SchemaRuntime() : nullptr; }

// A connection, and what the dialect's prefetcher read on it (null without one).
struct Connected {
  base::Result<std::unique_ptr<db::Connection>> connection = base::Fail("not connected");
  base::Result<std::unique_ptr<Prefetched>> prefetched = std::unique_ptr<Prefetched>();
};

Connected ConnectAndPrefetch(const db::ConnectOptions& connect, const Filters& filters, Prefetcher prefetcher) {
  PhaseTimer timer;
  Connected out;
  out.connection = db::Connect(connect);
  timer.Mark("connect (thread)");
  if (out.connection && prefetcher != nullptr) {
    out.prefetched = prefetcher(**out.connection, filters);
    timer.Mark("catalog (thread)");
  }
  return out;
}

// The outcome printer: text for people, or one JSON object for --output json.
class Reporter {
 public:
  Reporter(const RunOptions& options, Streams streams, std::string dialect)
      : options_(options), streams_(streams), style_{options.color}, dialect_(std::move(dialect)) {}

  std::ostream& text() { return options_.json_output ? streams_.err : streams_.out; }
  const Style& style() const { return style_; }

  Status Fail(const std::string& message, const PushPlan* plan = nullptr, const ApplyReport* applied = nullptr) {
    if (options_.json_output) {
      streams_.out << JsonReport("error", dialect_, plan, message, applied).dump() << "\n";
    }
    streams_.err << message << "\n";
    return Status::Error;
  }

  Status Done(Status status, const PushPlan& plan, const ApplyReport* applied) {
    if (options_.json_output) {
      const char* name = status == Status::NoChanges ? "no_changes" : status == Status::Aborted ? "aborted" : "ok";
      streams_.out << JsonReport(name, dialect_, &plan, std::nullopt, applied).dump() << "\n";
    }
    return status;
  }

  Status Missing(const PushPlan& plan, const std::vector<DataLossWarning>& unconfirmed) {
    if (options_.json_output) {
      nlohmann::ordered_json report = JsonReport("missing_hints", dialect_, &plan, std::nullopt, nullptr);
      report["hints"] = MissingHintsJson(plan, unconfirmed);
      streams_.out << report.dump() << "\n";
    } else {
      streams_.out << MissingHintsText(plan, unconfirmed);
    }
    return Status::MissingHints;
  }

 private:
  const RunOptions& options_;
  Streams streams_;
  Style style_;
  std::string dialect_;
};

void PrintStatements(Reporter& reporter, const PushPlan& plan, std::string_view heading) {
  std::ostream& out = reporter.text();
  out << "\n" << reporter.style().Warning(heading) << "\n\n";
  for (const sqlgen::Statement& statement : plan.statements) out << reporter.style().Sql(statement.sql) << "\n";
  out << "\n";
}

// Data-loss findings the user has not accepted: all of them without --force, unless a
// confirm_data_loss hint or the terminal accepts them.
enum class Confirmation : uint8_t { Accepted, Declined, Unanswered };

Confirmation ConfirmDataLoss(const RunOptions& options, Reporter& reporter, const PushPlan& plan,
                             std::vector<DataLossWarning>& unconfirmed) {
  std::ostream& out = reporter.text();
  if (plan.warnings.empty()) return Confirmation::Accepted;
  if (options.config.force) {
    // drizzle-kit applies these silently with --force; we say what they do.
    out << reporter.style().Warning("Applying data-loss statements (--force):") << "\n";
    for (const DataLossWarning& warning : plan.warnings) {
      out << warning.message << "\n";
      // The statements drizzle-kit adds silently (e.g. the TRUNCATE before a NOT NULL column).
      for (const std::string& extra : warning.extra_statements) out << "    runs: " << extra << "\n";
    }
    out << "\n";
    return Confirmation::Accepted;
  }
  for (const DataLossWarning& warning : plan.warnings) {
    if (!options.hints.Confirms(warning.kind, warning.entity)) unconfirmed.push_back(warning);
  }
  if (unconfirmed.empty()) return Confirmation::Accepted;
  if (options.prompter == nullptr) return Confirmation::Unanswered;
  out << reporter.style().Warning("Found data-loss statements:") << "\n";
  for (const DataLossWarning& warning : plan.warnings) out << warning.message << "\n";
  out << "\n" << reporter.style().Danger("THIS ACTION WILL CAUSE DATA LOSS AND CANNOT BE REVERTED") << "\n\n";
  size_t choice = options.prompter->Select("Do you still want to push changes?", {"No, abort", ConfirmChoiceText(plan)});
  return choice == 1 ? Confirmation::Accepted : Confirmation::Declined;
}

}  // namespace

Status RunPush(const RunOptions& options, Streams streams) {
  Reporter reporter(options, streams, options.config.dialect == "turso" ? "sqlite" : options.config.dialect);
  std::ostream& out = reporter.text();
  const Style& style = reporter.style();

  PhaseTimer timer;
  auto dialect = MakeDialect(options.config.dialect, "push");
  if (!dialect) return reporter.Fail(dialect.error().message);
  const Filters filters = FiltersFrom(options.config);
  db::ConnectOptions connect;
  connect.dialect = options.config.dialect;
  connect.driver = options.config.driver;
  connect.credentials = options.config.db_credentials;
  // A dialect with a prefetcher connects and reads its catalog on another thread while the
  // schema files load. Errors are reported in the same order as without it (a schema error
  // first, without waiting for the thread).
  std::future<Connected> early;
  if (Prefetcher prefetcher = (*dialect)->prefetcher()) {
    early = std::async(std::launch::async, ConnectAndPrefetch, std::cref(connect), std::cref(filters), prefetcher);
  }
  auto loaded = LoadSchemaInto(**dialect, options.config, options.cwd, options.color, RuntimeSink(options));
  if (!loaded) {
    // Report the schema error now, not after a slow or unreachable server answers: a
    // std::async future blocks in its destructor, so it is deliberately leaked here (the
    // thread ends on its own; the CLI exits without running exit handlers).
    if (early.valid()) (void)new std::future<Connected>(std::move(early));
    return reporter.Fail(loaded.error().message);
  }
  (*dialect)->PrepareToPlan();
  timer.Mark("load schema");

  Connected connected = early.valid() ? early.get() : ConnectAndPrefetch(connect, filters, nullptr);
  if (!connected.connection) return reporter.Fail(connected.connection.error().message);
  db::Connection& connection = **connected.connection;
  if (!connected.prefetched) return reporter.Fail(connected.prefetched.error().message);
  if (*connected.prefetched) (*dialect)->UsePrefetched(std::move(*connected.prefetched));
  timer.Mark("wait for database");

  PushResolver resolver(options.hints, options.prompter);
  auto plan = (*dialect)->Plan(connection, filters, resolver);
  if (!plan) return reporter.Fail(plan.error().message);
  timer.Mark("plan");
  plan->missing_hints = resolver.missing();
  plan->queries = connection.query_count();
  out << style.Mark("✓", "32") << " Pulling schema from database...\n";
  if (!plan->missing_hints.empty()) {
    std::vector<DataLossWarning> unconfirmed;
    return reporter.Missing(*plan, unconfirmed);
  }
  if (plan->statements.empty()) {
    out << "\n" << style.Mark("i", "34") << " No changes detected\n";
    return reporter.Done(Status::NoChanges, *plan, nullptr);
  }
  if (options.config.verbose || options.explain) PrintStatements(reporter, *plan, "You are about to execute current statements:");
  if (options.explain) {
    for (const DataLossWarning& warning : plan->warnings) out << warning.message << "\n";
    out << style.Mark("i", "34") << " --explain: nothing was applied\n";
    return reporter.Done(Status::Ok, *plan, nullptr);
  }

  std::vector<DataLossWarning> unconfirmed;
  switch (ConfirmDataLoss(options, reporter, *plan, unconfirmed)) {
    case Confirmation::Accepted: break;
    case Confirmation::Declined:
      out << style.Mark("x", "31") << " All changes were aborted\n";
      return reporter.Done(Status::Aborted, *plan, nullptr);
    case Confirmation::Unanswered: return reporter.Missing(*plan, unconfirmed);
  }
  if (options.config.strict && !options.config.force && plan->warnings.empty()) {
    if (options.prompter == nullptr) {
      return reporter.Fail("--strict asks for approval, but there is no terminal to ask on (use --force to approve)");
    }
    size_t choice = options.prompter->Select("", {"No, abort", "Yes, I want to execute all statements"});
    if (choice != 1) {
      out << style.Mark("x", "31") << " All changes were aborted\n";
      return reporter.Done(Status::Aborted, *plan, nullptr);
    }
  }

  ApplyReport applied = Apply(connection, plan->statements, (*dialect)->apply_policy(connection));
  if (applied.failure) {
    std::string message = fmt::format("{} Failed to apply statement:\n{}\n\n{}\n", style.Mark("x", "31"),
                                      applied.failure->sql, applied.failure->message);
    if (applied.rolled_back) {
      message += "The transaction was rolled back: the database is unchanged.";
    } else if (!applied.applied.empty()) {
      message += fmt::format("{} of {} statements were applied before the failure (this database cannot roll back DDL):",
                             applied.applied.size(), plan->statements.size());
      for (size_t index : applied.applied) message += "\n  " + plan->statements[index].sql;
    } else {
      message += "Nothing was applied.";
    }
    return reporter.Fail(message, &*plan, &applied);
  }
  if (!applied.after_commit.empty()) {
    out << style.Info(fmt::format("{} statement(s) ran after the transaction committed (they cannot run inside one)",
                                  applied.after_commit.size()))
        << "\n";
  }
  out << style.Mark("✓", "32") << " Changes applied\n";
  return reporter.Done(Status::Ok, *plan, &applied);
}

Status RunSnapshot(const RunOptions& options, Streams streams) {
  auto dialect = LoadSchema(options.config, options.cwd, options.color, RuntimeSink(options));
  if (!dialect) {
    streams.err << dialect.error().message << "\n";
    return Status::Error;
  }
  streams.out << (*dialect)->SnapshotJsonText() << "\n";
  return Status::Ok;
}

Status RunExport(const RunOptions& options, Streams streams) {
  auto dialect = LoadSchema(options.config, options.cwd, options.color, RuntimeSink(options));
  if (!dialect) {
    streams.err << dialect.error().message << "\n";
    return Status::Error;
  }
  auto statements = (*dialect)->ExportStatements();
  if (!statements) {
    streams.err << statements.error().message << "\n";
    return Status::Error;
  }
  // drizzle-kit export prints the statements joined by newlines.
  for (const sqlgen::Statement& statement : *statements) streams.out << statement.sql << "\n";
  return Status::Ok;
}

}  // namespace dp::push
