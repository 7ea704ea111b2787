"""Whole-page cache for anonymous visitors, invalidated by any write to the database."""
