"""fairlint: offline, deterministic FAIR metadata checks (the Python face of ``fair-core``).

Build one :class:`Engine`, validate many records::

    >>> import fairlint
    >>> engine = fairlint.Engine(profile="core")
    >>> report = engine.validate('{"@context": "https://schema.org/", "@type": "Dataset"}')
    >>> [f.code for f in report.findings]
    ['R001']
    >>> report.findings[0].severity >= fairlint.Severity.WARNING
    True

Errors ("could not do the job") are exceptions under :class:`FairlintError`; poor metadata is
never an exception, it is a finding.
"""

from ._fairlint import (
    ConfigError,
    Engine,
    FairError,
    FairlintError,
    FetchError,
    Finding,
    FixResult,
    LimitError,
    ParseError,
    Report,
    ReportIterator,
    ResolveError,
    Severity,
    ShapesError,
    ValidationFailure,
    __version__,
)

__all__ = [
    "ConfigError",
    "Engine",
    "FairError",
    "FairlintError",
    "FetchError",
    "Finding",
    "FixResult",
    "LimitError",
    "ParseError",
    "Report",
    "ReportIterator",
    "ResolveError",
    "Severity",
    "ShapesError",
    "ValidationFailure",
    "__version__",
]
