CREATE TABLE `d` (
	`id` integer PRIMARY KEY NOT NULL,
	`created` integer DEFAULT (unixepoch()),
	`ts` text DEFAULT (CURRENT_TIMESTAMP),
	`j` text DEFAULT '{"a":[1]}',
	`n` integer DEFAULT -5,
	`r` real DEFAULT 2.5
);
