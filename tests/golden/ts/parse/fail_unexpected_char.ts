export const users = pgTable("users", {
  id: serial("id"),
  name: text("name") §
});
