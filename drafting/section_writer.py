"""Write one section: prompt from prompts/ files within a token budget, call the model (streaming), parse, check the
figures against the section's facts (exemplars as references), one repair round, findings attached if they remain.
The offline model skips the prompt and renders deterministically; its text is checked all the same."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from common.errors import BackendError
from drafting import offline_drafter as offline
from drafting.exemplars import Exemplar, as_sources, count_tokens, fit_exemplars, library_kind
from drafting.models import ResolvedModel, backend_error
from drafting.outlines import OUTLINES, ROLE_LABELS, role_of_heading, strip_enumerator
from drafting.prompts import load_template, render
from drafting.types import OutlineSection, Section
from eval.facts import Fact

__all__ = ["SectionJob", "WriteResult", "write_section", "build_messages", "check_text", "parse_answer",
           "Stream", "failed_section"]

Stream = Callable[[str, str], None]      # (heading, text so far)


@dataclass(frozen=True)
class SectionJob:
    outline: OutlineSection
    facts: tuple[Fact, ...]
    kind: str
    school: str = ""
    period: str = ""
    title: str = ""
    target_chars: int = 400
    exemplars: tuple[Exemplar, ...] = ()
    body_headings: tuple[str, ...] = ()   # opening/closing: the body's headings
    body_summary: str = ""                # opening/closing: what the body says, for the model
    instruction: str | None = None        # regenerate: 更简洁 / 更正式 / 突出成效 / 补充细节 / free text
    previous: str = ""                    # regenerate: the text being replaced
    all_facts: tuple[Fact, ...] = ()      # opening/closing: every fact (a figure they quote must be one of them)


@dataclass(frozen=True)
class WriteResult:
    section: Section
    prompt_tokens: int = 0              # the first prompt (system + user) as the model received it
    calls: int = 0                      # model calls made (1, or 2 with a repair round)


def _facts_block(facts: Sequence[Fact]) -> str:
    if not facts:
        return load_template("no_facts").strip()
    return "\n".join(f"{f.id}：{f.text}" for f in facts)


def _exemplars_block(exemplars: Sequence[Exemplar]) -> str:
    if not exemplars:
        return load_template("no_exemplars").strip()
    return "\n\n".join(f"【范文{i}】{e.title} · {e.heading}\n{e.text}" for i, e in enumerate(exemplars, 1))


def _human(job: SectionJob, exemplars: Sequence[Exemplar]) -> str:
    request = ""
    if job.instruction or job.previous:
        request = render("regenerate", request=job.instruction or "换一种写法", previous=job.previous or "（无）")
    common = dict(title=job.title, school=job.school or "（未填写）", period=job.period or "（未填写）",
                  exemplars=_exemplars_block(exemplars), instruction=request, target_chars=job.target_chars)
    role = job.outline.role
    if role in ("opening", "closing"):
        summary = job.body_summary or "\n".join(job.body_headings)
        extra = {"ending": "特制定本计划" if job.kind == "plan" else "现将……总结如下"} if role == "opening" else {}
        return render(role, body_summary=summary, **extra, **common)
    return render("section", heading=job.outline.heading, role_label=ROLE_LABELS.get(role, role),
                  facts=_facts_block(job.facts), **common)


def build_messages(job: SectionJob, model: ResolvedModel) -> tuple[str, str, list[Exemplar], int]:
    """(system, user, exemplars used, prompt tokens): exemplars are fitted so the whole prompt stays within
    model.prompt_budget tokens; if even the bare prompt is over, no exemplars are sent."""
    document = OUTLINES[job.kind]["document"] if job.kind in OUTLINES else "工作总结"
    system = render("system", document_type=f"学校工会{document}", target_chars=job.target_chars)
    fixed = count_tokens(system, model.encoding) + count_tokens(_human(job, []), model.encoding)
    if fixed > model.prompt_budget and job.body_summary:   # a small context: the body by its headings only
        job = replace(job, body_summary="")                  # _human then lists the headings
        fixed = count_tokens(system, model.encoding) + count_tokens(_human(job, []), model.encoding)
    chosen = fit_exemplars(job.exemplars, max(0, model.prompt_budget - fixed), model.encoding)
    while True:
        human = _human(job, chosen)
        total = count_tokens(system, model.encoding) + count_tokens(human, model.encoding)
        if total <= model.prompt_budget or not chosen:
            return system, human, chosen, total
        chosen = chosen[:-1]


def parse_answer(text: str, heading: str) -> str:
    """The section body from a model's answer: code fences, a repeated heading and a 'here is' line dropped."""
    text = (text or "").strip()
    fence = re.match(r"^```[\w-]*\n(.*?)\n?```$", text, re.S)
    if fence:
        text = fence.group(1).strip()
    lines = text.split("\n")
    names = {heading.strip(), strip_enumerator(heading)} - {""}
    while lines and (lines[0].strip().lstrip("#").strip() in names or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(line.rstrip() for line in lines).strip()


def _finding_dict(f) -> dict:
    return {"kind": f.kind, "level": f.level, "start": f.start, "end": f.end, "text": f.text,
            "message": f.message, "facts": list(getattr(f, "fact_ids", ()) or ())}


def check_text(text: str, facts: Sequence[Fact], references: Sequence[str] = (),
               known: Sequence[str] = ()) -> tuple[list[dict], list[dict]]:
    """(all findings, error findings) from the number checker."""
    from eval.check import check_draft

    result = check_draft(text, list(facts), references=tuple(references), known=tuple(k for k in known if k))
    findings = [_finding_dict(f) for f in result.findings]
    return findings, [f for f in findings if f["level"] == "error"]


def _check_facts(job: SectionJob) -> list[Fact]:
    """The facts a section is checked against: its own; for the opening and closing every fact (they may quote
    any of them, and must invent none)."""
    if job.outline.role not in ("opening", "closing"):
        return list(job.facts)
    return list(job.all_facts or job.facts)


def _check(job: SectionJob, text: str, references: Sequence[str]) -> tuple[list[dict], list[dict]]:
    # the period, unit and title are inputs too: their figures are right without being facts to cover
    findings, errors = check_text(text, _check_facts(job), references, known=(job.period, job.school, job.title))
    if job.outline.role in ("opening", "closing"):  # they summarise: leaving a fact out is no finding
        findings = [f for f in findings if f["kind"] != "missing"]
        errors = [f for f in errors if f["kind"] != "missing"]
    return findings, errors


def _offline_text(job: SectionJob) -> str:
    role = job.outline.role
    if role == "opening":
        return offline.render_opening(job.kind, job.period, job.body_headings, job.instruction)
    if role == "closing":
        return offline.render_closing(job.kind, job.period, job.body_headings, job.instruction)
    # framing comes from exemplars of the same kind of part: not from another document's problems or plans
    pairs = [(e.text, e.title) for e in job.exemplars
             if role_of_heading(e.heading) == "body" and (e.kind or library_kind(job.kind)) == library_kind(job.kind)]
    return offline.render_section(job.outline.heading, role, job.facts, pairs, job.instruction)


def _stream_call(model: ResolvedModel, messages: list, heading: str, stream: Stream | None) -> str:
    parts: list[str] = []
    chunks = iter(model.chat.stream(messages))
    while True:
        try:
            chunk = next(chunks)
        except StopIteration:
            break
        except BackendError:
            raise
        except Exception as exc:  # every vendor failure becomes a message that says what to fix
            error = backend_error(exc, model)
            if error is None:
                raise
            raise error from exc
        content = chunk.content
        parts.append(content if isinstance(content, str) else "".join(
            c.get("text", "") if isinstance(c, dict) else str(c) for c in content))
        if stream:
            stream(heading, "".join(parts))
    text = "".join(parts)
    if not text.strip():
        raise BackendError(f"模型 {model.spec} 返回了空内容，请重试或换用其他模型",
                           f"{model.spec} returned an empty answer; retry or use another model")
    return text


def write_section(job: SectionJob, model: ResolvedModel, stream: Stream | None = None) -> WriteResult:
    """Raises BackendError when the model fails; the caller decides what a failure means for the draft."""
    heading = job.outline.heading
    references = [e.text for e in job.exemplars]
    calls, tokens = 0, 0
    used = list(job.exemplars)
    if model.offline:
        text = _offline_text(job)
        if stream:
            stream(heading, text)
    else:
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

        system, human, used, tokens = build_messages(job, model)
        references = [e.text for e in used]
        messages = [SystemMessage(system), HumanMessage(human)]
        text = parse_answer(_stream_call(model, messages, heading, stream), heading)
        calls = 1
        _, errors = _check(job, text, references)
        if errors:
            lines = "\n".join(f"- “{f['text']}”：{f['message']}" for f in errors)
            repair = render("repair", findings=lines, facts=_facts_block(job.facts))
            # the repair round needs the facts, not the exemplars: dropping them keeps it within the budget
            messages = [messages[0], HumanMessage(_human(job, [])), AIMessage(text), HumanMessage(repair)]
            calls = 2
            try:
                text = parse_answer(_stream_call(model, messages, heading, stream), heading) or text
            except BackendError:
                pass  # the first answer stands, with its findings attached
    findings, _ = _check(job, text, references)
    section = Section(id=job.outline.id, heading=heading, text=text, fact_ids=tuple(f.id for f in job.facts),
                      sources=as_sources(used), findings=tuple(findings), role=job.outline.role)
    return WriteResult(section, tokens, calls)


def failed_section(job: SectionJob, error: BackendError) -> Section:
    return Section(id=job.outline.id, heading=job.outline.heading, text="",
                   fact_ids=tuple(f.id for f in job.facts), sources=as_sources(job.exemplars),
                   role=job.outline.role, error=f"{error.zh} / {error.en}")

