"""People: every named human, one entry each, with a title and the body they speak for.

``mentions`` finds the written references; here they are resolved. Full
names that differ only in honorifics, particles or initials ("Dato' Mohd
Zamruni bin Khalid", "Mohd Zamruni Khalid") are one person. Short references
("Minister Kim", "Deputy Minister Park", "Ambassador Lighthizer") join the
full name they refer to, by title where two people share a surname; a titled
surname that refers to no full name ("President Trump") stands for the person
on its own; a bare surname that resolves to nobody is dropped; a bare full
name counts when its surname speaks or is titled elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pressdesk.extract.keys import org_key, person_key
from pressdesk.extract.lexicon import EAST_ASIAN_SURNAMES, TITLE_MODIFIERS
from pressdesk.extract.mentions import TITLE_WORDS, Mention, find_mentions, strip_honorifics
from pressdesk.extract.roles import is_title_role
from pressdesk.extract.text import soften_wrapped
from pressdesk.facts import Org, Person, Span

__all__ = ["extract_people", "person_key"]


@dataclass
class _Entry:
    name: str
    role: str | None = None
    org: str | None = None
    variants: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


def _org_name(org: str | None, orgs: list[Org]) -> str | None:
    """The organisation a written name or acronym stands for, if the release names it."""
    if not org:
        return None
    return next((o.name for o in orgs if org == o.name or org in o.aliases), None)


def _org_in_role(role: str | None, orgs: list[Org]) -> str | None:
    if not role:
        return None
    for o in orgs:
        if any(_contains_word(role, f) for f in (o.name, *o.aliases)):
            return o.name
    return None


_AT = re.compile(r"^(.+?) at (?:the )?(.+)$")


def _role_at(role: str | None, orgs: list[Org]) -> tuple[str | None, str | None]:
    """ "Deputy Minister for Trade at the Ministry of Trade" (the body's name cut at its comma,
    "Ministry of Trade, Industry and Resources"): the title, and the body it names."""
    m = _AT.match(role or "")
    if m:
        for o in orgs:
            if m.group(2) in (o.name, *o.aliases) or o.name.startswith(m.group(2) + ","):
                return m.group(1), o.name
    return role, None


def _contains_word(text: str, form: str) -> bool:
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(form, start + 1)
    return False


def _parenthetical_org(text: str, mention: Mention) -> str | None:
    """ "(MOTIR, Minister Kim Jung-kwan)": the body named before the comma."""
    m = re.search(r"\(([A-Z][\w&.-]*),\s*[^()]*$", text[max(0, mention.span.start - 60) : mention.span.start])
    return m.group(1) if m else None


def _same(a: str, b: str) -> bool:
    ka, kb = person_key(a).split(), person_key(b).split()
    if not ka or not kb or ka[0] != kb[0] or ka[-1] != kb[-1]:
        return False
    return set(ka) <= set(kb) or set(kb) <= set(ka)


def _title_head(role: str | None) -> str | None:
    if not role:
        return None
    return next((w for w in role.split() if w in TITLE_WORDS and w not in TITLE_MODIFIERS), None)


def _compatible(entry: _Entry, mention: Mention) -> bool:
    a, b = _title_head(entry.role), _title_head(mention.role)
    return a is None or b is None or a == b


def _refers_to(entry: _Entry, word: str) -> bool:
    parts = person_key(entry.name).split()
    return bool(parts) and word.casefold() in (parts[0], parts[-1])


def _subordinate(entry: _Entry, mention: Mention) -> bool:
    """ "Advisor to the President Jane Roe" is not the "President Roe" of the release."""
    head = _title_head(mention.role)
    return bool(head and entry.role and re.search(rf"\b(?:to|of) the {re.escape(head)}\b", entry.role))


class _Book:
    """People found so far, and where each reference goes."""

    def __init__(self, text: str, orgs: list[Org]) -> None:
        self.text = text
        self.orgs = orgs
        self.entries: list[_Entry] = []

    def add_full(self, mention: Mention) -> None:
        entry = next((e for e in self.entries if _same(e.name, mention.name)), None)
        if entry is None:
            entry = _Entry(strip_honorifics(mention.name))
            self.entries.append(entry)
        elif len(person_key(mention.name)) > len(person_key(entry.name)):
            entry.name = strip_honorifics(mention.name)
        self.note(entry, mention)

    def note(self, entry: _Entry, mention: Mention) -> None:
        entry.variants.append(mention.written or mention.name)
        entry.spans.append(mention.span)
        role, at = _role_at(mention.role, self.orgs)
        if entry.role is None and role:
            entry.role = role
        org = (
            _org_name(mention.org, self.orgs)
            or at
            or _org_name(_parenthetical_org(self.text, mention), self.orgs)
            or _org_in_role(mention.role, self.orgs)
        )
        if entry.org is None and org:
            entry.org = org

    def add_short(self, mention: Mention) -> None:
        hosts = [e for e in self.entries if _refers_to(e, mention.name)]
        if len(hosts) > 1:
            hosts = [e for e in hosts if _compatible(e, mention)] or hosts
        hosts = [e for e in hosts if not _subordinate(e, mention)]
        if hosts:
            self.note(self._closest(hosts, mention), mention)
        elif mention.strong and not _is_org_word(mention.name, self.orgs):
            entry = _Entry(mention.name)
            self.entries.append(entry)
            self.note(entry, mention)

    def _closest(self, hosts: list[_Entry], mention: Mention) -> _Entry:
        before = [
            (max((s.start for s in e.spans if s.start < mention.span.start), default=-1), e) for e in hosts
        ]
        return max(before, key=lambda pair: pair[0])[1]


def _is_org_word(word: str, orgs: list[Org]) -> bool:
    return any(word == o.name or word in o.aliases for o in orgs)


def _inside_org(mention: Mention, orgs: list[Org]) -> bool:
    key = org_key(mention.name)
    if any(key in {org_key(f) for f in (o.name, *o.aliases)} for o in orgs):
        return True
    firm = " " in mention.name and any(
        f.startswith(mention.name + " ") for o in orgs for f in (o.name, *o.aliases)
    )
    if firm:
        return True  # "Merrill Lynch" of "Merrill Lynch Japan Inc.": a firm named after people
    return any(
        s.start <= mention.span.start and mention.span.end <= s.end and (s.end - s.start) > len(mention.name)
        for o in orgs
        for s in o.spans
    ) or any(mention.name == o.name or mention.name in o.aliases for o in orgs)


def _to_person(entry: _Entry) -> Person:
    variants = tuple(dict.fromkeys(entry.variants))
    spans = tuple(sorted(set(entry.spans), key=lambda s: s.start))
    return Person(name=entry.name, role=_one_line(entry.role), org=_one_line(entry.org),
                  variants=variants, spans=spans)


def _one_line(text: str | None) -> str | None:
    """A role or body as one line: a wrapped text's line breaks are spaces."""
    return " ".join(text.split()) if text else text


def _confirm_weak(mentions: list[Mention]) -> list[Mention]:
    """ "Elon Musk ... Musk said": a bare name counts when its surname speaks or is titled elsewhere."""
    speaking = {m.name.casefold() for m in mentions if " " not in m.name and (m.spoken or m.role)}

    def confirmed(m: Mention) -> bool:
        parts = person_key(m.name).split()
        family_first = m.name.split()[0] in EAST_ASIAN_SURNAMES
        return (parts[0] if family_first else parts[-1]) in speaking

    return [m for m in mentions if not m.weak or confirmed(m)]


def extract_people(text: str, orgs: list[Org]) -> list[Person]:
    """Every named person in ``text``, once each, in order of first mention; ``orgs`` are the
    release's organisations (names inside them are not people; roles name them)."""
    text = soften_wrapped(text)
    mentions = [m for m in find_mentions(text) if person_key(m.name) and not _inside_org(m, orgs)]
    mentions = _confirm_weak(mentions)
    book = _Book(text, orgs)
    for mention in mentions:
        if " " in person_key(mention.name):
            book.add_full(mention)
    for mention in mentions:
        if " " not in person_key(mention.name):
            book.add_short(mention)
    people = [_to_person(e) for e in sorted(book.entries, key=lambda e: min(s.start for s in e.spans))]
    return [_with_body_before(text, _without_others(p, people), orgs) for p in people]


def _with_body_before(text: str, person: Person, orgs: list[Org]) -> Person:
    """A title written after its body's name, which the role's capitalised run could not hold
    whole ("Organisation of African Unity | Chairman", "Peters and Co Ltd | oil analyst"):
    the role begins where the organisation that runs into it does, and names it."""
    role = person.role
    if not role:
        return person
    for name in person.spans:
        at = text.rfind(role, max(0, name.start - len(role) - 8), name.start)
        if at < 0 or text[at + len(role) : name.start].strip(" ") not in _BETWEEN:
            continue
        for org in orgs:
            for span in org.spans:
                if span.start < at < span.end <= at + len(role):
                    return replace(person, role=text[span.start : at + len(role)], org=org.name)
    return person


_BETWEEN = frozenset({"", "Sir", "Dr", "Dr.", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs."})


def _without_others(person: Person, people: list[Person]) -> Person:
    """A role that runs over another person's name ("White House Chief of Staff Howard Baker,
    Treasury Secretary" before "James Baker") is only what follows it, if that ends in a
    title (after a name, "..., Foreign Secretary Geoffrey Howe and Governor of the Bank of
    England Robin Leigh-Pemberton" names others, and is none)."""
    role = person.role
    for other in people:
        at = role.rfind(other.name) if role and other is not person else -1
        if role and at >= 0:
            rest = re.sub(r"^(?:and|&)\s+", "", role[at + len(other.name) :].lstrip(" ,;"))
            role = rest if rest and is_title_role(rest.split()[-1]) else None
    return person if role == person.role else replace(person, role=role)
