"""IVR flows: the flow graph model, static analysis, the compiler to dialplans and the call simulator.

A pure library: no database, no HTTP, no import of ``api``.
"""
