"""R8: what an account's balance does to it — a warning at 35 yuan, suspension below 15, reclamation."""
