"""Voicemail messages (R17) and call recordings (R18) reported by the telephony layer."""
