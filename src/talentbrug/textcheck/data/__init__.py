"""Word lists of the vacancy check, written for Talentbrug (no external list is copied)."""
