ALTER TABLE "t" DROP CONSTRAINT "age_check";
--> statement-breakpoint
ALTER TABLE "t" ADD CONSTRAINT "age_check" CHECK ("t"."age" >= 18);
