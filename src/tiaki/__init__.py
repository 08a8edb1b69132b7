"""tiaki."""
