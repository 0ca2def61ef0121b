-- Supply edges (供货关系): a supplier enterprise delivers a product class to a customer enterprise.
-- Key: (supplier, customer, product_class); product_class is '' when not given, so that the key
-- never holds a NULL (io/ checks a non-empty class against the taxonomy). Millions of rows at
-- national scale: the primary key serves "customers of", the index "suppliers of".

CREATE TABLE supply_edges (
  supplier TEXT NOT NULL REFERENCES enterprises (id),
  customer TEXT NOT NULL REFERENCES enterprises (id),
  product_class TEXT NOT NULL,
  since TEXT,
  provenance TEXT NOT NULL,
  PRIMARY KEY (supplier, customer, product_class),
  CHECK (supplier <> '' AND customer <> '' AND supplier <> customer)
) STRICT, WITHOUT ROWID;
CREATE INDEX supply_edges_by_customer ON supply_edges (customer, supplier);
