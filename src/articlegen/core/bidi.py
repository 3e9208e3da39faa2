"""The bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).

Invisible, they make a text show in another order than it is written (the "Trojan Source"
trick): ``characters`` refuses them in front-matter and ``site.yaml`` values, and
``console`` writes any that a message quotes as its code point, so that the line reads in
the order it is written. Apart from both: ``characters`` imports ``errors``, which imports
``console``.
"""

CODE_POINTS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Every one of them, as a string (for a character class, or ``str.maketrans``)."""
