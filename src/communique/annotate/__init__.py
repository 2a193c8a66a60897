"""annotate stage of the communique pipeline."""
