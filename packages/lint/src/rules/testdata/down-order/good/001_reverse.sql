-- +goose Up
CREATE TABLE IF NOT EXISTS a (id int PRIMARY KEY);
CREATE TABLE IF NOT EXISTS b (a_id int REFERENCES a);
CREATE INDEX IF NOT EXISTS b_a_id ON b (a_id);
CREATE TABLE IF NOT EXISTS b_2024 PARTITION OF parted FOR VALUES FROM (1) TO (2);

-- +goose Down
-- Dropping parted takes its partition b_2024 along; dropping b its index.
DROP TABLE IF EXISTS parted;
DROP TABLE IF EXISTS b;
DROP TABLE IF EXISTS a;
