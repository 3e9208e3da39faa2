"""Putting a built site on disk safely: which folder may be replaced, staging beside it and
swapping it in, and the search index."""
