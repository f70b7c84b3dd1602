DROP VIEW `emails`;
--> statement-breakpoint
CREATE VIEW `emails` AS select email from users where email is not null;
