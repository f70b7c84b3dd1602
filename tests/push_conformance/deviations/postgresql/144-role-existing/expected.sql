CREATE TABLE "t" (
	"id" serial PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "t" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "t_auth" ON "t" AS PERMISSIVE FOR INSERT TO "rfff10_authenticated" WITH CHECK (true);
