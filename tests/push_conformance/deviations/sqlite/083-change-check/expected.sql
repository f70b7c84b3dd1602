CREATE TABLE `__new_items` (
	`id` integer PRIMARY KEY NOT NULL,
	`qty` integer,
	CONSTRAINT "items_qty_pos" CHECK("__new_items"."qty" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_items`("id", "qty") SELECT "id", "qty" FROM `items`;
--> statement-breakpoint
DROP TABLE `items`;
--> statement-breakpoint
ALTER TABLE `__new_items` RENAME TO `items`;
