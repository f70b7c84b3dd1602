ALTER TABLE "t" ALTER COLUMN "flag" SET DATA TYPE integer USING "flag"::integer;
