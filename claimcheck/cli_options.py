"""The command line's options: how typer parses and shows them, the output formats, and the
Settings a command's flags make (defaults, then the config file, then the flags)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand, TyperGroup


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
