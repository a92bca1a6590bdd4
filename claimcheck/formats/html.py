"""The reviewer's HTML report. (Being written: issue 12.)"""
from __future__ import annotations

from ..config import Settings
from ..errors import UsageError
from ..model import Report


def render_html(report: Report, settings: Settings | None = None) -> str:
    raise UsageError("--html is not available yet")
