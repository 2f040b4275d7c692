"""Claims on job runs in the database, so several API processes never run the same job at once."""
