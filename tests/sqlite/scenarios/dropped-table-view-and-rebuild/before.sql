CREATE TABLE `old` (
	`id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY NOT NULL,
	`qty` integer
);
--> statement-breakpoint
CREATE VIEW `old_ids` AS select id from old;
