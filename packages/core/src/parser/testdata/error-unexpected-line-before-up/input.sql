-- migration without annotations
CREATE TABLE nope (id int);
