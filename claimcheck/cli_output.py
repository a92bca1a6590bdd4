"""What a command prints and how it ends: messages on stderr (one line each, controls escaped),
the report in its format on stdout or to a file, progress, and the exit code the gate decides."""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import typer

from .cli_options import ScanFormat
from .errors import ClaimcheckError


def _err_console():
    from rich.console import Console

    # A message names a path: never break it, and never turn a name's ":smile:" into an emoji.
    return Console(stderr=True, soft_wrap=True, emoji=False)


# C0 and C1 controls, line and paragraph separators, and the bidirectional overrides: what a file
# name or URL could use to start a line of its own (a GitHub workflow command, "::error ...") or
# to drive the terminal (ESC [2J clears it).
_STDERR_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _shown(text: str) -> str:
    """Every message for stderr, as one line: controls shown as escapes (`\\n`, `\\x1b`).

    Messages carry names that hold anything a file system allows, and URLs: a name stays
    recognisable, but cannot start a line or send a control sequence. An undecodable byte of a
    file name (a lone surrogate) is shown as its escape too, where printing it would raise.
    """
    shown = _STDERR_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return shown.encode("utf-8", "backslashreplace").decode("utf-8")


def _escape(text: str) -> str:
    """`_shown(text)` for rich: messages quote config tables like [tool.claimcheck], not markup."""
    from rich.markup import escape

    return escape(_shown(text))


def _run(fn):
    """Call fn(); turn the project's errors into a message on stderr and their exit code."""
    try:
        return fn()
    except ClaimcheckError as exc:
        _err_console().print(f"[bold red]error:[/] {_escape(str(exc))}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None


class _Progress:
    """A rich progress bar on stderr, only when stderr is a terminal (never in piped output)."""

    def __init__(self) -> None:
        self.bar: Any = None  # rich.progress.Progress, imported only for a terminal
        self.tasks: dict[str, Any] = {}
        maybe_terminal = sys.stderr.isatty() or "FORCE_TERMINAL" in os.environ or "TTY_COMPATIBLE" in os.environ
        if maybe_terminal and (console := _err_console()).is_terminal:  # rich is imported only for a terminal
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=console, transient=True)

    def __enter__(self):
        if self.bar:
            self.bar.start()
        return self.update if self.bar else None

    def __exit__(self, *exc) -> None:
        if self.bar:
            self.bar.stop()

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)


def write_atomic(path: Path, text: str) -> None:
    """Write a ledger or report through `ledger.write_ledger`: atomic, in place of a link, mode kept."""
    from .ledger import write_ledger

    write_ledger(Path(path), text)


def _report_warnings(report) -> None:
    if not (report.skipped or report.warnings or report.network_note or report.faults
            or any(d.warnings for d in report.documents)):
        return  # nothing to say: rich is not even imported
    console = _err_console()
    for doc in report.documents:
        for warning in doc.warnings:
            console.print(f"[yellow]warning:[/] {_escape(warning)}", highlight=False)
    for skipped in report.skipped:
        console.print(f"[yellow]skipped:[/] {_escape(skipped.path)}: {_escape(skipped.reason)}", highlight=False)
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/] {_escape(warning)}", highlight=False)
    for fault in report.faults:
        console.print(f"[bold red]not checked:[/] {_escape(fault.message)}", highlight=False)
    if report.network_note:
        console.print(f"[dim]{_escape(report.network_note)}[/]", highlight=False)


def _emit(report, fmt: ScanFormat, show_claims: bool = False, links_only: bool = False):
    """Render the report on stdout; returns it with the Faults of items its renderer left out.

    The formats people read (text, markdown) show at most `isolate.MAX_SHOWN` conflicts and groups.
    """
    from .formats.isolate import render_capped, render_safely

    if fmt is ScanFormat.text:
        from rich.console import Console

        from .formats.terminal import render_links, render_scan

        console = Console()

        def draw(r) -> str:
            with console.capture() as captured:  # all or nothing: a failure midway prints no half report
                render_links(r, console) if links_only else render_scan(r, console, show_claims)
            return captured.get()

        rendered = render_capped(draw, report, "text report")
    else:
        from .formats import SCAN_FORMATS

        render = SCAN_FORMATS[fmt.value]
        name = f"{fmt.value} report"
        rendered = render_capped(render, report, name) if fmt is ScanFormat.markdown else render_safely(render, report, name)
    sys.stdout.write(rendered.text)
    sys.stdout.flush()
    return _rendered(report, rendered)


def _rendered(report, rendered):
    """Say on stderr what rendering left out; the report with those faults, for the exit code (and
    with no review: the gate's verdicts predate them, so the command judges the report again)."""
    if rendered.note is not None:
        _err_console().print(f"[yellow]warning:[/] {_escape(rendered.note)}", highlight=False)
    for fault in rendered.faults:
        _err_console().print(f"[bold red]not checked:[/] {_escape(fault.message)}", highlight=False)
    if not rendered.faults:
        return report
    import dataclasses

    return dataclasses.replace(report, faults=report.faults + rendered.faults, review=None)


def _write_html(path: Path, report, settings=None):
    """The reviewer's page, capped and isolated like the text report; returns the report with its faults."""
    from .formats.html import render_html
    from .formats.isolate import render_capped

    rendered = render_capped(lambda r: render_html(r, settings), report, "HTML report")
    write_atomic(path, rendered.text)
    return _rendered(report, rendered)


def _judged(report, settings, baseline: Path | None, no_baseline: bool = False):
    """The report with the gate's verdicts: which findings fail, which the baseline marks reviewed."""
    import dataclasses

    from .gate import judge
    from .review import find_baseline, read_baseline

    found = None if no_baseline or baseline else find_baseline()
    path = baseline or (Path(os.path.relpath(found)) if found else None)  # named as a person would
    return dataclasses.replace(report, review=judge(report, settings, read_baseline(path) if path else None))


def _exit_code(report, settings) -> int:
    """3 when nothing could be read at all; 1 when the gate finds something; else 0."""
    from .gate import failures

    if report.skipped and not report.documents:
        _say("[bold]The run could not read any input (exit 3):[/] see the files named above.")
        return 3
    review = report.review
    if review is not None and (review.baseline or review.stale):
        reviewed = sum(v.reviewed is not None for v in review.verdicts)
        stale = f"; {len(review.stale)} entries are stale (no finding matches them): run `claimcheck baseline` to drop them" \
            if review.stale else ""
        sys.stderr.write(f"baseline {review.baseline}: {reviewed} finding(s) reviewed{stale}\n")
    reasons = failures(report, settings)
    for reason in reasons:
        if _plain_stderr() and ":" not in reason:
            sys.stderr.write(f"fails the run: {_shown(reason)}\n")  # what rich prints there, without importing it
        else:
            _err_console().print(f"[bold]fails the run:[/] {_escape(reason)}", highlight=False)
    from .formats.terminal import verdict

    _say(verdict(report, settings, failing=bool(reasons)))
    return 1 if reasons else 0


def _step_summary(report, fmt) -> None:
    """With --format github inside GitHub Actions: every finding, as markdown, in the job summary."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt is not ScanFormat.github or not target:
        return
    from .formats.ci import github_summary

    try:
        with open(target, "a", encoding="utf-8") as out:  # appended: other steps write there too
            out.write(github_summary(report))
    except OSError as exc:
        _err_console().print(f"[yellow]warning:[/] cannot write the job summary {_escape(target)}: "
                             f"{_escape(exc.strerror or str(exc))}", highlight=False)


def _say(line: str) -> None:
    """The run's last line on stderr (its markup is our own; nothing in it comes from an article)."""
    if _plain_stderr():
        from re import sub

        sys.stderr.write(sub(r"\[/?[a-z ]*\]", "", line) + "\n")
    else:
        _err_console().print(line, highlight=False)


def _plain_stderr() -> bool:
    """stderr is no terminal and nothing asks rich to style it anyway: a line of text is all rich would write.

    Importing rich to print one line at the end of a link check in CI cost 15-20 ms. (A ':' in the
    text still goes through rich, which would turn an :emoji_name: into its emoji.)
    """
    forcing = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")
    try:
        terminal = sys.stderr.isatty()
    except ValueError:  # closed (the end of a pytest run): rich says no terminal too
        terminal = False
    return not terminal and not any(name in os.environ for name in forcing)
