"""The command line: each command parses options, calls one library function, renders, exits.

Exit codes: 0 clean; 1 findings that should fail CI (by `gate.failures`: link statuses, conflicts,
unreadable inputs); 2 usage error; 3 could not run. Data goes to stdout, diagnostics to stderr.
"""
from __future__ import annotations

import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .errors import ClaimcheckError


def _coerce_without_pydantic(params) -> None:
    """Give the options typer's own coercion functions instead of a pydantic TypeAdapter each.

    typer (0.2x) builds a pydantic TypeAdapter for every option of the command being run, given or
    not: importing pydantic and building eleven adapters was 85 ms of `claimcheck links`' 0.3 s
    start. Strings, lists of strings, paths and choices need none of it: they are coerced here by
    the functions typer's adapters call (`coerce_cli_path`, `coerce_cli_choice`). Numbers, and any
    value these do not accept, go to typer's own adapter, so results and messages are unchanged.
    With a typer that lacks these internals, typer's own path is left as it is.
    """
    try:
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_choice, coerce_cli_path, lenient_issubclass, routes_to_path
    except ImportError:
        return

    class Direct(RuntimeParam):
        def _coerce_value(self, value, param, ctx):
            try:
                return self.direct(value, param, ctx)
            except Exception:  # typer's own adapter decides, and words the message
                return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

        def direct(self, value, param, ctx):
            kind, info = self.annotation, self.parameter_info
            if kind == list[str] and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
                return list(value)
            if kind is str and isinstance(value, str):
                return value
            if lenient_issubclass(kind, Enum):
                return coerce_cli_choice(value, choices=list(kind), case_sensitive=info.case_sensitive, ctx=ctx)
            if routes_to_path(kind, info):
                path_type = info.path_type or (kind if lenient_issubclass(kind, Path) else None)
                if lenient_issubclass(path_type, Path) and isinstance(value, str) and value:
                    value = path_type(value)  # what typer's TypeAdapter(Path) does with a string
                return coerce_cli_path(value, info, path_type=path_type, param=param, ctx=ctx)
            raise TypeError("left to typer")  # numbers, and whatever else

    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or descriptor.file_annotation is not None or descriptor.parameter_info.parser is not None \
                or not hasattr(param, "_runtime_param"):
            continue
        param._runtime_param = Direct(annotation=descriptor.annotation, parameter_info=descriptor.parameter_info)


# What a person types after each option, in --help (typer would show `<bool>`, `<list[str]>`, `{paths}...`).
METAVARS = {"format": "FORMAT", "ledger": "FILE", "html": "FILE", "jobs": "N", "engine": "ENGINE", "scheduler": "ADDRESS",
            "config": "FILE", "model": "NAME", "include": "GLOB", "exclude": "GLOB", "fail_on": "LIST",
            "cache_max_age": "SECONDS", "timeout": "SECONDS", "ledger_parquet": "FOLDER", "baseline": "FILE"}


def _person_metavars(params) -> None:
    """Flags show nothing after their name; options a word for their value; arguments `PATHS...`."""
    from typer.core import TyperArgument, TyperOption

    for param in params:
        if isinstance(param, TyperOption):
            if param.is_flag:
                param.metavar = ""
            elif param.metavar is None:
                param.metavar = METAVARS.get(param.name or "", (param.name or "value").upper().replace("_", "-"))
        elif isinstance(param, TyperArgument):
            word = param.metavar or (param.name or "arg").upper()
            word += "..." if param.nargs != 1 and not word.endswith("...") else ""
            param.metavar = word
            usage = word if param.required else f"[{word}]"
            # Instance attributes over typer's methods: `{paths}...` and `<list[str]>` become `PATHS...`.
            setattr(param, "get_usage_pieces", lambda ctx, usage=usage: [usage])  # noqa: B010
            setattr(param, "display_type_rich", lambda ctx: None)  # noqa: B010  (the help says what it takes)


class _Direct:
    """A typer command or group whose options are coerced by `_coerce_without_pydantic`."""

    params: list  # set by click's Command, which this is mixed into

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _coerce_without_pydantic(self.params)
        _person_metavars(self.params)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)  # made on demand, not among self.params
        _coerce_without_pydantic([option] if option is not None else [])
        _person_metavars([option] if option is not None else [])
        return option


class _Command(_Direct, TyperCommand):
    pass


class _Group(_Direct, TyperGroup):
    pass


app = typer.Typer(
    name="claimcheck", no_args_is_help=True, add_completion=False, rich_markup_mode="rich", cls=_Group,
    help="Extract numeric claims from articles, audit their footnotes and check the cited links.",
)


class ScanFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    github = "github"
    junit = "junit"
    sarif = "sarif"


def _parse_format(value: str | ScanFormat) -> ScanFormat:
    """`-f SARIF` is sarif; `-f jsn` is an error that names the closest format (difflib: no import cost)."""
    if isinstance(value, ScanFormat):
        return value
    names = [f.value for f in ScanFormat]
    folded = value.strip().lower()
    if folded in names:
        return ScanFormat(folded)
    import difflib

    close = difflib.get_close_matches(folded, names, n=1, cutoff=0.5)
    hint = f"Did you mean '{close[0]}'? " if close else ""
    raise typer.BadParameter(f"'{value}' is not a format. {hint}Choose one of: {', '.join(names)}.")


FormatOpt = Annotated[ScanFormat, typer.Option(
    "--format", "-f", parser=_parse_format,
    help="Output format: text, json, jsonl, markdown, github, junit or sarif (any case).")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Show the version and exit.")] = None,
) -> None:
    """claimcheck: numeric claims, their citations, and whether the cited links still work."""


ConfigOpt = Annotated[Path | None, typer.Option("--config", help="A claimcheck.toml or pyproject.toml to read settings from (default: found upward from the current folder).")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to load (setting: model).")]
IncludeOpt = Annotated[list[str] | None, typer.Option("--include", help="Glob of files to take from folders (repeatable).")]
ExcludeOpt = Annotated[list[str] | None, typer.Option("--exclude", help="Glob of files to leave out of folders (repeatable).")]
FailOnOpt = Annotated[str | None, typer.Option(
    "--fail-on", metavar="CHOICE,...",
    help="Findings that exit 1, added to what the config fails on (default: broken links and unreadable inputs). "
         "Choices: a link status (broken, blocked, server-error, timeout, tls-error, invalid-url, redirected, "
         "unverified, skipped), conflicts (contradictions), near-miss (contradictions and near misses), citations "
         "(citation flags), unreadable (input files that could not be read), none (start from nothing: `none,blocked` fails on blocked links only). "
         "Reviewed findings (see --baseline) never fail.")]
BaselineOpt = Annotated[Path | None, typer.Option(
    "--baseline", help="Findings reviewed earlier (written by `claimcheck baseline`): reported as reviewed, never "
                       "failing (default: claimcheck-baseline.toml found upward from the current folder).")]
NoBaselineOpt = Annotated[bool, typer.Option("--no-baseline", help="Read no baseline: every finding counts as new.")]
ClaimsOpt = Annotated[bool, typer.Option("--claims", help="Text format: also print every claim, one table per document.")]


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


def _settings(config, fail_on: str | None = None, **overrides):
    from .config import load_settings
    from .errors import UsageError
    from .gate import apply_fail_on

    settings = load_settings(config, overrides=overrides)
    apply_fail_on(settings, fail_on)  # adds to the configured choices: see gate.py
    if settings.offline and settings.links.require_network:  # the flags, a config file, or one of each
        raise UsageError("--offline and --require-network contradict each other: an offline run checks no link, "
                         "and require_network fails a run whose links could not be checked. Drop one of them "
                         "(either may come from the config file: `offline`, `links.require_network`).")
    return settings


def _link_overrides(no_cache, cache_max_age, allow_private, require_network, suggest_archive, timeout):
    return {
        "cache": False if no_cache else None, "cache_max_age": cache_max_age,
        "allow_private": True if allow_private else None, "require_network": True if require_network else None,
        "suggest_archive": True if suggest_archive else None, "timeout": timeout,
    }


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


@app.command("extract", cls=_Command)
def extract_cli(
    files: Annotated[list[str], typer.Argument(help="Files or folders to read.")],
    config: ConfigOpt = None, model: ModelOpt = None, include: IncludeOpt = None, exclude: ExcludeOpt = None,
) -> None:
    """Print the claims of FILES as JSON Lines on stdout, one claim a line.

    [bold]Example:[/] claimcheck extract seeds/002_fa38718b29db2cdd.txt | jq .quote
    """
    from .pipeline import scan

    def run():
        settings = _settings(config, model=model, include=include, exclude=exclude)
        report = scan(files, settings, check_links=False, reconcile=False)  # JSON Lines of claims only
        _report_warnings(report)
        report = _emit(report, ScanFormat.jsonl)
        return 1 if (report.skipped or report.faults) and settings.fail_on_skipped else 0

    raise typer.Exit(_run(run))


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command("scan", cls=_Command)
def scan_cli(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of articles (.txt, .md, .html).")],
    format: FormatOpt = ScanFormat.text,
    ledger: Annotated[Path | None, typer.Option("--ledger", help="Also write the claims as JSON Lines to this file (atomically).")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Also write the reviewer's report as one self-contained HTML file.")] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Do not touch the network: skip link checking.")] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Processes for extraction.")] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="Where the stages run: `local` (this machine) or `dask` (a Dask cluster; needs claimcheck-news\\[dask]).")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="With --engine dask: the address of a running scheduler (default: a local cluster, one process per core).")] = None,
    config: ConfigOpt = None, model: ModelOpt = None, include: IncludeOpt = None, exclude: ExcludeOpt = None,
    fail_on: FailOnOpt = None, claims: ClaimsOpt = False, baseline: BaselineOpt = None, no_baseline: NoBaselineOpt = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ignore and do not write the link cache.")] = False,
    cache_max_age: Annotated[float | None, typer.Option("--cache-max-age", help="Seconds a cached link result stays fresh.")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Also check private, loopback and link-local addresses.")] = False,
    require_network: Annotated[bool, typer.Option("--require-network", help="Exit 1 when links could not be verified for lack of network.")] = False,
    suggest_archive: Annotated[bool, typer.Option("--suggest-archive", help="Ask the Wayback Machine for a snapshot of broken links.")] = False,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Read timeout per request, seconds.")] = None,
    ledger_parquet: Annotated[Path | None, typer.Option("--ledger-parquet", help="Also write the claims as a Parquet dataset in this folder (replaced when the run succeeds; needs claimcheck-news\\[dask]).")] = None,
    dataset: Annotated[Path | None, typer.Option("--dataset", help="With --engine dask: the workers write every result to a Parquet dataset in this folder and the report is rendered from it, so the client's memory does not grow with the archive (--html is then a folder of pages).")] = None,
    add: Annotated[bool, typer.Option("--add", help="With --dataset: add PATHS (new articles) to the existing dataset; only they are read, and new conflicts are listed as new.")] = False,
) -> None:
    """Extract claims, reconcile them across articles, audit footnotes and check cited links: the main job.

    [bold]Example:[/] claimcheck scan seeds/ --format json --offline > report.json
    """
    from .formats.data import claims_jsonl
    from .pipeline import scan

    def run():
        settings = _settings(config, model=model, include=include, exclude=exclude, offline=offline or None,
                             jobs=jobs, fail_on=fail_on,
                             links=_link_overrides(no_cache, cache_max_age, allow_private,
                                                   require_network, suggest_archive, timeout))
        if dataset is not None or add:  # issue 18: an archive run, rendered from its results dataset
            if engine is not Engine.dask or dataset is None or ledger is not None:
                raise typer.BadParameter("--dataset needs --engine dask (and --add needs --dataset); the dataset holds "
                                         "the claims, so --ledger is not used with it")
            from .engines.archive import scan_archive

            with _Progress() as progress:
                summary = scan_archive(paths, settings, dataset, scheduler=scheduler, progress=progress, add=add,
                                       notice=lambda msg: _err_console().print(_escape(msg), highlight=False))
            return _archive_report(summary, settings, format, html, baseline, no_baseline)
        with _Progress() as progress:
            if engine is Engine.dask:
                from .engines.dask import scan_dask

                report = scan_dask(paths, settings, scheduler=scheduler, progress=progress,
                                   notice=lambda msg: _err_console().print(_escape(msg), highlight=False),
                                   ledger_parquet=ledger_parquet)
            else:
                report = scan(paths, settings, progress)
        if ledger_parquet is not None and engine is not Engine.dask:  # issue 13: one part, written here
            from .engines.parquet import write_claims_dataset

            write_claims_dataset(report.claims, ledger_parquet)
        report = _judged(report, settings, baseline, no_baseline)
        if ledger is not None:
            write_atomic(ledger, claims_jsonl(report))
        _report_warnings(report)
        if html is not None:
            report = _write_html(html, report, settings)
        report = _emit(report, format, show_claims=claims)
        if report.review is None:  # rendering left items out: judged again, with them
            report = _judged(report, settings, baseline, no_baseline)
        _step_summary(report, format)
        return _exit_code(report, settings)

    raise typer.Exit(_run(run))


def _archive_report(summary, settings, fmt: ScanFormat, html: Path | None, baseline: Path | None = None,
                    no_baseline: bool = False) -> int:
    """Render an archive run's report from its dataset, then judge its findings (not its articles) as `scan` does."""
    from .engines.dataset import Dataset
    from .formats.stream import findings_report, render_dataset, write_html_pages

    data = Dataset.open(summary.dataset)
    if html is not None:
        write_html_pages(data, html, settings)
    console = _err_console()
    for skipped in summary.skipped:
        console.print(f"[yellow]skipped:[/] {_escape(skipped.path)}: {_escape(skipped.reason)}", highlight=False)
    for warning in summary.warnings:
        console.print(f"[yellow]warning:[/] {_escape(warning)}", highlight=False)
    judged = _judged(findings_report(data, limit=None, texts=False), settings, baseline, no_baseline)
    if fmt is ScanFormat.text:
        from rich.console import Console

        render_dataset(data, "text", sys.stdout.write, Console())
    else:
        render_dataset(data, fmt.value, sys.stdout.write, findings=judged)
    sys.stdout.flush()
    if summary.skipped_count and not summary.documents:
        return 3
    review = judged.review
    reviewed = {v.finding.key for v in review.verdicts if v.reviewed is not None}
    new = [c for c in summary.new_conflicts if f"conflict:{c}" not in reviewed]  # reviewed ones stay reviewed
    if new:
        more = summary.new_count - len(summary.new_conflicts)
        console.print(f"{len(new) + more} new conflict(s): " + _escape(", ".join(new[:20]))
                      + (" ..." if len(new) + more > 20 else ""), highlight=False)
    if review.baseline or review.stale:
        sys.stderr.write(f"baseline {review.baseline}: {len(reviewed)} finding(s) reviewed\n")
    for reason in review.reasons:
        console.print(f"[bold]fails the run:[/] {_escape(reason)}", highlight=False)
    return 1 if review.reasons else 0


@app.command("reconcile", cls=_Command)
def reconcile_cli(
    ledgers: Annotated[list[str], typer.Argument(help="Claim ledgers written by `scan --ledger` (JSON Lines files, folders of them, or a Parquet dataset).")],
    format: FormatOpt = ScanFormat.text,
    config: ConfigOpt = None, fail_on: FailOnOpt = None, claims: ClaimsOpt = False,
    baseline: BaselineOpt = None, no_baseline: NoBaselineOpt = False,
    engine: Annotated[Engine, typer.Option("--engine", help="Where to reconcile: this machine, or a Dask cluster (Parquet ledgers; needs claimcheck-news\\[dask]).")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="With --engine dask: the address of a running scheduler (default: a local cluster).")] = None,
    dataset: Annotated[Path | None, typer.Option("--dataset", help="With --engine dask: keep the results dataset in this folder (default: a temporary one, removed after the report).")] = None,
) -> None:
    """Group and compare the claims of earlier scans: several ledgers, several folders, one report.

    [bold]Example:[/] claimcheck reconcile archive-2019.jsonl archive-2020.jsonl --format json
    """
    from .pipeline import reconcile_ledgers

    def run():
        settings = _settings(config, fail_on=fail_on)
        if engine is Engine.dask:
            import tempfile

            from .engines.ledgers import reconcile_archive

            with tempfile.TemporaryDirectory(prefix="claimcheck-") as tmp:
                with _Progress() as progress:
                    summary = reconcile_archive(ledgers, settings, dataset or Path(tmp) / "results", scheduler=scheduler,
                                                progress=progress,
                                                notice=lambda msg: _err_console().print(_escape(msg), highlight=False))
                return _archive_report(summary, settings, format, None, baseline, no_baseline)
        report = _judged(reconcile_ledgers(ledgers, settings), settings, baseline, no_baseline)
        _report_warnings(report)
        report = _emit(report, format, show_claims=claims)
        if report.review is None:  # rendering left items out: judged again, with them
            report = _judged(report, settings, baseline, no_baseline)
        _step_summary(report, format)
        return _exit_code(report, settings)

    raise typer.Exit(_run(run))


@app.command("links", cls=_Command)
def links_cli(
    paths: Annotated[list[str], typer.Argument(help="Files or folders whose cited URLs to check.")],
    format: FormatOpt = ScanFormat.text,
    config: ConfigOpt = None, include: IncludeOpt = None, exclude: ExcludeOpt = None, fail_on: FailOnOpt = None,
    baseline: BaselineOpt = None, no_baseline: NoBaselineOpt = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ignore and do not write the link cache.")] = False,
    cache_max_age: Annotated[float | None, typer.Option("--cache-max-age", help="Seconds a cached link result stays fresh.")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Also check private, loopback and link-local addresses.")] = False,
    require_network: Annotated[bool, typer.Option("--require-network", help="Exit 1 when links could not be verified for lack of network.")] = False,
    suggest_archive: Annotated[bool, typer.Option("--suggest-archive", help="Ask the Wayback Machine for a snapshot of broken links.")] = False,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Read timeout per request, seconds.")] = None,
) -> None:
    """Check every URL cited in PATHS (footnotes and bare links) and report its status.

    [bold]Example:[/] claimcheck links seeds/ --fail-on broken,blocked --format github
    """
    from .pipeline import scan

    def run():
        settings = _settings(config, fail_on=fail_on, include=include, exclude=exclude,
                             links=_link_overrides(no_cache, cache_max_age, allow_private,
                                                   require_network, suggest_archive, timeout))
        with _Progress() as progress:
            report = scan(paths, settings, progress, extract=False, check_links=True)
        report = _judged(report, settings, baseline, no_baseline)
        _report_warnings(report)
        report = _emit(report, format, links_only=True)
        if report.review is None:  # rendering left items out: judged again, with them
            report = _judged(report, settings, baseline, no_baseline)
        _step_summary(report, format)
        return _exit_code(report, settings)

    raise typer.Exit(_run(run))


@app.command("baseline", cls=_Command)
def baseline_cli(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of articles, as `scan` is given them.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The baseline file to write (default: the one found upward from the current folder, else ./claimcheck-baseline.toml).")] = None,
    note: Annotated[str, typer.Option("--note", help="Why these findings are fine, stored with each new entry.")] = "",
    by: Annotated[str | None, typer.Option("--by", help="Who reviewed them (default: git config user.name, else $USER).")] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Do not check links; reviewed links already in the file are kept.")] = False,
    config: ConfigOpt = None, model: ModelOpt = None, include: IncludeOpt = None, exclude: ExcludeOpt = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ignore and do not write the link cache.")] = False,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="Also check private, loopback and link-local addresses.")] = False,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Read timeout per request, seconds.")] = None,
) -> None:
    """Scan PATHS and write every finding to a baseline file: reviewed, so later runs report it and do not fail.

    Entries already in the file keep who reviewed them, when, and their note; findings that are gone are dropped. Commit the file: `scan`, `links` and `reconcile` read it.

    [bold]Example:[/] claimcheck baseline articles/ --note "checked with the desk"
    """
    from .gate import examined
    from .pipeline import scan
    from .review import (
        BASELINE_NAME,
        baseline_entries,
        find_baseline,
        findings,
        read_baseline,
        render_baseline,
        reviewer,
        scanned,
    )

    def run():
        settings = _settings(config, model=model, include=include, exclude=exclude, offline=offline or None,
                             links=_link_overrides(no_cache, None, allow_private, False, False, timeout))
        with _Progress() as progress:
            report = scan(paths, settings, progress)
        _report_warnings(report)
        if report.skipped and not report.documents:
            return 3
        target = output or find_baseline() or Path(BASELINE_NAME)
        previous = read_baseline(target) if target.is_file() else None
        root = target.resolve().parent
        entries = baseline_entries(findings(report, root), previous, by or reviewer(), note=note,
                                   examined=examined(report, settings), documents=scanned(report, root))
        write_atomic(target, render_baseline(entries))
        before = {e.fingerprint for e in previous.entries} if previous else set()
        after = {e.fingerprint for e in entries}
        sys.stderr.write(f"wrote {target}: {len(entries)} reviewed finding(s); {len(after - before)} added, "
                         f"{len(before & after)} kept, {len(before - after)} dropped\n")
        return 0

    raise typer.Exit(_run(run))


@app.command("report", cls=_Command)
def report_cli(
    report_json: Annotated[Path, typer.Argument(metavar="REPORT.json", help="A report saved by `scan --format json`.")],
    html: Annotated[Path, typer.Option("--html", help="Write the reviewer's report as one self-contained HTML file.")],
    no_text: Annotated[bool, typer.Option("--no-text", help="Read no article: show the claims without their documents' text (for a report from elsewhere).")] = False,
    config: ConfigOpt = None, baseline: BaselineOpt = None, no_baseline: NoBaselineOpt = False,
) -> None:
    """Turn a saved JSON report into the reviewer's HTML page (the articles' text is read again from their paths).

    A document's text is shown only from under the folder the scan ran in (or the report's folder),
    and only when it is the text the scan read (its SHA-256 is in the report).

    [bold]Example:[/] claimcheck report report.json --html report.html
    """
    from .formats.load import load_report

    def run():
        report = load_report(report_json, read_text=not no_text)
        report = _judged(report, _settings(config), baseline, no_baseline)  # reviewed findings fold here too
        _report_warnings(report)
        return 1 if _write_html(html, report).faults != report.faults else 0  # items the page left out

    raise typer.Exit(_run(run))


def main() -> None:
    import gc

    try:
        app()
    finally:
        # The heap dies with the process: frozen, it is not walked again by the collections the
        # interpreter runs on its way out (0.1-0.2 s after a link check, measured on 1,000 links).
        gc.freeze()
