"""referrals screen."""
