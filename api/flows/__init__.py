"""Flows: a customer's IVR flow drafts, published immutable versions, validation and simulation."""
