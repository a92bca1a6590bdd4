"""The Dask engine. (Being written: issue 13.)"""
from __future__ import annotations

from collections.abc import Callable

from ..config import Settings
from ..errors import UsageError
from ..model import Report


def scan_dask(paths: list[str], settings: Settings, scheduler: str | None = None,
              progress: Callable[[str, int, int], None] | None = None,
              notice: Callable[[str], None] | None = None) -> Report:
    raise UsageError("--engine dask is not available yet")
