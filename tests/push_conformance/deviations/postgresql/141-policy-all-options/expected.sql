CREATE TABLE "docs" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner" text
);
--> statement-breakpoint
ALTER TABLE "docs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "docs_update_own" ON "docs" AS RESTRICTIVE FOR UPDATE TO current_user USING ("docs"."owner" = current_user) WITH CHECK ("docs"."owner" = current_user);
--> statement-breakpoint
CREATE POLICY "docs_default" ON "docs" AS PERMISSIVE FOR ALL TO public;
