"""Writing new sources for an author: ``init``, ``new`` and ``import``."""
