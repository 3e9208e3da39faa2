"""What makes a health article trustworthy: credited people, numbered references, the editorial
rules a published article must meet, and the report of where each article stands."""
