"""Human-readable views of a frame, an event and an evaluation, each field with its sentence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.markup import escape

from communique.analyze.eval import EvalResult
from communique.model import Document, Frame, Span


def _quote(doc: Document | None, span: Mapping[str, Any] | Span) -> str:
    if doc is None:
        return ""
    s = span if isinstance(span, Span) else Span.from_dict(span)
    text = " ".join(doc.text[s.start : s.end].split())
    if len(text) > 300:
        text = text[:297] + "..."
    return f'[dim]    "{escape(text)}"  ({s.doc_id[:8]} {s.start}-{s.end})[/dim]'


def _known(*pairs: tuple[str, Any]) -> str:
    """``outlet X, dateline Y``: the labelled values that are known (None and empty left out)."""
    return ", ".join(f"{label} {escape(str(v))}" if label else escape(str(v)) for label, v in pairs if v)


def render_frame(con: Console, doc: Document, frame: Frame) -> None:
    """Print a document's frame; under each field, the sentence(s) behind it."""
    d = frame.to_dict()
    con.print(f"[bold]{escape(doc.title or (doc.paths[0] if doc.paths else doc.id))}[/bold]  {doc.id}")
    about = _known(("outlet", doc.outlet), ("published", doc.published), ("dateline", doc.dateline))
    if about:
        con.print(about)
    if frame.skipped:
        con.print(f"not annotated: {escape(frame.skipped)}")
        return
    ev = d["evidence"]
    con.print(f"role: [bold]{d['role']}[/bold]")
    for s in ev.get("role", [])[:1]:
        con.print(_quote(doc, s))
    if not frame.type:
        con.print("no diplomatic event in this document")
        return
    when = f" on {d['date']}" if d["date"] else " (date unknown)"
    said = f" ({escape(str(d['date_text']))})" if d.get("date_text") else ""
    con.print(f"event: [bold]{d['type']}[/bold]" + (f" ({d['status']})" if d["status"] else "") + when + said)
    for key in ("type", "date"):
        for s in ev.get(key, [])[:1]:
            con.print(_quote(doc, s))
    codes = _known(("CAMEO", d["codes"]["cameo"]), ("PLOVER", d["codes"]["plover"]))
    if codes:
        con.print(f"codes: {codes}")
    if frame.host or frame.location:
        con.print(_known(("host", frame.host), ("location", frame.location)))
        for s in ev.get("location", [])[:1]:
            con.print(_quote(doc, s))
    for title, people in (("participants", frame.participants), ("attendees", frame.attendees)):
        if people:
            con.print(f"{title}:")
            for p in people:
                more = _known(("", p.country), ("", p.role))
                con.print(f"  {escape(str(p.name or '?'))}" + (f" ({more})" if more else ""))
                for s in p.spans[:1]:
                    con.print(_quote(doc, s))
    for st in frame.statements:
        con.print(f"statement by {escape(str(st.speaker))} ({st.kind})")
        for s in st.spans[:1]:
            con.print(_quote(doc, s))
    if frame.topics:
        con.print("topics: " + escape("; ".join(t.name for t in frame.topics)))
    for x in frame.stances:
        con.print(f"stance: {escape(str(x.holder))} {x.polarity}s {escape(x.target)}")
        for s in x.spans[:1]:
            con.print(_quote(doc, s))
    for lab in frame.relationship_labels:
        con.print(f"relationship: {escape(lab.label)} ({escape(str(lab.holder))})")
    for r in frame.references:
        con.print(f"refers to: {r.type} {r.date}: {escape(r.text)}")
        for s in r.spans[:1]:
            con.print(_quote(doc, s))


def render_event(con: Console, ev: Mapping[str, Any], docs: Mapping[str, Document]) -> None:
    """Print a merged event: fields, sources (original or copy), why merged, supporting sentences."""

    def doc_of(span: Mapping[str, Any]) -> Document | None:
        return docs.get(span["doc_id"])

    status = f" ({ev['status']})" if ev.get("status") else ""
    con.print(f"[bold]{ev.get('date') or '????-??-??'} {ev.get('type') or 'news'}[/bold]{status}  {ev['id']}")
    codes = ev.get("codes") or {}
    known_codes = _known(("CAMEO", codes.get("cameo")), ("PLOVER", codes.get("plover")))
    if known_codes:
        con.print(f"codes: {known_codes}")
    if ev.get("host") or ev.get("location"):
        con.print(_known(("host", ev.get("host")), ("location", ev.get("location"))))
    for title in ("participants", "attendees"):
        people = ev.get(title) or []
        if people:
            con.print(f"{title}:")
            for p in people:
                more = _known(("", p.get("country")), ("", p.get("role")))
                con.print(f"  {escape(str(p.get('name') or '?'))}" + (f" ({more})" if more else ""))
                for s in (p.get("spans") or [])[:2]:
                    con.print(_quote(doc_of(s), s))
    con.print("sources:")
    for s in ev.get("sources", []):
        copy = f", copy of {s['copy_of'][:8]}" if s.get("copy_of") else ""
        role = f" ({s.get('role')}{copy})" if s.get("role") or copy else ""
        published = f" published {s['published']}" if s.get("published") else ""
        con.print(
            f"  {s['doc_id'][:8]} {escape(str(s.get('outlet') or 'outlet unknown'))}{role}{published}  "
            f"{escape(str(s.get('url') or s.get('path') or ''))}"
        )
    for v in ev.get("date_votes") or []:
        mark = "agrees" if v.get("agrees") else "disagrees"
        how = "said in the text" if v.get("certain") else "publication day"
        con.print(f"date {v.get('date')} from {str(v.get('doc_id'))[:8]} ({v.get('role')}, {how}): {mark}")
    for w in ev.get("why", []):
        con.print(f"why: {escape(w)}")
    for r in ev.get("references") or []:
        con.print(f"refers to: {r.get('type')} {r.get('date')}: {escape(str(r.get('text')))}")
        for s in (r.get("spans") or [])[:1]:
            con.print(_quote(doc_of(s), s))
    labels = ev.get("relationship_labels") or []
    if labels:
        con.print("relationship: " + escape("; ".join(str(x.get("label")) for x in labels)))
    topics = ev.get("topics") or []
    if topics:
        con.print("topics: " + escape("; ".join(str(t.get("name")) for t in topics)))
    for st in (ev.get("statements") or [])[:40]:
        con.print(f"statement by {escape(str(st.get('speaker')))}")
        for s in (st.get("spans") or [])[:1]:
            con.print(_quote(doc_of(s), s))


def render_eval(con: Console, r: EvalResult, verbose: bool = False) -> None:
    """Print evaluation figures: clustering, event fields, per-document frame fields."""
    c = r.cluster
    con.print(
        f"clustering: pairwise P={c['pairwise_precision']:.3f} R={c['pairwise_recall']:.3f} "
        f"F1={c['pairwise_f1']:.3f}  B-cubed F1={c['b_cubed_f1']:.3f}  ARI={c['adjusted_rand']:.3f}"
    )
    con.print(
        "events: "
        + "  ".join(f"{k}={ok}/{n}" + (f" ({ok / n:.3f})" if n else "") for k, (ok, n) in r.events.items())
    )
    con.print("frames per document:      precision  recall     F1   (correct/predicted/gold)")
    for k, v in r.fields.items():
        if v.gold or v.predicted:
            con.print(
                f"  {k:<14} {v.precision:>15.3f} {v.recall:>7.3f} {v.f1:>7.3f}   ({v.correct}/{v.predicted}/{v.gold})"
            )
    if verbose:
        for m in r.event_misses:
            con.print(f"[yellow]event[/yellow] {escape(m)}")
        for k, v in r.fields.items():
            for m in v.misses:
                con.print(f"[yellow]{k}[/yellow] {escape(m)}")
    if r.unmatched:
        con.print(f"{len(r.unmatched)} gold documents in no event: {escape(', '.join(r.unmatched[:8]))}")
