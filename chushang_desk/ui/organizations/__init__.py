"""organizations screen."""
