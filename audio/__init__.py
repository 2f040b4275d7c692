"""Prompt audio: decoding uploads, normalising for the telephone network, telephony formats, TTS.

A pure library: no database, no HTTP, no import of ``api``.
"""
