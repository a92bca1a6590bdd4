"""A Dask worker preload for tests/test_dask.py (not a test module).

A file whose name starts with `kills-the-worker` kills the worker process that reads it, the way a
crash in a C extension or the memory limit would; every other file reads as usual.
"""
from __future__ import annotations

import os
from pathlib import Path

KILLER = "kills-the-worker"


def dask_setup(worker) -> None:
    from claimcheck import pipeline

    real = pipeline.read_document

    def read_document(path, *args, **kwargs):
        if Path(path).name.startswith(KILLER):
            os._exit(13)
        return real(path, *args, **kwargs)

    pipeline.read_document = read_document
