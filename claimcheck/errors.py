"""The project's own exceptions. The CLI maps each to a message and an exit code.

    ClaimcheckError                 anything claimcheck raises on purpose
    +-- UsageError                  bad arguments or configuration (exit 2)
    |   +-- ConfigError             unknown key, wrong type or value out of range, unreadable config file
    |   +-- LedgerError             a ledger given to read is missing or has a malformed line
    +-- DocumentError               one input file cannot be read (skipped, the run goes on)
    +-- ModelError                  the spaCy pipeline cannot be loaded (exit 3)
    +-- OutputError                 a report or ledger cannot be written (exit 3)
"""
from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class of every error claimcheck raises deliberately."""

    exit_code = 3


class UsageError(ClaimcheckError):
    exit_code = 2


class ConfigError(UsageError):
    pass


class LedgerError(UsageError):
    """A ledger to read is missing or malformed; the message names the file and the line."""


class DocumentError(ClaimcheckError):
    """A single document could not be read; carries the path so messages can name it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelError(ClaimcheckError):
    pass


class OutputError(ClaimcheckError):
    pass
