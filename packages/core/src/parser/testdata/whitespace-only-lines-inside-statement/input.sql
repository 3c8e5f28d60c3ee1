-- +goose Up
CREATE TABLE ws (
    id int,
   
	
    name text
);

-- +goose Down
DROP TABLE ws;
