"""From articles to pages: the link graph, the one ``Site`` every page is planned from, page
plans, JSON-LD, feeds and the Jinja templates."""
