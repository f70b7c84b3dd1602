-- table items (tbl_name items)
CREATE TABLE "items" (
	`id` integer PRIMARY KEY NOT NULL,
	`qty` integer,
	CONSTRAINT "items_qty_pos" CHECK("items"."qty" >= 0)
);
