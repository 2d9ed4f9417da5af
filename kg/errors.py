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


class NoSuchEntity(KgError):
    """No entity in the graph has the name asked for (the message suggests near names)."""

    exit_code = 8


class ClusterError(KgError):
    """A Dask cluster could not be reached, or lost the work it was given."""

    exit_code = 9


def exit_codes() -> dict[int, str]:
    """Each exit code and what it means, from the classes above (first docstring line), for
    ``kg --help`` and the README; several classes may share a code."""
    meanings: dict[int, list[str]] = {}
    pending = list(KgError.__subclasses__())
    while pending:
        cls = pending.pop(0)
        pending += cls.__subclasses__()
        doc = (cls.__doc__ or cls.__name__).strip().splitlines()[0].rstrip(".")
        first = doc.split()[0]
        if len(first) == 1 or not first.isupper():  # 'A path' -> 'a path'; 'SPARQL' stays
            doc = doc[0].lower() + doc[1:]
        meanings.setdefault(cls.exit_code, []).append(doc)
    meanings.setdefault(KgError.exit_code, []).insert(0, "any other error kg can explain")
    return {code: "; ".join(meanings[code]) for code in sorted(meanings)}
