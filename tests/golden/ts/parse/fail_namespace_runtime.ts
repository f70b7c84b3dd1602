namespace Tables {
  export const users = pgTable("users", {});
}
