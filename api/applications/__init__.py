"""Applications (受理): company details and documents for a reserved number, reviewed by operators."""
