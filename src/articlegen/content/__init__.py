"""Reading a site's sources into records: ``site.yaml``, the files under ``content/`` and
their front-matter, images and static files."""
