"""Named entities: extraction with the shipped tagger, training, evaluation.

The tagger is an averaged structured perceptron over hashed features (word,
clitic-stripped stem, affixes, shape, ±2 context words, trigger words,
gazetteer matches, word clusters), decoded by Viterbi under BIO constraints,
all in Rust. See ``python/akhbar/data/MODEL.md`` for how the shipped model
was trained and how well it does.

Examples
--------
>>> import akhbar
>>> text = "قال الرئيس الأمريكي باراك أوباما في واشنطن إن أوباما سيزور القاهرة"
>>> [(e.text, e.label) for e in akhbar.extract(text)]
[('باراك أوباما', 'PERS'), ('واشنطن', 'LOC'), ('أوباما', 'PERS'), ('القاهرة', 'LOC')]
>>> ents = akhbar.extract(text)
>>> ents[0].key == ents[2].key
True
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from akhbar._core import Entity, Tagger, _extract, _extract_batch, _score_tags, _train
from akhbar.dates import Reference
from akhbar.errors import CorpusError, FileError, OptionError

PathLike = Union[str, "os.PathLike[str]"]

__all__ = [
    "Entity",
    "EpochRecord",
    "EvaluationReport",
    "LabelScore",
    "Tagger",
    "default_model_path",
    "evaluate",
    "extract",
    "extract_batch",
    "read_gazetteer",
    "score_tags",
    "train_tagger",
]

MODEL_FILE = "ner-anercorp.akbm"


def default_model_path() -> Path:
    """Where the shipped model lives (``akhbar/data/ner-anercorp.akbm``).

    Examples
    --------
    >>> default_model_path().name
    'ner-anercorp.akbm'
    """
    return Path(__file__).resolve().parent / "data" / MODEL_FILE


#: The labels of the shipped tagger; the other labels come from the date and number grammars.
NAME_LABELS = ("PERS", "LOC", "ORG", "MISC")
#: Every label the general :func:`extract` gives with the shipped tagger.
ALL_LABELS = (*NAME_LABELS, "DATE", "TIME", "NUMBER", "PERCENT", "MONEY", "QUANTITY")

Labels = str | Iterable[str]


def _labels(labels: Labels, kinds: Labels | None) -> Labels:
    """``labels``, or the deprecated ``kinds`` when given."""
    if kinds is None:
        return labels
    warnings.warn(
        "kinds= is deprecated; use labels= (same values)", DeprecationWarning, stacklevel=3
    )
    return kinds


def _tagger(tagger: Tagger | None) -> Tagger | None:
    """``tagger`` when it is a Tagger or None (the shipped one), else OptionError."""
    if tagger is not None and not isinstance(tagger, Tagger):
        raise OptionError(f"tagger must be a Tagger or None, got {type(tagger).__name__}")
    return tagger


def extract(
    text: str,
    *,
    tagger: Tagger | None = None,
    labels: Labels = "all",
    reference: Reference = None,
    kinds: Labels | None = None,
) -> list[Entity]:
    """Find the entities of one text: names (PERS, LOC, ORG, MISC) from the
    tagger, and dates, times, numbers, percentages, money and quantities
    (DATE, TIME, NUMBER, PERCENT, MONEY, QUANTITY) from the grammars, in text order.

    Offsets are character offsets into ``text``. A name's span leaves out the
    proclitics و ف ب ك ل of its first word (وروسيا → روسيا, بالرياض → الرياض,
    للأمم المتحدة → لأمم المتحدة); ``normalized`` has the "ner" normalization with
    the article restored where لل dropped its alef (الامم المتحدة), and ``key`` is
    shared by the mentions of one entity in this text (اوباما/أوباما, كيم → ألكس
    كيم; الملك سلمان, سلمان → سلمان بن عبدالعزيز آل سعود; عبد ربه | منصور هادي
    → عبدربه منصور هادي: عبد and ابو are joined to the next word in every key,
    so the spellings عبد العزيز and عبدالعزيز count as one across texts). For dates and
    numbers, ``normalized`` is the resolved value (ISO 8601 for dates, the
    number for figures; the text when unresolved), ``score`` is 1.0 and ``key``
    is ``LABEL:value``. A name
    inside an amount ("دولار" in "12 مليون دولار") is left to the amount, whether
    or not ``labels`` asks for amounts: the names found do not depend on it.

    Parameters
    ----------
    text
        The text.
    tagger
        The name tagger; the shipped one by default.
    labels
        ``"all"``, ``"names"`` (the tagger's labels), or a set of labels.
        An unknown label raises :class:`akhbar.OptionError`.
    reference
        The date relative expressions (أمس، الأسبوع الماضي) are resolved
        against, as in :func:`akhbar.extract_dates`.
    kinds
        Deprecated alias of ``labels``.

    Examples
    --------
    >>> [(e.text, e.normalized) for e in extract("وصل الوفد إلى بغداد وزار لبنان")]
    [('بغداد', 'بغداد'), ('لبنان', 'لبنان')]
    >>> [(e.text, e.label, e.normalized) for e in extract("قتل 12 شخصا في بغداد في 3 أغسطس 2015")]
    [('12', 'NUMBER', '12'), ('بغداد', 'LOC', 'بغداد'), ('3 أغسطس 2015', 'DATE', '2015-08-03')]
    >>> [e.text for e in extract("قتل 12 شخصا في بغداد", labels="names")]
    ['بغداد']
    >>> [e.normalized for e in extract("وصل أمس", reference="2015-08-10")]
    ['2015-08-09']
    >>> t = Tagger.default().with_gazetteer({"ORG": ["وحدات حماية الشعب"]})
    >>> [(e.text, e.normalized) for e in extract("هاجمت تركيا لوحدات حماية الشعب", tagger=t)]
    [('تركيا', 'تركيا'), ('وحدات حماية الشعب', 'وحدات حماية الشعب')]
    """
    return _extract(
        text, tagger=_tagger(tagger), labels=_labels(labels, kinds), reference=reference
    )


def extract_batch(
    texts: Iterable[str],
    *,
    tagger: Tagger | None = None,
    labels: Labels = "all",
    references: Iterable[Reference] | Reference = None,
    n_threads: int | None = None,
    kinds: Labels | None = None,
) -> list[list[Entity]]:
    """Entities of many texts in parallel (GIL released); one list per text, in order.

    As :func:`extract` for each text; ``references`` is one reference for
    every text, or one per text, as in :func:`akhbar.extract_dates_batch`.
    ``n_threads`` defaults to ``AKHBAR_NUM_THREADS`` or the number of CPUs;
    the output does not depend on it.

    Examples
    --------
    >>> [[e.text for e in row] for row in extract_batch(["قال أوباما في القاهرة", ""])]
    [['أوباما', 'القاهرة'], []]
    """
    return _extract_batch(
        texts,
        tagger=_tagger(tagger),
        labels=_labels(labels, kinds),
        references=references,
        n_threads=n_threads,
    )


def read_gazetteer(path: PathLike) -> dict[str, list[str]]:
    """Read a gazetteer TSV: ``label<TAB>phrase`` per line, ``#`` comments.

    Examples
    --------
    >>> g = read_gazetteer(Path(__file__).parent / "data" / "gazetteers.tsv")
    >>> sorted(g)[:2], "سوريا" in g["LOC"]
    (['FAC_W', 'LOC'], True)
    """
    out: dict[str, list[str]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise FileError(f"{path}: {e.strerror or e}") from e
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, phrase = line.partition("\t")
        if not sep or not label or not phrase.strip():
            raise CorpusError(f"{path}:{n}: expected 'label<TAB>phrase', got {line!r}")
        out.setdefault(label, []).append(phrase.strip())
    return out


@dataclass(frozen=True)
class LabelScore:
    """Entity-level counts and scores of one label (or of all, micro-averaged)."""

    label: str
    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """Correct / predicted (0 when nothing was predicted)."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Correct / gold (0 when there is no gold entity)."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class EvaluationReport:
    """CoNLL-2003 entity-level scores: ``per_label`` and ``micro``.

    Examples
    --------
    >>> r = EvaluationReport({"LOC": LabelScore("LOC", 1, 2, 1)}, tokens=5, correct_tags=4)
    >>> (r.micro.precision, r.micro.recall, round(r.micro.f1, 3))
    (0.5, 1.0, 0.667)
    """

    per_label: dict[str, LabelScore]
    tokens: int
    correct_tags: int

    @property
    def micro(self) -> LabelScore:
        """Counts summed over every label."""
        s = self.per_label.values()
        return LabelScore(
            "micro",
            sum(x.correct for x in s),
            sum(x.predicted for x in s),
            sum(x.gold for x in s),
        )

    @property
    def token_accuracy(self) -> float:
        """Share of tokens whose tag is right (O included)."""
        return self.correct_tags / self.tokens if self.tokens else 0.0

    def __str__(self) -> str:
        rows = [f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
        for x in [*self.per_label.values(), self.micro]:
            rows.append(
                f"{x.label:<8}{x.precision:>8.4f}{x.recall:>8.4f}{x.f1:>8.4f}"
                f"{x.gold:>8}{x.predicted:>8}"
            )
        rows.append(f"token accuracy {self.token_accuracy:.4f} over {self.tokens} tokens")
        return "\n".join(rows)


def _report(raw: tuple[list[tuple[str, int, int, int]], int, int]) -> EvaluationReport:
    per, tokens, correct = raw
    return EvaluationReport(
        {label: LabelScore(label, c, p, g) for label, c, p, g in per}, tokens, correct
    )


def score_tags(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> EvaluationReport:
    """Score predicted BIO tag sequences against gold ones, sentence by sentence.

    The conlleval rules: an entity is right when its span and type match; an
    orphan ``I-X`` starts an entity; tags other than ``B-X``/``I-X`` are ``O``.

    Examples
    --------
    >>> r = score_tags([["B-PERS", "I-PERS", "O"]], [["B-PERS", "O", "O"]])
    >>> (r.micro.correct, r.micro.predicted, r.micro.gold)
    (0, 1, 1)
    """
    return _report(_score_tags([list(s) for s in gold], [list(s) for s in pred]))


def _pairs(label_map: Mapping[str, str | None] | None) -> list[tuple[str, str | None]]:
    return sorted((label_map or {}).items())


def evaluate(
    tagger: Tagger,
    conll_file: PathLike,
    *,
    label_map: Mapping[str, str | None] | None = None,
    n_threads: int | None = None,
) -> EvaluationReport:
    """Score ``tagger`` on a CoNLL file (``token TAG`` lines, blank between sentences).

    Entity-level precision, recall and F1 per label and micro-averaged, as
    the conlleval script computes them (an orphan ``I-`` starts an entity).
    ``label_map`` renames gold types first (``{"PER": "PERS"}``; ``None``
    drops a type). A bad line raises :class:`akhbar.CorpusError` naming
    the file and line.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d) / "gold.txt"
    ...     _ = p.write_text("قال O\\nأوباما B-PERS\\nفي O\\nالقاهرة B-LOC\\n", encoding="utf-8")
    ...     print(evaluate(Tagger.default(), p).micro.f1)
    1.0
    """
    raw = tagger._evaluate(os.fspath(conll_file), label_map=_pairs(label_map), n_threads=n_threads)
    return _report(raw)


@dataclass(frozen=True)
class EpochRecord:
    """One training epoch: mistagged training tokens, and dev scores when a dev file was given."""

    epoch: int
    mistakes: int
    dev: EvaluationReport | None


def train_tagger(
    train_files: Sequence[PathLike] | PathLike,
    dev_file: PathLike | None = None,
    *,
    auxiliary_files: Sequence[PathLike] = (),
    epochs: int = 12,
    seed: int = 1,
    min_count: int = 1,
    label_map: Mapping[str, str | None] | None = None,
    gazetteer: Mapping[str, Iterable[str]] | PathLike | None = None,
    clusters: PathLike | None = None,
    two_stage: bool = True,
    word_dropout: float = 0.0,
    o_bias: float = 0.0,
    ensemble: int = 1,
    scheme: str = "bio",
    n_threads: int | None = None,
    on_epoch: Callable[[EpochRecord], None] | None = None,
) -> Tagger:
    """Train a tagger on CoNLL files.

    Deterministic: the same files and settings give the same model, bit for
    bit, on any number of threads. ``gazetteer`` is a mapping ``{label:
    [phrase, ...]}`` or a TSV file (:func:`read_gazetteer`) whose matches
    become features; ``clusters`` a ``bits<TAB>word`` file of word clusters.
    ``two_stage`` adds a second, document-level stage whose features are the
    first stage's predictions elsewhere in the same text (a name tagged in a
    clear context helps tag its other mentions); training then runs the
    first stage five more times (jackknife).
    ``word_dropout`` is the share of training tokens whose word identity is
    hidden in each epoch, so context and word shape learn to carry unseen
    names.
    ``o_bias`` is subtracted from the score of ``O`` when decoding (stored
    in the model; ``Tagger.with_o_bias`` changes it): above 0 the tagger
    finds more entities at some cost in precision.
    ``ensemble`` > 1 trains that many models (seeds ``seed``, ``seed + 1``
    ...) and averages their weights.
    ``scheme`` is the tag coding the final stage learns and decodes in:
    ``"bio"`` or ``"bilou"`` (last-token and one-token tags, so the chain
    learns where names end; the shipped model's recipe). A two-stage
    model's first stage stays BIO. Tags come out as BIO either way.
    ``auxiliary_files`` are CoNLL files of another domain (WikiFANE ...):
    their sentences also fire domain-only copies of the features, which the
    model drops, so their peculiarities do not leak into news tagging.
    ``on_epoch`` receives each epoch's record once training has finished.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d) / "train.txt"
    ...     _ = p.write_text("زار O\\nأوباما B-PERS\\nباريس B-LOC\\n", encoding="utf-8")
    ...     t = train_tagger(p, epochs=3)
    >>> t.labels
    ['LOC', 'PERS']
    """
    for name, value, least, limit in (
        ("epochs", epochs, 1, 2**32),
        ("seed", seed, 0, 2**64),
        ("min_count", min_count, 1, 2**32),
        ("ensemble", ensemble, 1, 2**32),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not least <= value < limit:
            raise OptionError(f"{name} must be an int in {least}..{limit - 1}, got {value!r}")
    files = [train_files] if isinstance(train_files, (str, os.PathLike)) else list(train_files)
    if gazetteer is None:
        lists: Mapping[str, Iterable[str]] = {}
    elif isinstance(gazetteer, (str, os.PathLike)):
        lists = read_gazetteer(gazetteer)
    else:
        lists = gazetteer
    entries = [(label, phrase) for label, phrases in lists.items() for phrase in phrases]
    tagger, history = _train(
        [os.fspath(f) for f in files],
        None if dev_file is None else os.fspath(dev_file),
        auxiliary_files=[os.fspath(f) for f in auxiliary_files],
        epochs=epochs,
        seed=seed,
        min_count=min_count,
        label_map=_pairs(label_map),
        gazetteer=entries,
        clusters_file=None if clusters is None else os.fspath(clusters),
        two_stage=two_stage,
        word_dropout=word_dropout,
        o_bias=o_bias,
        ensemble=ensemble,
        scheme=scheme,
        n_threads=n_threads,
    )
    if on_epoch is not None:
        for epoch, mistakes, dev in history:
            on_epoch(EpochRecord(epoch, mistakes, None if dev is None else _report(dev)))
    return tagger
