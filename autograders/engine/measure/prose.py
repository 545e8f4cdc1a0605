"""What makes a text prose rather than a keyword list: measurements for the ``prose`` check.

One pass over the body sentences (paragraphs, quotes, list items, table cells) of the text a reader sees. A
sentence's *prose words* are its words and numbers, not hashtags, mentions, links or e-mail addresses (those are
counted apart as *tags*). Measured, never judged:

* **predicates** — words in sentences with a predicate (:mod:`.predicate`) against words in sentences without one
  (*fragments*). A verbless list item, or a verbless labelled line of a notice (*Syarat: KTP orang tua, rapor.*,
  *Info lengkap: …*), is an *item*, not a fragment: a requirements list or a list of sources inside an article is
  normal; a text made of nothing else is not prose. A table cell counts when it holds a sentence (a glossary's
  definitions); a verbless cell is data (a date, a place) and is left out;
* **lists posing as sentences** — a sentence cut by commas, semicolons, pipes or bullets into at least
  ``lists.min_segments`` pieces, most of them at most ``lists.segment_max_words`` words long, with almost no
  function words (*KTP, KK, akta, gratis, cepat, Sukamaju*);
* **function words** — the share of the language's function words (``stopwords.txt``) among the words;
* **repetition** — the most frequent content word (not a function word, three letters or more) and the most
  repeated run of ``phrase_repetition.words`` words that begins with a content word, with where they occur;
* **tags** — hashtags, mentions and links, and their share of all tokens;
* **doubled words** — a word written twice in a row inside a sentence (*maaf maaf*, *DM DM*): a salad's mark;
  Indonesian reduplication is written with a hyphen (*anak-anak*), so prose has at most a typo or two.

Keyphrase occurrences come from the SEO measurement (:func:`autograders.engine.assess.seo.keyphrase_count`), so
there is one count of them. Everything is linear in the length of the draft and cached on the document.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import compress, islice
from operator import attrgetter, eq
from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping

from typing import Sequence

from ..parse.document import Document, Sentence
from ..parse.words import Word
from .measurements import passive_sentences, sentence_lowers, vocabulary, vocabulary_lines, word_counts
from .predicate import opener_vocabulary, predicate_in, predicate_vocabulary
from .tags import find_hashtags, find_mentions

BODY = ("paragraph", "quote", "list_item", "table_cell")
_LABEL_MAX_WORDS = 3  # "Syarat:", "Info lengkap:", "Waktu dan tempat:" open a labelled line
_SEPARATORS = frozenset(",;|•·")
_SEPARATOR = re.compile("[,;|•·]")
_LINK_KINDS = ("url", "email", "domain")
_LOWER = attrgetter("lower")
_JOIN = "\x1f".join  # a phrase's words, joined by a character no word holds
_BREAK = "\n"  # between sentences in the flat word list: never a word


@dataclass(frozen=True)
class ProseMeasure:
    words: int  # prose words in body sentences
    sentences: int  # body sentences holding prose words
    predicate_words: int  # prose words in sentences with a predicate
    fragment_words: int  # prose words in verbless sentences (not short items)
    item_words: int  # prose words in verbless short list items / table cells
    list_words: int  # prose words in sentences that are comma-separated lists
    function_words: int  # function words among the (non-number) words
    lexical_words: int  # words that are not numbers
    top_word: str
    top_word_count: int
    content_words: int  # words that are neither numbers nor function words
    top_phrase: str
    top_phrase_count: int
    tags: int  # hashtags + mentions + links
    doubled: int = 0  # words written twice in a row inside a sentence
    fragments: tuple[tuple[int, int], ...] = ()
    lists: tuple[tuple[int, int], ...] = ()
    items: tuple[tuple[int, int], ...] = ()
    no_function_sentences: tuple[tuple[int, int], ...] = ()
    tag_spans: tuple[tuple[int, int], ...] = ()
    phrase_words: int = 3
    phrase_key: str = field(default="", repr=False, compare=False)  # the phrase's words joined by \x1f
    kept: tuple[Sequence[Word], ...] = field(default=(), repr=False, compare=False)  # prose words per sentence

    @cached_property
    def top_word_spans(self) -> tuple[tuple[int, int], ...]:
        """Where the most frequent content word stands (found only when asked: marks need it, numbers do not)."""
        if not self.top_word:
            return ()
        return tuple((w.start, w.end) for prose in self.kept for w in prose if w.lower == self.top_word)

    @cached_property
    def top_phrase_spans(self) -> tuple[tuple[int, int], ...]:
        if not self.phrase_key:
            return ()
        n, wanted, spans = self.phrase_words, tuple(self.phrase_key.split("\x1f")), []
        for prose in self.kept:
            lowers = [w.lower for w in prose]
            spans += [(prose[i].start, prose[i + n - 1].end) for i in range(len(prose) - n + 1)
                      if tuple(lowers[i:i + n]) == wanted]
        return tuple(spans)

    @cached_property
    def doubled_spans(self) -> tuple[tuple[int, int], ...]:
        """Where a word follows itself (found only when asked)."""
        if not self.doubled:
            return ()
        return tuple((prose[i].start, prose[i + 1].end) for prose in self.kept for i in range(len(prose) - 1)
                     if prose[i].lower == prose[i + 1].lower)

    @property
    def doubled_per_100(self) -> float:
        return round(100.0 * self.doubled / self.words, 2) if self.words else 0.0

    @property
    def predicate_share(self) -> float:
        """Prose words in sentences with a predicate, of those in sentences that are not short items (0–1)."""
        judged = self.words - self.item_words
        return round(1 - self.fragment_words / judged, 3) if judged > 0 else 0.0

    @property
    def item_share(self) -> float:
        return round(self.item_words / self.words, 3) if self.words else 0.0

    @property
    def list_share(self) -> float:
        return round(self.list_words / self.words, 3) if self.words else 0.0

    @property
    def function_share(self) -> float:
        return round(self.function_words / self.lexical_words, 3) if self.lexical_words else 0.0

    @property
    def top_word_share(self) -> float:
        return round(self.top_word_count / self.content_words, 3) if self.content_words else 0.0

    @property
    def top_phrase_per_100(self) -> float:
        return round(100.0 * self.top_phrase_count / self.words, 2) if self.words else 0.0

    @property
    def tag_share(self) -> float:
        total = self.tags + self.words
        return round(self.tags / total, 3) if total else 0.0


def _segments(sentence: Sentence, words: Sequence[Word]) -> list[int]:
    """Prose words per piece of a sentence cut at list separators (a comma inside a number does not cut: it is
    inside a word). One pass over the separators and one over the words."""
    base = sentence.start
    cuts = [m.start() + base for m in _SEPARATOR.finditer(sentence.text)]
    counts, current, k = [], 0, 0
    for word in words:
        if k < len(cuts) and cuts[k] < word.start:
            counts.append(current)
            current = 0
            while k < len(cuts) and cuts[k] < word.start:
                k += 1
        current += 1
    counts.append(current)
    return counts


# On the vocabulary, one word per line: a number starts with a digit or Rp (a word token with a letter); a link,
# an address or a domain holds "/", "@" or a period before a letter (links are ASCII, the vocabulary lower case).
_NUMBER_START = re.compile(r"^(?:rp\.?\s?)?\d.*$", re.M)
_DOT_LETTER = re.compile(r"\.[a-z]")


def _is_labelled(sentence: Sentence, words: list[Word]) -> bool:
    """A labelled line of a notice: one to three words and a colon, then the value ("Syarat: KTP dan KK")."""
    colon = sentence.text.find(":")
    if colon <= 0:
        return False
    before = sum(1 for w in words if w.end - sentence.start <= colon)
    return 1 <= before <= _LABEL_MAX_WORDS and before < len(words)


def _is_list(sentence: Sentence, words: list[Word], stopwords: frozenset[str], cfg: Mapping) -> bool:
    if len(words) < cfg["min_segments"]:
        return False
    pieces = [n for n in _segments(sentence, words) if n]
    if len(pieces) < cfg["min_segments"]:
        return False
    short = sum(1 for n in pieces if n <= cfg["segment_max_words"])
    function = sum(1 for w in words if w.lower in stopwords)
    return short >= cfg["short_segment_share"] * len(pieces) and function <= cfg["max_function_share"] * len(words)


def prose_measure(doc: Document) -> ProseMeasure:
    """The prose measurements of a document (computed once, cached)."""
    return doc.cached("prose_measure", lambda: _measure(doc))


def _measure(doc: Document) -> ProseMeasure:
    language = doc.language
    cfg = language.threshold("prose")
    list_cfg = cfg["lists"]
    min_separators = int(list_cfg["min_segments"]) - 1
    stopwords = language.stopwords
    text = doc.text
    tag_spans = [(m.start(), m.end()) for m in find_hashtags(text)] if "#" in text else []
    if "@" in text:
        tag_spans += [(m.start(), m.start() + 1 + len(m.group(1).rstrip("."))) for m in find_mentions(text)]
    tag_starts = {start for start, _ in tag_spans}
    # A link, an address or a domain is a word with "/", "@" or a period before a letter: without one there is none.
    lines = vocabulary_lines(doc)
    maybe_links = "/" in lines or "@" in lines or _DOT_LETTER.search(lines) is not None
    link_spans = [(w.start, w.end) for w in doc.words if w.kind in _LINK_KINDS] if maybe_links else []
    special = bool(tag_starts or link_spans)  # else every word of a sentence is a prose word
    numbers = frozenset(_NUMBER_START.findall(lines))
    # The predicate rule's word sets, once for the draft's vocabulary; the passive check's own findings.
    vocab = vocabulary(doc)
    verbs = predicate_vocabulary(vocab, language)
    openers = opener_vocabulary(vocab, language, lines)
    passives = {s.start for s, _ in passive_sentences(doc)}

    words = sentences = with_predicate = fragment_words = item_words = list_words = skipped = 0
    fragments: list[tuple[int, int]] = []
    lists: list[tuple[int, int]] = []
    items: list[tuple[int, int]] = []
    bare: list[tuple[int, int]] = []
    phrase_n = int(cfg["phrase_repetition"]["words"])
    flat: list[str] = []  # the prose words of all sentences, a separator between sentences
    kept: list[Sequence[Word]] = []
    blocks = doc.blocks
    separators = [c for c in _SEPARATORS if c in text]  # usually only the comma
    for sentence, all_lowers in zip(doc.sentences, sentence_lowers(doc)):  # the body sentences, in order
        block = blocks[sentence.block]
        prose = sentence.words
        lowers = all_lowers
        if special:
            prose = [w for w in prose if w.kind in ("word", "number") and (w.start - 1) not in tag_starts]
            lowers = list(map(_LOWER, prose))
        if not prose:
            continue
        predicate = not verbs.isdisjoint(lowers) or predicate_in(prose, lowers, language, verbs, openers,
                                                                   sentence.start in passives)
        if block.kind == "table_cell" and not predicate:
            skipped += 1
            continue  # a data cell (a date, a place, a number) is neither prose nor a fragment
        n = len(prose)
        sentences += 1
        words += n
        if n >= 5 and stopwords.isdisjoint(lowers):
            bare.append((sentence.start, sentence.end))
        if separators and sum(map(sentence.text.count, separators)) >= min_separators and _is_list(
                sentence, prose, stopwords, list_cfg):
            list_words += n
            lists.append((sentence.start, sentence.end))
        if predicate:
            with_predicate += n
        elif block.kind == "list_item" or _is_labelled(sentence, prose):
            item_words += n
            items.append((sentence.start, sentence.end))
        else:
            fragment_words += n
            fragments.append((sentence.start, sentence.end))
        flat += lowers
        flat.append(_BREAK)
        kept.append(prose)

    doubled = sum(map(eq, flat, islice(flat, 1, None)))  # a sentence break never follows a sentence break
    # Counted once over the whole draft (C-level counting): words, function words, content words, phrases.
    if special or skipped:
        counts = Counter(flat)
        del counts[_BREAK]
    else:
        counts = word_counts(doc)  # the same words, counted once for the draft (the tone check reads them too)
    number_count = sum(counts[x] for x in numbers & counts.keys())
    lexical_words = words - number_count
    function_words = sum(counts[x] for x in stopwords & counts.keys())
    content = counts.keys() - stopwords - numbers
    # The first of the most frequent in text order (``max`` keeps the first; the counter keeps text order), never
    # how a set happens to be ordered. Strings only, no tuples: fewer objects for the garbage collector to visit.
    top_word = max((w for w in counts if w in content and len(w) >= 3), key=counts.__getitem__, default="")
    top_word_count = counts[top_word] if top_word else 0
    # Phrases: runs of phrase_n words that begin with a content word occurring more than once (only such a run
    # can repeat, and a phrase worth naming starts with a content word), counted at C speed as joined strings.
    repeated = frozenset(w for w in content if counts[w] > 1)
    starts = list(map(repeated.__contains__, flat))
    phrases = Counter(map(_JOIN, zip(*(compress(islice(flat, k, None), starts) for k in range(phrase_n)))))
    top_phrase = max(phrases, key=phrases.__getitem__, default="")
    while _BREAK in top_phrase:  # a run across a sentence break is not a phrase: look further down
        del phrases[top_phrase]
        top_phrase = max(phrases, key=phrases.__getitem__, default="")
    top_phrase_count = phrases[top_phrase] if top_phrase else 0
    return ProseMeasure(
        words=words, sentences=sentences, predicate_words=with_predicate, fragment_words=fragment_words,
        item_words=item_words, list_words=list_words, function_words=function_words, lexical_words=lexical_words,
        top_word=top_word, top_word_count=top_word_count, content_words=lexical_words - function_words,
        top_phrase=top_phrase.replace("\x1f", " "), top_phrase_count=top_phrase_count, phrase_key=top_phrase, tags=len(tag_spans) + len(link_spans), doubled=doubled,
        fragments=tuple(fragments), lists=tuple(lists), items=tuple(items), no_function_sentences=tuple(bare),
        tag_spans=tuple(sorted(tag_spans + link_spans)), phrase_words=phrase_n, kept=tuple(kept),
    )
