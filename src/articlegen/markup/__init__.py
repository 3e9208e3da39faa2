"""Markdown to HTML. A body renders from its own source alone; links, images and citations come
out as data and placeholders that later stages fill."""
