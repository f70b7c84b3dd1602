// Records what real drizzle-kit 0.31.11 pushes for a scenario (the oracle of the golden
// files in ../golden). Needs the reference install in /work/ref/npm (drizzle-kit,
// drizzle-orm, better-sqlite3).
// Usage: node run.mjs <scenario dir>   (before.sql and data.sql optional, schema.mjs required)
// Writes <scenario dir>/kit.json: {statements, warnings, desired} (desired = drizzle-kit's
// snapshot of schema.mjs). Rename prompts need a terminal: use drive.py, which answers
// them from answers.txt. Then regenerate the goldens:
//   DP_SQLITE_GOLDEN_FROM=tests/sqlite/scenarios build/tests/sqlite/sqlite_test --gtest_filter=SqliteGolden.*
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';
const require = createRequire('/work/ref/npm/package.json');
const Database = require('better-sqlite3');
const { drizzle } = require('drizzle-orm/better-sqlite3');
const api = require('drizzle-kit/api');
const dir = process.argv[2];
const db = new Database(':memory:');
for (const f of ['before.sql', 'data.sql']) {
  const p = path.join(dir, f);
  if (fs.existsSync(p)) {
    for (const stmt of fs.readFileSync(p, 'utf8').split('--> statement-breakpoint')) {
      if (stmt.trim()) db.exec(stmt);
    }
  }
}
const imports = await import(path.resolve(dir, 'schema.mjs'));
const res = await api.pushSQLiteSchema(imports, drizzle(db));
const desired = await api.generateSQLiteDrizzleJson(imports);
fs.writeFileSync(path.join(dir, "kit.json"), JSON.stringify({ statements: res.statementsToExecute, warnings: res.warnings, desired }) + "\n");
