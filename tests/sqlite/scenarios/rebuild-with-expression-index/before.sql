CREATE TABLE `people` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text,
	`active` integer
);
--> statement-breakpoint
CREATE INDEX `people_lower_email` ON `people` (lower("email"));
--> statement-breakpoint
CREATE INDEX `people_active` ON `people` (`active`) WHERE "people"."active" = 1;
