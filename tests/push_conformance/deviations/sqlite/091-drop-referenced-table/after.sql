-- table posts (tbl_name posts)
CREATE TABLE "posts" (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`author_id` integer
);
-- rows posts: 1
