"""Colours with a meaning, the same on every screen."""

# "Wrong": field errors, an impossible date's border, a refused passphrase, a failed sync.
ERROR_COLOUR = "#b42318"
ERROR_STYLE = f"color: {ERROR_COLOUR};"
