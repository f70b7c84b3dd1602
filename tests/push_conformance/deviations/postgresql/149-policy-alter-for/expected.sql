DROP POLICY "t_pol" ON "t" CASCADE;
--> statement-breakpoint
CREATE POLICY "t_pol" ON "t" AS PERMISSIVE FOR DELETE TO public USING (true);
