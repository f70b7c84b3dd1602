-- table users (tbl_name users)
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text
);
-- view emails (tbl_name emails)
CREATE VIEW `emails` AS select email from users where email is not null;
