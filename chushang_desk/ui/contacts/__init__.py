"""contacts screen."""
