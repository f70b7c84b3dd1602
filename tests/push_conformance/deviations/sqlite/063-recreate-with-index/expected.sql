CREATE TABLE `__new_docs` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text
);
--> statement-breakpoint
INSERT INTO `__new_docs`("id", "title", "body") SELECT "id", "title", "body" FROM `docs`;
--> statement-breakpoint
DROP TABLE `docs`;
--> statement-breakpoint
ALTER TABLE `__new_docs` RENAME TO `docs`;
--> statement-breakpoint
CREATE INDEX `docs_title_idx` ON `docs` (`title`);
--> statement-breakpoint
CREATE UNIQUE INDEX `docs_body_uq` ON `docs` (`body`);
