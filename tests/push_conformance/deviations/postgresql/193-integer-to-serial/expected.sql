CREATE SEQUENCE IF NOT EXISTS "t_id_seq" AS integer;
--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" SET DEFAULT nextval('"t_id_seq"');
--> statement-breakpoint
ALTER SEQUENCE "t_id_seq" OWNED BY "t"."id";
--> statement-breakpoint
SELECT setval('"t_id_seq"', coalesce(max("id"), 0) + 1, false) FROM "t";
