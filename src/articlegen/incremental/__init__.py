"""Doing only what changed: the build cache and its file, cached sources, re-planning after
an edit, and knowing when nothing changed at all."""
