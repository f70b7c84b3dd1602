import "dotenv/config";
import { defineConfig, type Config } from "drizzle-kit";

const url = process.env.DATABASE_URL!;
if (!url) throw new Error("DATABASE_URL is not set");

export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/db/schema/*.ts", "./src/db/enums.ts"],
  out: "./drizzle",
  dbCredentials: { url },
  schemaFilter: ["public", "auth"],
  tablesFilter: process.env.NODE_ENV === "test" ? ["test_*"] : undefined,
  verbose: true,
  strict: !!process.env.CI,
}) satisfies Config;
