"""analyze stage of the communique pipeline."""
