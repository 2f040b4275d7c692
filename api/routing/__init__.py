"""Routing settings of a number: policies (R9, R12, R14, R15), simple routing, the compiled plan."""
