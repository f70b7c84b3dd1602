CREATE TABLE "t" (
	"id" serial PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "t" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "t_sel" ON "t" AS PERMISSIVE FOR SELECT TO "r3da85_app" USING (true);
