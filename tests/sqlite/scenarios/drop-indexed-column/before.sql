CREATE TABLE `items` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text,
	`legacy` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_code_unique` ON `items` (`code`);
--> statement-breakpoint
CREATE INDEX `items_legacy` ON `items` (`legacy`);
