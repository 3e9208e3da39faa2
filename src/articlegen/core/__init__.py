"""The shared vocabulary every room stands on: records, errors, YAML with lines, dates, slugs,
limits, URLs and the site's folder names. Imports nothing else of the package."""
