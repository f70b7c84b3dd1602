CREATE TABLE `a` (`id` integer PRIMARY KEY NOT NULL, `x` text);
--> statement-breakpoint
CREATE TABLE `b` (`id` integer PRIMARY KEY NOT NULL, `y` integer);
--> statement-breakpoint
CREATE TABLE `c` (`id` integer PRIMARY KEY NOT NULL, `z` text);
--> statement-breakpoint
CREATE INDEX `c_z` ON `c` (`z`);
--> statement-breakpoint
