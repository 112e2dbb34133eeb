"""The README's `>>>` examples run as written and print what the README shows."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

README = Path(__file__).parent.parent / "README.md"
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


def test_readme_examples() -> None:
    pytest.importorskip("pandas")
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {}
    blocks = python_blocks(README.read_text(encoding="utf-8"))
    assert len(blocks) >= 4
    for number, block in enumerate(blocks, 1):
        test = parser.get_doctest(block, globs, f"README block {number}", str(README), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # names defined in one block are used in the next, as in a notebook
    assert runner.failures == 0, f"{runner.failures} README examples print something else (see the output above)"
