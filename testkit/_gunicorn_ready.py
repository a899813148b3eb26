"""gunicorn configuration for testkit.servers: each worker, once it has loaded the app, leaves a
file named by its pid in ZQ_READY_DIR, so the caller knows the server answers without probing
it with requests that a still-booting worker cannot serve in time."""

import os
from pathlib import Path


def post_worker_init(worker):
    Path(os.environ["ZQ_READY_DIR"], str(worker.pid)).touch()
