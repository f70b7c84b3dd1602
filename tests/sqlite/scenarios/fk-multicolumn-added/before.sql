CREATE TABLE `parent` (
	`x` integer NOT NULL,
	`y` integer NOT NULL,
	PRIMARY KEY(`x`, `y`)
);
--> statement-breakpoint
CREATE TABLE `child` (
	`id` integer PRIMARY KEY NOT NULL,
	`px` integer,
	`py` integer
);
