ALTER TABLE `items` ADD `owner_id` integer REFERENCES `users`(`id`) ON DELETE set null;
