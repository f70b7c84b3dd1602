CREATE SCHEMA "priv";
--> statement-breakpoint
CREATE TABLE "priv"."t" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner" text
);
--> statement-breakpoint
ALTER TABLE "priv"."t" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "priv_t_sel" ON "priv"."t" AS PERMISSIVE FOR SELECT TO public USING ("priv"."t"."owner" = current_user);
