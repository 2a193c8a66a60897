"""cluster stage of the communique pipeline."""
