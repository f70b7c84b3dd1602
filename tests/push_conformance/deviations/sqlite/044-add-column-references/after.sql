-- table items (tbl_name items)
CREATE TABLE `items` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text,
	`qty` integer DEFAULT 1
, `owner_id` integer REFERENCES `users`(`id`) ON DELETE set null);
-- table users (tbl_name users)
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text
);
