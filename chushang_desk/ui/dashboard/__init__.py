"""The targets dashboard (issue 11, item 4)."""
