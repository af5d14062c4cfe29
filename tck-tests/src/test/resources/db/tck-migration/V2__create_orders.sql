CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id)
);

INSERT INTO customers (id, email) VALUES (1, 'ada@example.com');
