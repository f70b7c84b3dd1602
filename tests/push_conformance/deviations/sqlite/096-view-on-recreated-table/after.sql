-- table users (tbl_name users)
CREATE TABLE "users" (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text DEFAULT 'x' NOT NULL,
	`email` text
);
-- view names (tbl_name names)
CREATE VIEW `names` AS select name from users;
