CREATE TABLE `__new_g` (
	`id` integer PRIMARY KEY NOT NULL,
	`a` integer,
	`b` integer GENERATED ALWAYS AS (a * 10) STORED
);
--> statement-breakpoint
INSERT INTO `__new_g`("id", "a") SELECT "id", "a" FROM `g`;
--> statement-breakpoint
DROP TABLE `g`;
--> statement-breakpoint
ALTER TABLE `__new_g` RENAME TO `g`;
