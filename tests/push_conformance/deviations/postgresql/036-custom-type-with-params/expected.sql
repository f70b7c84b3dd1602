CREATE TABLE "bits_table" (
	"id" serial PRIMARY KEY NOT NULL,
	"bits" varbit(16)
);
