ALTER TABLE `items` RENAME COLUMN "qty" TO "amount";
--> statement-breakpoint
CREATE TABLE `__new_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text,
	`amount` real DEFAULT 1
);
--> statement-breakpoint
INSERT INTO `__new_items`("id", "name", "amount") SELECT "id", "name", "amount" FROM `items`;
--> statement-breakpoint
DROP TABLE `items`;
--> statement-breakpoint
ALTER TABLE `__new_items` RENAME TO `items`;
