CREATE TABLE `a` (
	`id` integer PRIMARY KEY NOT NULL,
	`v` integer
);
--> statement-breakpoint
CREATE INDEX `a_v` ON `a` (`v`);
--> statement-breakpoint
CREATE TABLE `b` (
	`id` integer PRIMARY KEY NOT NULL,
	`a_id` integer,
	`w` integer,
	FOREIGN KEY (`a_id`) REFERENCES `a`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `c` (
	`id` integer PRIMARY KEY NOT NULL,
	`b_id` integer,
	FOREIGN KEY (`b_id`) REFERENCES `b`(`id`) ON UPDATE no action ON DELETE no action
);
