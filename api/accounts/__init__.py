"""Identity and tenancy: customer accounts, users, sessions, API tokens."""
