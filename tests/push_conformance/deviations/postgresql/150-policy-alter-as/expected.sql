DROP POLICY "t_pol" ON "t" CASCADE;
--> statement-breakpoint
CREATE POLICY "t_pol" ON "t" AS RESTRICTIVE FOR SELECT TO public USING (true);
