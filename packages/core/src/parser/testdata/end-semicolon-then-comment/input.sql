-- +goose Up
CREATE TABLE audit (id int);   -- keep this comment
SELECT 1 -- no terminator here;
;
CREATE INDEX audit_id ON audit (id)   ; -- spaced terminator

-- +goose Down
DROP TABLE audit; -- gone
