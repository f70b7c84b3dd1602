import { eq } from "drizzle-orm";
import { index, integer, sqliteTable, sqliteView, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";

export const roles = ["admin", "editor", "viewer"] as const;

export const users = sqliteTable(
  "users",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    email: text().notNull(),
    name: text(),
    role: text({ enum: roles }).notNull().default("viewer"),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_idx").on(t.email)],
);

export const posts = sqliteTable(
  "posts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    title: text().notNull(),
    body: text(),
    published: integer({ mode: "boolean" }).notNull().default(false),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (t) => [index("posts_author_idx").on(t.authorId)],
);

export const comments = sqliteTable("comments", {
  id: integer().primaryKey({ autoIncrement: true }),
  postId: integer("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
  authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
  body: text().notNull(),
  ...timestamps,
});

export const publishedPosts = sqliteView("published_posts").as((qb) =>
  qb
    .select({ id: posts.id, title: posts.title, authorId: posts.authorId })
    .from(posts)
    .where(eq(posts.published, true)),
);
