ALTER TABLE "t" ALTER COLUMN "tags" SET DATA TYPE text[] USING ARRAY["tags"]::text[];
