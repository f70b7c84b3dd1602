DROP TABLE `users`;
--> statement-breakpoint
CREATE TABLE `__new_posts` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`author_id` integer
);
--> statement-breakpoint
INSERT INTO `__new_posts`("id", "title", "author_id") SELECT "id", "title", "author_id" FROM `posts`;
--> statement-breakpoint
DROP TABLE `posts`;
--> statement-breakpoint
ALTER TABLE `__new_posts` RENAME TO `posts`;
