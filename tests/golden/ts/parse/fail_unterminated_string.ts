export const t = pgTable("t", {
  name: text("name
});
