"""Run one piece of work in a child process that can be stopped: a wall-clock deadline, a
memory ceiling, and no network.

SPARQL evaluation in rdflib is pure Python over an in-memory graph; a cartesian product of a
few patterns runs for hours and takes gigabytes, and nothing inside rdflib can be told to
stop. A forked child shares the loaded graph for free (copy on write), can be killed at the
deadline, gets ``RLIMIT_AS`` (so a blow-up is a MemoryError in the child, not the machine's
swap) and ``RLIMIT_CPU`` (so even an orphaned child dies on its own), and refuses sockets and
``urllib`` requests through an audit hook, a second line behind kg's refusal of SERVICE and
FROM. The result comes back pickled through a pipe.

Where ``fork`` is not available (Windows), the work runs in a daemon thread: the deadline
still holds for the caller, but the thread cannot be killed and no memory ceiling applies.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

from kg.errors import GraphError, KgError

T = TypeVar("T")

NETWORK_EVENTS = frozenset({"socket.connect", "socket.getaddrinfo", "socket.sendto",
                            "urllib.Request", "http.client.connect"})


def call_with_deadline(work: Callable[[], T], *, timeout: float, memory_mb: int | None,
                       what: str) -> T:
    """``work()``'s result, or a ``KgError`` (one line, naming ``what``) if it runs past
    ``timeout`` seconds, needs more than ``memory_mb`` MB beyond what this process already
    uses, tries to open a network connection, or fails. A ``KgError`` raised by ``work``
    comes back as it was."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return _in_thread(work, timeout, what)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(work, sender, timeout, memory_mb), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise GraphError(f"{what} stopped after {timeout:g} s (raise --timeout to allow "
                                "more)")
        try:
            status, value = receiver.recv()
        except (EOFError, OSError):
            child.join(1)
            raise GraphError(f"{what} stopped: its worker died (exit code {child.exitcode}; "
                                "out of memory or CPU time)") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if status == "ok":
        return value
    if isinstance(value, KgError):
        raise value
    raise GraphError(f"{what} {value}")


def _child(work: Callable[[], object], sender: Connection, timeout: float,
           memory_mb: int | None) -> None:
    _limit_resources(timeout, memory_mb)
    sys.addaudithook(_refuse_network)
    try:
        outcome: tuple[str, object] = ("ok", work())
    except KgError as err:
        outcome = ("error", err)
    except MemoryError:
        outcome = ("error", f"stopped: needs more than {memory_mb} MB of memory")
    except RecursionError:
        outcome = ("error", "stopped: nested too deeply")
    except Exception as err:  # anything else is the work's failure, reported as one line
        outcome = ("error", "failed: " + (" ".join(str(err).split()) or type(err).__name__))
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("error", f"stopped: the answer needs more than {memory_mb} MB"))
    finally:
        sender.close()
        os._exit(0)  # no atexit handlers or finalizers of the parent's objects in the child


def _limit_resources(timeout: float, memory_mb: int | None) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return
    cpu = math.ceil(timeout) + 5
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    if memory_mb is not None:
        limit = _address_space() + memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space() -> int:
    """Bytes of address space this process maps now (the child inherits all of it)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _refuse_network(event: str, args: tuple[object, ...]) -> None:
    if event in NETWORK_EVENTS:
        raise KgError(f"refused a network request ({event}): kg never reaches out while "
                      "answering a query")


def _in_thread(work: Callable[[], T], timeout: float, what: str) -> T:
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except Exception as err:  # handed to the caller below
            box["error"] = err

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise GraphError(f"{what} stopped after {timeout:g} s (raise --timeout to allow more)")
    if "error" in box:
        err = box["error"]
        raise err if isinstance(err, KgError) else GraphError(f"{what} failed: {err}")
    return box["value"]  # type: ignore[return-value]
