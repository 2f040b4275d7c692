"""Reservations (预占): free holds on available numbers for two working days (R2)."""
