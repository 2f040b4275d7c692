"""Number inventory: 400 numbers, their grades and prices, states and audit log."""
