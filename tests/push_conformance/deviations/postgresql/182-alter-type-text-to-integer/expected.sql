ALTER TABLE "t" ALTER COLUMN "n" SET DATA TYPE integer USING "n"::integer;
