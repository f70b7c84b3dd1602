CREATE TABLE `authors` (
	`id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `books` (
	`id` integer NOT NULL,
	`ed` integer NOT NULL,
	`author_id` integer,
	PRIMARY KEY(`id`, `ed`),
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `books_author` ON `books` (`author_id`);
