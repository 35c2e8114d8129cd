"""The "today" screen (what an officer has to do today) and the sidebar's counts of it."""
