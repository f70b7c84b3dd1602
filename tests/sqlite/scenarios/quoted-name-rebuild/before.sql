CREATE TABLE `Order Items` (
	`id` integer PRIMARY KEY NOT NULL,
	`qty` integer,
	CONSTRAINT "qty_pos" CHECK("Order Items"."qty" > 0)
);
