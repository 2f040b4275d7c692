"""The account ledger: charges and credits in integer fen, each recorded exactly once."""
