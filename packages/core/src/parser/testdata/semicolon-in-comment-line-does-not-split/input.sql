-- +goose Up
CREATE TABLE tag (
    -- the label;
    label text
);

-- +goose Down
DROP TABLE tag;
