ALTER TABLE `items` ADD `n` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `items` ADD `f` integer DEFAULT false NOT NULL;
