"""The GraphQL edge: context, errors, pagination, the HTTP view and the root schema."""
