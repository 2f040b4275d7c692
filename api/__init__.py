"""The GraphQL service: persistence, auth, tenancy and lifecycle jobs."""
