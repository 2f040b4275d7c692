"""Monthly statements (R6): issued after each calendar month, immutable, as data, CSV and PDF."""
