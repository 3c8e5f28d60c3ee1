-- Valid at version 1.
INSERT INTO items (id, name, done) VALUES (1, 'write tests', true), (2, 'fix the down', false), (3, 'ship', false);
