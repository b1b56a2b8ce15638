"""A small stock-keeping package: the example the README reviews."""
