export const users = pgTable("users", {
  id: serial("id").primaryKey()
  name: text("name"),
});
