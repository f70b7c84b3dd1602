// A drizzle.config.ts shape: dotenv, process.env, a URL, defaults with ?? and !.
import 'dotenv/config';
import { resolve } from 'node:path';

const url = new URL(process.env.DATABASE_URL!);
export default {
  dialect: 'postgresql',
  schema: resolve('./src/schema.ts'),
  out: './drizzle',
  dbCredentials: {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: url.username,
    password: url.password,
    database: url.pathname.slice(1),
    ssl: process.env.DB_SSL === 'true',
  },
  verbose: process.env.VERBOSE ?? false,
};
// --- .env
DATABASE_URL="postgres://app:secret@db.internal:6543/appdb"
DB_SSL=true
