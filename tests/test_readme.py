"""The `>>>` examples of the README and the tutorial run as written and print what they show."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DOCUMENTS = [ROOT / "README.md", ROOT / "docs" / "tutorial.md"]
FENCE = "```"


def python_blocks(markdown: str) -> list[str]:
    """The bodies of the fenced ```python blocks that hold `>>>` examples."""
    blocks: list[str] = []
    current: list[str] | None = None
    for line in markdown.splitlines():
        if current is None and line.strip() == FENCE + "python":
            current = []
        elif current is not None and line.strip() == FENCE:
            if any(body.startswith(">>>") for body in current):
                blocks.append("\n".join(current) + "\n")
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def test_python_blocks_are_found() -> None:
    assert python_blocks("x\n```python\n>>> 1 + 1\n2\n```\n```python\nno = 'example'\n```\n") == [">>> 1 + 1\n2\n"]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_examples(document: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)  # the examples read `fixtures/...`
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {}
    blocks = python_blocks(document.read_text(encoding="utf-8"))
    assert len(blocks) >= 2
    for number, block in enumerate(blocks, 1):
        test = parser.get_doctest(block, globs, f"{document.name} block {number}", str(document), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # names defined in one block are used in the next, as in a notebook
    assert runner.failures == 0, f"{runner.failures} examples in {document.name} print something else (see above)"
