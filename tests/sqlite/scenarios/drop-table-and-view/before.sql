CREATE TABLE `old` (
	`id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `keep` (
	`id` integer PRIMARY KEY NOT NULL,
	`v` text
);
--> statement-breakpoint
CREATE INDEX `keep_v` ON `keep` (`v`);
--> statement-breakpoint
CREATE VIEW `old_ids` AS select id from old;
