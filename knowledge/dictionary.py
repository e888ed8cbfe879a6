"""Real words of Dutch and English, with how frequent they are (wordfreq's word lists, read directly).

The typo corrector may only rewrite a word that is not a real word, and the matcher weighs a
word by how telling it is: an everyday word ("kinderen", "man", "thuis") tells less than a rare
one ("deurwaarder"). Both need word frequencies, which the wordfreq package carries as data
files (msgpack, gzip; no download at run time).

Two lists per language, read lazily and once per process:
- `common()`: wordfreq's small list (about 29,000 words per language, 0.01 s), used at load
  time for the information weights;
- `real_words()`: the large list down to Zipf 2.5 (about 55,000 words per language, 0.3 s),
  read on the first word the lexicon does not know, for the typo decision. Only the buckets
  down to the cut-off are decoded; the long tail of names and typos is never read.

Zipf: log10 of a word's frequency per billion words (7 for "de", 3 for "deurwaarder").
"""

from __future__ import annotations

import gzip
import importlib.util
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

import msgpack

try:
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory
except ImportError:  # pragma: no cover - a dependency; without it only exact forms and typos are read
    DefaultDictionaryFactory = None

from knowledge.normalize import fold

LANGUAGES = ("nl", "en")
REAL_ZIPF = 2.5  # a word at least this frequent in Dutch or English is a real word
MAX_LEMMA_FORMS = 3
MIN_LEMMA_LENGTH = 4
_lock = threading.Lock()
_lists: dict[tuple[str, float], dict[str, float]] = {}
_build_lock = threading.Lock()
_lemma_indexes: dict[frozenset[str], dict[str, tuple[str, ...]]] = {}  # per vocabulary: Matchers of one KB share


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("wordfreq")  # the data only: importing wordfreq itself costs 0.15 s
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _read(name: str, language: str, min_zipf: float) -> dict[str, float]:
    """word (folded) -> Zipf, for one wordfreq list, down to `min_zipf`."""
    folder = _data_dir()
    path = folder / f"{name}_{language}.msgpack.gz" if folder else None
    words: dict[str, float] = {}
    if path is None or not path.exists():
        return words
    with gzip.open(path, "rb") as stream:
        unpacker = msgpack.Unpacker(stream, raw=False)
        buckets = unpacker.read_array_header()
        unpacker.unpack()  # header: {"format": "cB", "version": 1}
        for centibels in range(buckets - 1):  # bucket i holds the words of frequency 10 ** (-i / 100)
            zipf = 9.0 - centibels / 100.0
            if zipf < min_zipf:
                break
            for word in unpacker.unpack():
                key = fold(word)
                if key.isalpha() and key not in words:
                    words[key] = zipf
    return words


def _merged(name: str, min_zipf: float) -> dict[str, float]:
    key = (name, min_zipf)
    if key not in _lists:
        with _lock:
            if key not in _lists:
                merged: dict[str, float] = {}
                for language in LANGUAGES:
                    for word, zipf in _read(name, language, min_zipf).items():
                        if zipf > merged.get(word, 0.0):
                            merged[word] = zipf
                _lists[key] = merged
    return _lists[key]


def _forms_to_lemma_impl(language: str) -> Mapping[str, str]:
    """simplemma's form -> lemma dictionary of one language, not cached (the caller keeps what it needs)."""
    return DefaultDictionaryFactory(cache_max_size=0).get_dictionary(language)


_forms_to_lemma = _forms_to_lemma_impl if DefaultDictionaryFactory is not None else None


def common_in(language: str) -> dict[str, float]:
    """Everyday words of one language -> Zipf."""
    key = ("small:" + language, 0.0)
    if key not in _lists:
        with _lock:
            _lists.setdefault(key, _read("small", language, 0.0))
    return _lists[key]


def common() -> dict[str, float]:
    """Everyday words of Dutch and English -> Zipf (the higher of the two)."""
    return _merged("small", 0.0)


def real_words() -> dict[str, float]:
    """Every real word of Dutch and English at Zipf >= REAL_ZIPF -> Zipf."""
    return _merged("large", REAL_ZIPF)


def zipf(word: str) -> float:
    """How frequent a word is (0.0 when it is not an everyday word)."""
    return common().get(word, 0.0)


class Lemmas:
    """Inflected forms of the lexicon's words ('drinkt', 'drink' ~ 'drinken'; 'flauwvallen' ~
    'flauwgevallen'), from simplemma's Dutch and English form -> lemma dictionaries.

    `build()` reads each dictionary once (about 0.9 s for both), keeps only the forms whose lemma
    is a lemma of a lexicon word, and lets the dictionary go: a small map stays (a few MB),
    not simplemma's 70 MB, and a sentence costs one look-up per word.
    """

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._vocabulary = frozenset(w for w in vocabulary if w.isalpha() and len(w) >= MIN_LEMMA_LENGTH)
        self._index: dict[str, tuple[str, ...]] | None = None
        self._lock = threading.Lock()

    def related(self, word: str) -> tuple[str, ...]:
        """The lexicon words (other than `word`) that are a form of the same lemma as `word`."""
        if self._index is None:
            self.build()
        assert self._index is not None
        return self._index.get(word, ())

    def build(self) -> None:
        """The map of forms to lexicon words (once per vocabulary and process)."""
        with self._lock, _build_lock:  # one build at a time: a second matcher of the same base waits and shares
            if self._index is not None:
                return
            with _lock:
                known = _lemma_indexes.get(self._vocabulary)
            if known is not None:
                self._index = known
                return
            index: dict[str, set[str]] = {}
            for language in LANGUAGES if _forms_to_lemma is not None else ():
                lemma_of = _forms_to_lemma(language)
                groups: dict[str, set[str]] = {}
                for word in self._vocabulary:  # a separable verb's lemma: 'af_sluiten' is 'afsluiten'
                    groups.setdefault((lemma_of.get(word) or word).replace("_", ""), set()).add(word)
                for form, lemma in lemma_of.items():
                    lemma = lemma.replace("_", "")
                    if lemma in groups and form.isalpha():
                        index.setdefault(form, set()).update(groups[lemma])
                for lemma, words in groups.items():  # the lemma itself, and words that are their own lemma
                    index.setdefault(lemma, set()).update(words)
                del lemma_of
            self._index = {
                form: tuple(sorted(words - {form}))[:MAX_LEMMA_FORMS]
                for form, words in index.items()
                if words - {form}
            }
            with _lock:
                if len(_lemma_indexes) >= 4:
                    _lemma_indexes.clear()
                _lemma_indexes[self._vocabulary] = self._index


def warm(*lemmas: Lemmas) -> None:
    """Read every list now (in a background thread at start-up, so the first resident does not wait)."""
    real_words()
    common()
    for language in LANGUAGES:
        common_in(language)
    for index in lemmas:
        index.build()
