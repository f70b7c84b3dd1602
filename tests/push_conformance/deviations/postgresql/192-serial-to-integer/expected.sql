ALTER TABLE "t" ALTER COLUMN "id" SET DATA TYPE integer;
--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" DROP DEFAULT;
