"""Write notebooks/quickstart.ipynb and notebooks/corpus.ipynb (without outputs).

The notebooks are generated so their code stays reviewable as Python here; the
test suite executes them (tests/test_notebooks.py) and checks their outputs.

    python tools/build_notebooks.py
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1] / "notebooks"


def code(source: str, tag: str | None = None) -> nbformat.NotebookNode:
    cell = new_code_cell(source.strip())
    if tag:
        cell.metadata["tags"] = [tag]
    return cell


def md(source: str) -> nbformat.NotebookNode:
    return new_markdown_cell(source.strip())


QUICKSTART = [
    md("""
# akhbar quickstart

From one raw Arabic news article to fields, clean text, tokens, entities, dates and
numbers — then the same as pandas tables. Everything runs on the sample article that
ships with akhbar.
"""),
    code("""
import akhbar

text = akhbar.sample_article()
print(text[:400])
"""),
    md(
        "## Parse the article\n"
        "Title, date, section, dateline, source and author; boilerplate set aside."
    ),
    code(
        """
article = akhbar.parse_article(text)
print(article.title)
print(article.published, "|", article.section, "|", article.source, "|", article.author)
""",
        "fields",
    ),
    code("article  # renders right to left in Jupyter"),
    code(
        """
print(len(article.paragraphs), "paragraphs;", len(article.boilerplate), "boilerplate pieces:")
for piece in article.boilerplate:
    print("  -", piece[:60])
""",
        "boilerplate",
    ),
    md("## Normalize, with a map back to the original"),
    code(
        """
normalized, offsets = akhbar.Normalizer("search").normalize_with_map(article.body)
word = "مليار"
i = normalized.find(word)
s, e = offsets.to_original_span(i, i + len(word))
print(normalized[:80])
print(repr(article.body[s:e]))
""",
        "normalize",
    ),
    md("## Tokens, with clitics split off"),
    code(
        """
[t.text for t in akhbar.tokenize("وقال المدير التنفيذي لشركة المياه الوطنية", clitics=True)]
""",
        "tokens",
    ),
    md(
        "## Entities, dates and numbers\n"
        "`extract` gives names, dates and figures together; `extract_dates` resolves "
        "relative dates against the article's own date."
    ),
    code(
        """
entities = akhbar.extract(article.body)
[(e.text, e.label) for e in entities]
""",
        "entities",
    ),
    code(
        """
dates = akhbar.extract_dates(article.body, reference=article.published)
[(d.text, d.value) for d in dates]
""",
        "dates",
    ),
    code(
        """
numbers = akhbar.extract_numbers(article.body)
[(n.text, n.value, n.unit) for n in numbers]
""",
        "numbers",
    ),
    code("""
names = akhbar.extract(article.body, labels="names")
akhbar.render(article, entities=[*names, *dates, *numbers])
"""),
    md(
        "## The same as pandas tables\n"
        "`Pipeline` runs every stage in Rust, in parallel, for any number of articles."
    ),
    code(
        """
result = akhbar.Pipeline().process([text], progress=False)
result.articles[["title", "published", "section", "source", "author", "n_words"]]
""",
        "articles",
    ),
    code(
        """
result.entities[["text", "label", "normalized", "key", "score"]]
""",
        "entity-table",
    ),
    code("result  # a rendered summary"),
    md("## For spaCy users"),
    code("""
doc = akhbar.to_displacy(article.body, entities, title=article.title)
doc["ents"][:3]
"""),
]

CORPUS = [
    md("""
# A corpus: pipeline, tables, timeline

Runs the pipeline over 3,000 articles drawn at random (fixed seed) from the SaudiNewsNet
corpus (14 Saudi papers, 21 July – 11 August 2015) when the
research data is present (`../shared/data`, or the folder in `AKHBAR_SHARED`), else over
the sample article that ships with akhbar.
"""),
    code(
        """
import os
from pathlib import Path

import pandas as pd

import akhbar
from akhbar.summaries import cooccurrence, mentions_over_time, plot_mentions_over_time, top_entities

shared = Path(os.environ.get("AKHBAR_SHARED", Path.cwd().resolve().parents[1] / "shared"))
news = shared / "data" / "news" / "saudinewsnet.jsonl.gz"
if news.exists():
    frame = pd.read_json(news, lines=True)
    frame = frame[frame["text"].str.len() > 0].sample(3000, random_state=0).reset_index(drop=True)
    frame["published"] = frame["date_extracted"].astype(str).str[:10]
    source = "SaudiNewsNet"
else:
    frame = pd.DataFrame({"text": [akhbar.sample_article()], "published": ["2024-03-12"]})
    source = "bundled sample"
print(source, len(frame), "articles")
""",
        "load",
    ),
    code(
        """
pipe = akhbar.Pipeline(n_threads=2)
result = pipe.process(frame["text"], progress=False)
articles, entities = result.articles, result.entities
print("articles", articles.shape, "entities", entities.shape,
      "dates", result.dates.shape, "numbers", result.numbers.shape, "errors", result.errors.shape)
""",
        "tables",
    ),
    code(
        """
# SaudiNewsNet bodies carry no date line: date articles by when they were collected.
collected = frame["published"].reindex(articles["doc_id"]).set_axis(articles.index)
articles["published"] = articles["published"].fillna(collected)
articles[["doc_id", "title", "published", "source", "dateline", "n_words"]].head()
""",
        "articles",
    ),
    code(
        """
top = top_entities(entities, 5, labels=["PERS", "LOC", "ORG"])
top
""",
        "top",
    ),
    code(
        """
cooccurrence(entities, top=8)
""",
        "cooccurrence",
    ),
    code(
        """
%matplotlib inline
timeline = mentions_over_time(entities, articles, freq="D", labels=["LOC"], top=4)
fig = plot_mentions_over_time(timeline, title=f"Places mentioned per day ({source})")
fig
""",
        "timeline",
    ),
]


def write(name: str, cells: list[nbformat.NotebookNode]) -> None:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    ROOT.mkdir(exist_ok=True)
    nbformat.write(nb, ROOT / name)


if __name__ == "__main__":
    write("quickstart.ipynb", QUICKSTART)
    write("corpus.ipynb", CORPUS)
