"""From a flow to the plans numbers run: publishing, assigning, compiling, storing and waking long-polls."""
