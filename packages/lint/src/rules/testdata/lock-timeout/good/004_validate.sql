-- +goose Up
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;

-- +goose Down
SELECT 1;
