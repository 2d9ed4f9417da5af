"""The cluster path: parse and extract on a Dask ``distributed`` cluster, resolve here.

The per-document job is the same one the local workers run (:func:`kg.workers.read_batch`),
submitted as a map over batches of documents; the readings come back in input order and the
caller resolves them (the reduce) in this process, into the same graph as a local build.
The cluster's workers need kg and the spaCy pipeline installed (both are pip packages).

Dask runs tasks in worker threads, where SIGALRM cannot interrupt them, so the per-document
time limit does not apply on a cluster; a batch whose worker dies is retried by Dask and, if
it kills workers again (``KilledWorker``), its documents are skipped and reported.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from kg.errors import ClusterError
from kg.model import Document
from kg.workers import (
    IN_FLIGHT_PER_WORKER,
    READ_BATCH_DOCUMENTS,
    Reading,
    ReadingJob,
    batch_size_for,
    batches,
    read_batch,
)

if TYPE_CHECKING:
    from distributed import Client

CONNECT_SECONDS = 10.0


def connect(address: str, timeout: float = CONNECT_SECONDS) -> Client:
    """A client of the scheduler at ``address`` ('tcp://host:8786'); a ``ClusterError`` (one
    line) if Dask is not installed or the scheduler does not answer within ``timeout``."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("the cluster path needs Dask distributed: "
                           "pip install 'kg[cluster]'") from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as err:
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {reason}") from None


def read_on_cluster(client: Client, documents: Sequence[Document], job: ReadingJob
                    ) -> Iterator[tuple[Document, Reading]]:
    """Each document with its reading, in input order, read on ``client``'s cluster a few
    batches per worker thread ahead (the rest wait here, so the scheduler's memory is flat)."""
    from distributed.scheduler import KilledWorker

    threads = max(1, sum(client.nthreads().values()))
    waiting = batches(documents, batch_size_for(len(documents), threads, READ_BATCH_DOCUMENTS))
    window = threads * IN_FLIGHT_PER_WORKER
    pending: deque = deque()

    def submit(batch: list[Document]) -> None:
        pending.append((batch, client.submit(read_batch, batch, job, pure=False)))

    try:
        for batch in islice(waiting, window):
            submit(batch)
        while pending:
            batch, future = pending.popleft()
            try:
                readings = future.result()
            except KilledWorker:
                readings = [Reading(skipped=f"{d.source}: the cluster workers reading it died; "
                                            "document skipped") for d in batch]
            except OSError as err:
                raise ClusterError(f"lost the Dask cluster: {err}") from None
            finally:
                future.release()
            yield from zip(batch, readings, strict=True)
            for batch in islice(waiting, window - len(pending)):
                submit(batch)
    finally:
        for _, future in pending:
            future.cancel()
