-- table g (tbl_name g)
CREATE TABLE "g" (
	`id` integer PRIMARY KEY NOT NULL,
	`a` integer,
	`b` integer GENERATED ALWAYS AS (a * 10) STORED
);
-- rows g: 1
