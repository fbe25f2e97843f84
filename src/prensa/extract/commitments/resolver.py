"""Actors of each candidate, in text order, remembering the last ones so 'he', 'they' and 'the
Secretary' can refer back."""

from __future__ import annotations

from spacy.tokens import Token

from prensa.extract.commitments.actors import Actors
from prensa.extract.commitments.clauses import reporter
from prensa.extract.commitments.grammar import SUBJECT_DEPS, children, person_number
from prensa.extract.commitments.scene import Scene
from prensa.extract.commitments.subjects import from_subject, passive_se, subject
from prensa.extract.commitments.triggers import Candidate
from prensa.text import doc_text

#: A clause with any of these has its own subject, even one no actor comes from ('who will
#: attend', 'accelerating the transition will support…').
_WRITTEN_SUBJECTS = SUBJECT_DEPS | {"csubj", "csubjpass", "expl"}


class Resolver:
    """Resolves candidates one after another; the only state is the last actors found."""

    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        self.last: Actors | None = None
        self.last_at = 0  # character offset of the clause that set ``last``

    def resolve(self, cand: Candidate) -> Actors | None:
        """Actors of ``cand``; None when its subject is not an agent (no commitment)."""
        actors = self._resolve(cand)
        if actors is None and cand.noun is not None:
            # "Acuerdo para garantizar…" with no party named: the release's parties
            actors = self.scene.parties().fallback()
        if actors is not None and actors.resolved and actors.names:
            self.last, self.last_at = actors, cand.anchor.idx
        return actors

    def _resolve(self, cand: Candidate) -> Actors | None:
        scene = self.scene
        if cand.noun is not None and cand.noun is not cand.anchor:
            named = self._named_in_of_phrase(cand.noun)
            if named is not None:
                return named
        subj = subject(cand.anchor, scene.lines)
        if subj is not None and subj.pos_ != "PRON" and person_number(cand.anchor)[0] == "1":
            subj = None  # 'les estaré informando': a noun is never the subject of 'I'/'we'
        if scene.lex.language == "es" and passive_se(cand.anchor, subj, scene.lex):
            return scene.parties().fallback(impersonal=True)
        if subj is None:
            return self._implicit(cand)
        return from_subject(subj, scene, self.last)

    def _named_in_of_phrase(self, noun: Token) -> Actors | None:
        """'the shared commitment *of the United States, Japan and the ROK* to work…'."""
        lex = self.scene.lex
        for dep in children(noun, self.scene.lines, ("nmod", "prep")):
            if not any(lex.has("of_marks", c) for c in (dep, *dep.children)):
                continue
            ents = self.scene.cast.in_tokens(dep.left_edge.i, dep.right_edge.i + 1)
            if ents:
                return Actors.of(ents)
        return None

    def _recent(self, token: Token) -> Actors | None:
        """``last`` if it was set in this paragraph or the one before."""
        between = doc_text(self.scene.doc)[self.last_at : token.idx]
        paragraphs = sum(1 for line in between.split("\n")[1:] if line.strip())
        return self.last if paragraphs <= 1 else None

    def _implicit(self, cand: Candidate) -> Actors | None:
        """No written subject: the words before the verb on its line name the actor in a
        header-run sentence; in Spanish the verb ending says who."""
        scene, anchor = self.scene, cand.anchor
        spanish = scene.lex.language == "es"
        person, number = person_number(anchor) if spanish else (None, None)
        if person == "1":
            if number == "Sing":
                return scene.speaker(anchor) or scene.home()
            return scene.home()
        before = [
            t
            for t in scene.doc[max(anchor.sent.start, 0) : anchor.i]
            if scene.lines.same(t, anchor)
        ]
        if before and not any(t.pos_ == "VERB" for t in before):
            ents = scene.cast.in_tokens(before[0].i, before[-1].i + 1)
            if ents:
                return Actors.of(ents[-1:])
        told = reporter(anchor, scene.lex)
        written = any(c.dep_ in _WRITTEN_SUBJECTS for c in anchor.children)  # "who will attend"
        said_by = subject(told, scene.lines) if told is not None and not written else None
        if said_by is not None:  # 'X confirmó que viajará…': X travels
            return from_subject(said_by, scene, self.last)
        if not spanish:
            return None
        recent = self._recent(anchor)
        if recent is not None:
            return recent
        if cand.modality == "will":
            return None  # "Sobre eso va a tratar…": nobody named, no promise
        return scene.parties().fallback()
