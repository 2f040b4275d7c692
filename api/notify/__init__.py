"""Telling an account something: an outbox of messages, sent by email (SMTP), SMS or voice gateways."""
