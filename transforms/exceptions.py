"""Errors of the pure transforms."""

from sitrep.errors import SitrepError


class RejectedInput(SitrepError):
    """The file cannot become a document; `reason` is the quarantine reason, specific and short."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
