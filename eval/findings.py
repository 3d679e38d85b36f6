"""What the number checker reports: findings (kind, level, exact span, figure, message, facts) and the result."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Finding", "CheckResult", "ERROR_KINDS", "KINDS"]

ERROR_KINDS = ("unsupported", "mismatch", "qualifier", "arithmetic", "missing", "leak")
KINDS = ERROR_KINDS + ("style", "derived")


@dataclass(frozen=True)
class Finding:
    kind: str
    level: str                         # error | info
    start: int | None                  # offsets into the draft; None for a missing figure
    end: int | None
    text: str                          # the figure as written (in the draft; in the notes for missing)
    message: str                       # Chinese
    fact_ids: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"kind": self.kind, "level": self.level, "start": self.start, "end": self.end, "text": self.text,
                "message": self.message, "facts": list(self.fact_ids)}


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    figures: int = 0                   # figures read in the draft
    facts: int = 0
    counts: dict = field(default_factory=dict)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.level == "error")

    def to_json(self) -> dict:
        return {"findings": [f.to_json() for f in self.findings], "errors": len(self.errors),
                "counts": self.counts, "figures": self.figures, "facts": self.facts}

