"""Reusable widgets (pickers) shared by screens."""
