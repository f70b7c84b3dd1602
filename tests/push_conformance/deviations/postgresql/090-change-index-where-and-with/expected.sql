DROP INDEX "t_method";
--> statement-breakpoint
DROP INDEX "t_where";
--> statement-breakpoint
DROP INDEX "t_with";
--> statement-breakpoint
CREATE INDEX "t_method" ON "t" USING hash ("name");
--> statement-breakpoint
CREATE INDEX "t_where" ON "t" USING btree ("name") WHERE "t"."n" > 10;
--> statement-breakpoint
CREATE INDEX "t_with" ON "t" USING btree ("n") WITH (fillfactor=50);
