"""sitrep: news articles in, a validated conflict-event warehouse out.

This package holds what every layer shares and nothing else: the pipeline version,
the table contract, the error base class and the run settings. It imports none of
`flows`, `transforms`, `warehouse` or `expectations`.
"""

__version__ = "0.11.0"

# Bumped whenever extraction behaviour changes; stored on every row and every run.
PIPELINE_VERSION = f"sitrep-{__version__}"
