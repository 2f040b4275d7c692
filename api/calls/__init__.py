"""Call records reported by the telephony layer, their rating and the allowance asked before a call."""
