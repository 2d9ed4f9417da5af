"""One exception family, so the CLI can turn any expected failure into one line and an exit code."""


class KgError(Exception):
    """Base of every error a user can act on; ``str(err)`` is the message shown."""

    exit_code = 1


class InputError(KgError):
    """A path is missing, empty, binary or not decodable."""

    exit_code = 2


class ModelError(KgError):
    """The requested spaCy pipeline is not installed."""

    exit_code = 3


class GraphError(KgError):
    """A graph file cannot be parsed, or a query is malformed."""

    exit_code = 4


class ShapeViolation(KgError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 5


class OutputError(KgError):
    """An output file cannot be written (missing or read-only folder, a file in the way)."""

    exit_code = 7


class StoreError(KgError):
    """A triplestore refused or could not be reached."""

    exit_code = 6
