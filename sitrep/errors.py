"""The one error base of sitrep. Each package raises subclasses whose message says how to fix it."""


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose. The CLI prints it on one line and exits 2."""


class ConfigError(SitrepError):
    """A setting (flag, environment variable, path) is unusable."""
