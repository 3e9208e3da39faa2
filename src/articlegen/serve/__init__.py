"""The preview: watching files, serving pages from memory, reloading the browser."""
