"""Adversarial inputs: each attack must end in a placed error, exit 1, and the previous output intact."""
