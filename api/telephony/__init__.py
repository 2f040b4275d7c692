"""What the telephony layer reads: compiled plans over HTTP with ETags, changes since a version, long-poll."""
