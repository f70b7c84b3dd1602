CREATE TABLE `pairs` (
	`a` text NOT NULL,
	`b` text NOT NULL,
	`c` text NOT NULL,
	PRIMARY KEY(`a`, `b`)
);
