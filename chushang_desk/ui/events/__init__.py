"""The events screen (活动): themed events, who was invited and who came, and what followed them."""
