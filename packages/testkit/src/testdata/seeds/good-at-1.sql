-- Valid at version 1.
INSERT INTO users (email, role) VALUES
    ('ada@example.com', 'admin'),
    ('grace@example.com', 'member'),
    ('linus@example.com', 'member');
