"""fairlint: offline, deterministic FAIR metadata checks (Python face of fair-core)."""

from ._fairlint import Engine, __version__

__all__ = ["Engine", "__version__"]
