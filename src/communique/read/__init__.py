"""read stage of the communique pipeline."""
