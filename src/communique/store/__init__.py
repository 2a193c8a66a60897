"""store stage of the communique pipeline."""
