"""The app under the project's gunicorn on 127.0.0.1 and a free port, started, waited for and
stopped; used by tests/comments/test_concurrency.py and bench/comment_load.py."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY_HOOK = Path(__file__).resolve().parent / "_gunicorn_ready.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Served:
    port: int
    log: Path
    process: subprocess.Popen = field(repr=False)


@contextmanager
def serve_gunicorn(
    config: dict,
    folder: Path,
    *,
    factory: str = "app:create_app",
    workers: int = 2,
    threads: int = 4,
    seconds: float = 120,
):
    """``factory`` (module:function) under gunicorn, answering on ``Served.port``.

    gunicorn evaluates ``factory({...})`` with a literal dict, so the configuration (database,
    secret key, flags) goes in the call itself: no wsgi module, no environment. The block runs
    once every worker has loaded the app; the server is stopped (and waited for) after it.
    """
    port = free_port()
    log = folder / "gunicorn.log"
    ready = folder / "gunicorn-ready"
    ready.mkdir(exist_ok=True)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [
        str(gunicorn if gunicorn.exists() else ROOT / ".venv" / "bin" / "gunicorn"),
        "--config",
        str(READY_HOOK),
        "--chdir",
        str(ROOT),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--error-logfile",
        str(log),
        "--log-level",
        "warning",
        f"{factory}({config!r})",
    ]
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment["ZQ_READY_DIR"] = str(ready)
    process = subprocess.Popen(command, env=environment, stdin=subprocess.DEVNULL)
    try:
        _wait_until_ready(port, process, log, ready, workers, seconds)
        yield Served(port, log, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_ready(
    port: int,
    process: subprocess.Popen,
    log: Path,
    ready: Path,
    workers: int,
    seconds: float,
) -> None:
    """Until every worker has loaded the app (the ready hook's files) and the port accepts a
    connection. Nothing is sent to the app: a request to a worker still importing the app on a
    busy machine could time out, and each probe would be a socket to account for."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            process.wait(timeout=0.1)  # waits on the process, and sleeps between checks
        except subprocess.TimeoutExpired:
            pass
        else:
            raise RuntimeError(f"gunicorn exited:\n{log.read_text() if log.exists() else ''}")
        if len(list(ready.iterdir())) >= workers and _accepts(port):
            return
    raise RuntimeError(f"gunicorn's workers were not ready on port {port} within {seconds} s")


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            return True
    except OSError:
        return False
