"""Sign-ups: limits per client address and per browser, and the operators' view and clean-up of bulk sign-ups."""
