"""visits screen."""
