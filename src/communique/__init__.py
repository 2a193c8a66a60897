"""communique: diplomatic news in, one traceable record per real-world event out."""

__version__ = "0.1.0"
