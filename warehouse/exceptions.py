from sitrep.errors import SitrepError


class WarehouseError(SitrepError):
    """The warehouse or the lake cannot be read or written as asked."""


class WarehouseBusy(WarehouseError):
    """Another process holds the warehouse file for writing."""


class QueryError(WarehouseError):
    """A query failed (syntax, unknown table, or a write on the read-only connection)."""


class SchemaMismatch(WarehouseError):
    """The warehouse was made under a table contract this sitrep cannot use as it is."""
