"""Core forms, one module per concern."""
