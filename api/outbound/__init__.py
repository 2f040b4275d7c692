"""Flows' requests to customers' systems: the operators' host allowlist, accounts' secrets, and the
editor's test request (through the same guarded client the telephony agent uses, ``telephony/outbound.py``)."""
