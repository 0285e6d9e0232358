from sitrep.errors import SitrepError


class ValidationFailed(SitrepError):
    """A batch broke its expectations; it was not loaded. `failures` names each broken one."""

    def __init__(self, failures: list[str], docs_url: str | None):
        self.failures = failures
        self.docs_url = docs_url
        where = f" (Data Docs: {docs_url})" if docs_url else ""
        super().__init__(f"{len(failures)} expectation(s) failed{where}: " + "; ".join(failures))
