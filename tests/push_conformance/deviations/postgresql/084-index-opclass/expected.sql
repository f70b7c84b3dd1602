CREATE TABLE "search" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text,
	"data" jsonb,
	"title" text
);
--> statement-breakpoint
CREATE INDEX "search_name_pattern" ON "search" USING btree ("name" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "search_data_path" ON "search" USING gin ("data" jsonb_path_ops);
--> statement-breakpoint
CREATE INDEX "search_title_trgm" ON "search" USING gin ("title" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "search_name_desc_ops" ON "search" USING btree ("name" text_pattern_ops DESC NULLS LAST);
