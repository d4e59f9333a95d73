"""Type stubs of the compiled module ``fairlint._fairlint`` (hand-written; ``stubtest`` checks them)."""

import os
from typing import Any, Dict, Iterable, List, Iterator, Literal, Mapping, Optional, TypedDict, Union, final, overload

__all__ = [
    "Engine",
    "ReportIterator",
    "Report",
    "Finding",
    "Severity",
    "ValidationFailure",
    "FixResult",
    "FairlintError",
    "FairError",
    "ParseError",
    "ShapesError",
    "ConfigError",
    "LimitError",
    "ResolveError",
    "FetchError",
    "__version__",
]

__version__: str

#: What :meth:`Engine.validate` accepts: the record's text (``str``), its bytes, a JSON-LD
#: document as a ``dict``, or a path to a file (``os.PathLike``; a plain ``str`` is text, never a
#: path).
Source = Union[str, bytes, bytearray, dict[str, Any], os.PathLike[str]]

class FixDict(TypedDict):
    message: str
    applicability: Literal["safe", "unsafe", "display_only"]

class LocationDict(TypedDict, total=False):
    line: int
    column: int
    pointer: str
    block: int

class SourceDict(TypedDict, total=False):
    rule: str
    shape: str
    component: str

class FindingDict(TypedDict):
    """The JSON form of a finding (``Finding.to_dict()``), keys as in the JSON report."""

    code: str
    severity: Literal["error", "warning", "info"]
    principle: str
    focus_node: Optional[str]
    path: Optional[str]
    value: Optional[str]
    context: dict[str, Any]
    message: str
    url: str
    fix: Optional[FixDict]
    source: SourceDict
    location: Optional[LocationDict]

class FindingRow(TypedDict):
    """One row of :meth:`Report.findings_table` (flat: no nested values)."""

    input: Optional[str]
    code: str
    severity: str
    principle: str
    focus_node: Optional[str]
    path: Optional[str]
    value: Optional[str]
    message: str
    fix: Optional[str]
    url: str
    line: Optional[int]
    column: Optional[int]
    pointer: Optional[str]
    block: Optional[int]
    rule: Optional[str]
    shape: Optional[str]
    component: Optional[str]

@final
class Severity:
    """How serious a finding is. Ordered: ``INFO < WARNING < ERROR``.

    >>> Severity.ERROR > Severity.WARNING > Severity.INFO
    True
    >>> str(Severity.WARNING), Severity.WARNING.value
    ('warning', 'warning')
    """

    INFO: "Severity"
    WARNING: "Severity"
    ERROR: "Severity"
    @property
    def value(self) -> Literal["error", "warning", "info"]:
        """The JSON name: ``"error"``, ``"warning"`` or ``"info"``."""
    def __int__(self) -> int: ...
    def __lt__(self, other: "Severity") -> bool: ...
    def __le__(self, other: "Severity") -> bool: ...
    def __gt__(self, other: "Severity") -> bool: ...
    def __ge__(self, other: "Severity") -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Finding:
    """One problem (or notable fact) in a record. Read-only."""

    @property
    def code(self) -> str:
        """Stable code, e.g. ``"R001"``; never reused."""
    @property
    def severity(self) -> Severity:
        """Error, warning or info (after the engine's ``severity`` overrides)."""
    @property
    def principle(self) -> str:
        """The FAIR principle it bears on, e.g. ``"R1.3"``."""
    @property
    def focus_node(self) -> Optional[str]:
        """The resource it is about, in N-Triples syntax (``<iri>`` or ``_:b0``)."""
    @property
    def path(self) -> Optional[str]:
        """The property, as a SPARQL property path."""
    @property
    def value(self) -> Optional[str]:
        """The offending value in N-Triples syntax (``"***"`` when values are masked)."""
    @property
    def context(self) -> dict[str, Any]:
        """The data the message was rendered from; use this, never the message text."""
    @property
    def message(self) -> str:
        """Human-readable message."""
    @property
    def url(self) -> str:
        """Documentation page of the code."""
    @property
    def fix(self) -> Optional[FixDict]:
        """What to do about it."""
    @property
    def source(self) -> SourceDict:
        """The rule (``{"rule": slug}``) or shape (``{"shape", "component"}``) behind it."""
    @property
    def location(self) -> Optional[LocationDict]:
        """Where in the input: ``line``/``column``, ``pointer`` (JSON Pointer), ``block``."""
    def to_dict(self) -> FindingDict:
        """The finding's JSON form (as in the JSON report)."""

@final
class Report:
    """The result of checking one record. Read-only.

    >>> report = Engine(profile="core").validate('{"@context": "https://schema.org/", "@type": "Dataset"}')
    >>> report.conforms, report.has_errors, report.counts
    (False, False, {'error': 0, 'warning': 1, 'info': 0})
    >>> report.profile["id"], report.document["format"]
    ('core', 'jsonld')
    """

    @property
    def schema_version(self) -> str:
        """Version of the JSON report format."""
    @property
    def fairlint_version(self) -> str:
        """fairlint version that produced the report."""
    @property
    def input(self) -> Optional[str]:
        """The file name, when the source was a path."""
    @property
    def document(self) -> dict[str, Any]:
        """Facts about the parsed document: ``format``, ``triples``, ``named_graphs``,
        ``schema_org``, ``contexts``, ``fingerprint`` (``"sha256:<hex>"``, the SHA-256 of the
        graph's RDFC-1.0 canonical N-Quads) or, when it could not be computed,
        ``fingerprint_error`` (a dict of ``reason`` and ``message``), and ``script_blocks`` for HTML, ``schema`` for bio.tools
        and DataCite records."""
    @property
    def profile(self) -> dict[str, str]:
        """The profile checked against: ``id``, ``version``, ``selected_by``."""
    @property
    def profiles(self) -> list[dict[str, str]]:
        """When more than one profile applies (typed nodes of different Bioschemas families):
        each of them, ``profile`` first (``id``, ``version``, ``node``, ``selected_by``,
        ``level``); else an empty list."""
    @property
    def conforms(self) -> bool:
        """SHACL sense: no findings at all."""
    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error."""
    @property
    def truncated(self) -> bool:
        """Whether findings were cut at ``limits.max_findings``."""
    @property
    def counts(self) -> dict[str, int]:
        """Findings by severity: ``error``, ``warning``, ``info``."""
    @property
    def scores(self) -> dict[str, Any]:
        """``method`` and the ``F``, ``A``, ``I``, ``R``, ``total`` scores (``None`` while the
        core reports ``method == "unscored"``)."""
    @property
    def findings(self) -> list[Finding]:
        """The findings, sorted by (focus node, path, code, value); a new list each time."""
    @property
    def resources(self) -> list[dict[str, str]]:
        """The bundled resources used, with versions: ``name``, ``version``, ``source``."""
    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``.

        :param severity: the severity to count.
        """
    @property
    def harvest(self) -> Optional[dict[str, Any]]:
        """How a record checked online was harvested (every fetch, the route, the online
        checks), as in the CLI's ``--online`` JSON report; ``None`` for an offline check."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON report as Python objects."""
    def to_json(self) -> str:
        """The JSON report, byte-identical to the Rust core's and the CLI's ``--format json``."""
    def to_sarif(self) -> str:
        """The report as a SARIF 2.1.0 log (JSON text) for code-scanning tools."""
    def to_shacl(self) -> str:
        """The findings as a W3C SHACL ``sh:ValidationReport`` in Turtle, with ``fair:code``."""
    def to_text(self) -> str:
        """The human-readable summary the CLI prints."""
    @overload
    def findings_table(self, pandas: Literal[False]) -> list[FindingRow]:
        """One flat dict per finding (:class:`FindingRow`); a ``pandas.DataFrame`` instead when
        pandas is importable (pandas is not a dependency).

        :param pandas: ``None`` (default): a DataFrame if pandas imports, else the list;
            ``False``: always the list; ``True``: always a DataFrame.
        :raises ImportError: ``pandas=True`` and pandas is not installed.

        >>> report = Engine(profile="core").validate('{"@context": "https://schema.org/", "@type": "Dataset"}')
        >>> [(row["code"], row["severity"], row["pointer"]) for row in report.findings_table(pandas=False)]
        [('R001', 'warning', '')]
        """
    @overload
    def findings_table(self, pandas: Optional[bool] = None) -> Any: ...
    def _repr_html_(self) -> str:
        """HTML for notebooks: scores, counts and the findings with fix hints (escaped)."""

@final
class ValidationFailure:
    """What :meth:`Engine.validate_many` yields (with ``on_error="return"``) for a record that
    could not be checked; the batch carries on."""

    @property
    def index(self) -> int:
        """Position of the record in the input (0-based)."""
    @property
    def input(self) -> Optional[str]:
        """The file name, for path sources."""
    @property
    def code(self) -> str:
        """``parse_error``, ``limit_exceeded``, ``resolve_error``, ``io_error`` or ``panic``."""
    @property
    def message(self) -> str:
        """What went wrong."""
    @property
    def location(self) -> Optional[LocationDict]:
        """Where in the input, when known."""
    @property
    def error(self) -> BaseException:
        """The exception :meth:`Engine.validate` would have raised for this record."""
    def raise_error(self) -> None:
        """Raises :attr:`error`."""

@final
class FixResult:
    """What :meth:`Engine.fix` returns."""

    @property
    def text(self) -> str:
        """The fixed document (the input itself when nothing was applied); every byte no fix
        touched is as it was."""
    @property
    def applied(self) -> List[Dict[str, Any]]:
        """The fixes applied, in order: ``code``, ``applicability`` (``"safe"`` or
        ``"unsafe"``), ``message``, ``location`` and ``edits`` (each ``{"target": "value" or
        "key", "find", "replace", "within"}``)."""
    @property
    def skipped(self) -> List[Dict[str, Any]]:
        """The fixable findings left: ``code``, ``applicability``, ``message``, ``location``
        and ``reason`` (unsafe without ``unsafe=True``, not placeable, would introduce a new
        finding, ...)."""
    @property
    def report(self) -> Report:
        """The report on the fixed text."""
    @property
    def changed(self) -> bool:
        """Whether any fix was applied."""

@final
class ReportIterator(Iterator[Union[Report, ValidationFailure]]):
    """The iterator :meth:`Engine.validate_many` returns."""

    def __iter__(self) -> "ReportIterator": ...
    def __next__(self) -> Union[Report, ValidationFailure]: ...

@final
class Engine:
    """Checks metadata records. Build once (this may be slow and may fail), then validate many
    records from any number of threads; validation releases the GIL.

    :param profile: profile to check against (``"core"``, ...); default: chosen per record.
    :param shapes: SHACL shapes graphs every record is also checked against: each a path
        (``os.PathLike``), or the shapes' text (``str``) or bytes; Turtle or any RDF format
        fairlint reads (detected from the file extension, then the content). A file's relative
        IRIs resolve against its location, text's against ``file:///``.
    :param ontologies: ontologies whose terms records are checked against (I110 unknown term,
        I111 deprecated term): each a path, or the ontology's text or bytes (OWL, Turtle,
        RDF/XML or OBO; detected from the file extension, then the content).
    :param options: engine options, the same keys as the JSON configuration: ``profile``,
        ``include_values``, ``base_iri``, ``severity``, ``ignore``, ``limits``, ``contexts``.
    :param contexts: JSON-LD context documents by IRI (``{iri: text or dict}``) for contexts
        fairlint does not bundle (it never fetches one); a context given here wins over a
        bundled one for the same IRI.
    :raises ConfigError: unknown profile, option, code or limit value; an ontology that
        cannot be read; a context that is not a JSON-LD context document (names the IRI).
    :raises ShapesError: a shapes graph cannot be parsed or compiled.
    :raises OSError: a shapes file cannot be read.

    >>> engine = Engine(options={"profile": "core", "ignore": ["R001"]})
    >>> engine.validate('{"@context": "https://schema.org/", "@type": "Dataset"}').conforms
    True
    """

    def __new__(
        cls,
        profile: Optional[str] = None,
        shapes: Union[Source, Iterable[Source], None] = None,
        ontologies: Union[Source, Iterable[Source], None] = None,
        options: Optional[Mapping[str, Any]] = None,
        contexts: Optional[Mapping[str, Union[str, Mapping[str, Any]]]] = None,
    ) -> "Engine": ...
    def fix(
        self,
        source: Source,
        *,
        unsafe: bool = False,
        format: Optional[str] = None,
        base_iri: Optional[str] = None,
    ) -> FixResult:
        """Applies the machine-applicable fixes of the record's findings and checks the result.

        Safe fixes always (a deprecated SPDX id to its successor, an obsolete EDAM term to its
        replacement, an identifier to its resolvable form, a wrong EDAM label to the preferred
        one, ...); unsafe ones, which change meaning (an unknown property renamed to the one
        suggested), with ``unsafe=True``. Fixes edit the JSON text of JSON-LD, bio.tools and
        DataCite JSON records and keep every other byte (indentation, key order, line endings,
        escapes); in other formats they are listed in :attr:`FixResult.skipped`. A file is read,
        never written. Fixing the result again changes nothing.

        :param source: as :meth:`validate`.
        :raises ParseError: and the other errors of :meth:`validate`, when the record cannot be
            checked at all.

        >>> engine = Engine(profile="core")
        >>> r = engine.fix('{"@context": "https://schema.org/", "@type": "Dataset", "license": "GPL-3.0"}')
        >>> r.text
        '{"@context": "https://schema.org/", "@type": "Dataset", "license": "https://spdx.org/licenses/GPL-3.0-only"}'
        >>> [f["code"] for f in r.applied]
        ['R010', 'R013']
        """
    def validate(
        self,
        source: Source,
        format: Optional[str] = None,
        base_iri: Optional[str] = None,
        payload: Optional[Iterable[str]] = None,
    ) -> Report:
        """Checks one record.

        :param source: the record: ``str`` (its text), ``bytes``, ``dict`` (JSON-LD) or
            ``os.PathLike`` (a file; its name is used for format detection and as
            ``report.input``, and its relative IRIs resolve against its location as given:
            ``dir/x.ttl`` is ``file:%2E/dir/x.ttl``, ``/abs/x.ttl`` is ``file:///abs/x.ttl``).
        :param format: ``jsonld``, ``turtle``, ``trig``, ``ntriples``, ``nquads``, ``rdfxml``,
            ``html``, ``biotools`` (bio.tools JSON), ``datacite`` (DataCite JSON or XML);
            default: from the file extension, then the content (``dict``: JSON-LD, or bio.tools /
            DataCite JSON when it is plainly one of them).
        :param base_iri: the base IRI of the record's relative IRIs; default: a file's
            location, else ``file:///``. ``options["base_iri"]`` overrides it.
        :param payload: for an RO-Crate descriptor, the crate's files and directories, relative
            to the directory holding ``ro-crate-metadata.json`` (``"data/a.csv"``, ``"data/"``;
            parent directories are implied); every local data entity must be one of them
            (A130). Default ``None``: no payload check (fairlint reads no files itself).
        :returns: the report; poor metadata gives findings, never an exception.
        :raises ParseError: the input is not well-formed (``line``, ``column``, ``pointer``),
            or ``base_iri`` is not an absolute IRI.
        :raises LimitError: the input is over a configured limit.
        :raises ResolveError: the input needs a JSON-LD context fairlint does not bundle.
        :raises ConfigError: unknown ``format`` name.
        :raises OSError: a path cannot be read.
        :raises TypeError: ``payload`` is not an iterable of ``str``.

        >>> Engine().validate("{bad json")
        Traceback (most recent call last):
          ...
        fairlint.ParseError: invalid jsonld at 1:2: key must be a string
        """
    def validate_many(
        self,
        sources: Iterable[Source],
        workers: Optional[int] = None,
        format: Optional[str] = None,
        on_error: Literal["return", "raise"] = "return",
        online: Union[bool, Mapping[str, Any], None] = None,
    ) -> ReportIterator:
        """Checks many records in parallel (GIL released), yielding results in input order.

        Sources are pulled from ``sources`` in chunks, so a generator of any length works in
        bounded memory.

        :param sources: the records (as for :meth:`validate`).
        :param workers: threads to use; default: all cores.
        :param format: format of every record; default: detected per record.
        :param on_error: ``"return"`` (default): a record that cannot be checked (parse,
            limit, resolve or read error) yields a :class:`ValidationFailure` at its position
            and the batch carries on; ``"raise"``: its exception is raised at its position and
            the iteration ends. An item that is not a source raises ``TypeError`` either way.
        :param online: ``True`` or a dict of :meth:`validate_url`'s keyword arguments: ``str``
            sources that are URLs, ``doi:…`` or ``hdl:…`` are then checked online
            (concurrently, one client with per-host limits; a fetch failure is a
            :class:`ValidationFailure` with ``code == "fetch_error"``); default: never.
        :raises ConfigError: bad ``workers``, ``format``, ``on_error`` or ``online``.

        >>> results = list(Engine().validate_many(["{bad", {"@context": "https://schema.org/", "@type": "Dataset"}]))
        >>> [type(r).__name__ for r in results], results[0].code
        (['ValidationFailure', 'Report'], 'parse_error')
        """

    def validate_url(
        self,
        url: str,
        *,
        timeout: Optional[float] = None,
        allow_hosts: Optional[Iterable[str]] = None,
        cache_dir: Union[str, os.PathLike[str], None] = None,
        resolver_base: Optional[str] = None,
        handle_base: Optional[str] = None,
        record_timeout: Optional[float] = None,
        max_redirects: Optional[int] = None,
        offline_from_cache: bool = False,
        deterministic: bool = False,
    ) -> Report:
        """Checks a published record online (the CLI's ``check --online``): harvests it
        (content negotiation, FAIR Signposting, embedded JSON-LD, redirects), checks it as
        :meth:`validate` does and runs the online checks; ``Report.harvest`` lists every fetch.
        The GIL is released.

        :param url: an http(s) URL, ``doi:10.…`` or ``hdl:…``.
        :param timeout: seconds per request (default 10).
        :param allow_hosts: hosts allowed although they resolve to private, loopback or
            link-local addresses (refused by default).
        :param cache_dir: on-disk cache of answers (reruns give byte-identical reports).
        :param resolver_base: DOI resolver base (default ``https://doi.org/``).
        :param handle_base: Handle resolver base (default ``https://hdl.handle.net/``).
        :param record_timeout: seconds for the whole record (default 60).
        :param max_redirects: redirects per fetch (default 10).
        :param offline_from_cache: answer only from ``cache_dir``; never touch the network.
        :param deterministic: leave run-dependent facts (fetch times) out of the report.
        :raises FetchError: the record cannot be fetched (``url``, ``kind``, ``status``).
        :raises ParseError: what was fetched is not a record fairlint reads.
        :raises ConfigError: ``url`` is not remote, or a bad option.
        """

class FairlintError(Exception):
    """Base class of every error fairlint raises ("could not do the job"; poor metadata is a
    finding, never an error)."""

    code: str
    line: Optional[int]
    column: Optional[int]
    pointer: Optional[str]
    block: Optional[int]

FairError = FairlintError

class ParseError(FairlintError, ValueError):
    """The input is not well-formed in its format (``code == "parse_error"``)."""

class ShapesError(FairlintError, ValueError):
    """A SHACL shapes graph cannot be parsed or compiled (``code == "shapes_error"``)."""

class ConfigError(FairlintError, TypeError):
    """An option or argument is not acceptable (``code == "config_error"``)."""

class LimitError(FairlintError):
    """The input is over a configured limit (``code == "limit_exceeded"``)."""

class ResolveError(FairlintError, OSError):
    """A resource the input needs cannot be had offline (``code == "resolve_error"``)."""

class FetchError(FairlintError, OSError):
    """A record checked online cannot be fetched (``code == "fetch_error"``): ``url``,
    ``kind`` (``"status"``, ``"timeout"``, ``"too_large"``, ``"redirect_loop"``, ...) and
    ``status`` (the HTTP status, else ``None``)."""

    url: str
    kind: str
    status: Optional[int]
