INSERT INTO items VALUES (1, 'a', 2), (2, NULL, 3), (3, 'c', NULL);
