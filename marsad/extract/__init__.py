"""Extract: mentions, quantities, times, quotes and events from one article."""
