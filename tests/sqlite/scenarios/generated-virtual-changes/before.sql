CREATE TABLE `g` (
	`id` integer PRIMARY KEY NOT NULL,
	`a` integer,
	`b` integer,
	`c` integer GENERATED ALWAYS AS (a + 1) VIRTUAL,
	`d` integer GENERATED ALWAYS AS (a + 2) VIRTUAL
);
