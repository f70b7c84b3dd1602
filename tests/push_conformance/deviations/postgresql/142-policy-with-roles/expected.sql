CREATE ROLE "rc184a_admin" WITH CREATEDB CREATEROLE;
--> statement-breakpoint
CREATE ROLE "rc184a_reader";
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"body" text
);
--> statement-breakpoint
ALTER TABLE "notes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "notes_admin_all" ON "notes" AS PERMISSIVE FOR ALL TO "rc184a_admin" USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY "notes_read" ON "notes" AS PERMISSIVE FOR SELECT TO "rc184a_admin", "rc184a_reader" USING (true);
