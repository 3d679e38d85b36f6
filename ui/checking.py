"""The number checker as the app uses it: notes text + draft text → facts and findings (eval is pure and fast)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

__all__ = ["CheckView", "run_check", "missing_facts"]


@dataclass(frozen=True)
class CheckView:
    facts: tuple             # eval.facts.Fact
    findings: tuple          # eval.check.Finding, in the checker's order
    fact_texts: dict         # fact id → fact text

    @property
    def placed(self) -> tuple:
        return tuple(f for f in self.findings if f.start is not None)

    @property
    def errors(self) -> tuple:
        return tuple(f for f in self.findings if getattr(f, "level", "error") == "error")


def run_check(text: str, notes: str, references: Sequence[str] = (), known: Sequence[str] = ()) -> CheckView:
    """known: the draft's title, period and unit name, whose figures are right without being facts."""
    from eval.check import check_draft
    from eval.facts import parse_facts

    facts = tuple(parse_facts(notes))
    result = check_draft(text, facts, references=tuple(references), known=tuple(k for k in known if k))
    return CheckView(facts, tuple(result.findings), {f.id: f.text for f in facts})


def missing_facts(view: CheckView) -> list[tuple[str, str, str]]:
    """(fact id, fact text, figure) for each fact figure that never appears in the text."""
    out = []
    for f in view.findings:
        if f.kind == "missing":
            for fid in f.fact_ids or ("?",):
                out.append((fid, view.fact_texts.get(fid, ""), f.text))
    return out
