-- table items (tbl_name items)
CREATE TABLE "items" (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text,
	`amount` real DEFAULT 1
);
-- rows items: 3
