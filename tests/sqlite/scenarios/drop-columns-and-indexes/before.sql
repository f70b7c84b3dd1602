CREATE TABLE `a` (
	`id` integer PRIMARY KEY NOT NULL,
	`x` text,
	`y` text
);
--> statement-breakpoint
CREATE INDEX `a_x` ON `a` (`x`);
--> statement-breakpoint
CREATE TABLE `b` (
	`id` integer PRIMARY KEY NOT NULL
);
