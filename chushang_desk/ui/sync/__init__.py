"""Sync in the desktop app: sign-in, background sync, its status bar widgets and "Needs review"."""
