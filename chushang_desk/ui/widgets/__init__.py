"""Pieces every screen shares: type-ahead pickers, the lazy table model, forms and combo boxes."""
