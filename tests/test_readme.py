"""The `>>>` examples of the README and the tutorial run as written and print what they show."""

from __future__ import annotations

import doctest
import subprocess
import sys
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


def fenced_block_after(markdown: str, heading: str, language: str) -> str:
    """The body of the first fenced block of the given language after the given heading."""
    section = markdown[markdown.index(heading) :]
    start = section.index(FENCE + language + "\n") + len(FENCE + language + "\n")
    return section[start : section.index(FENCE, start)]


def test_the_dask_example_prints_what_the_readme_shows(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    script = tmp_path / "dask_example.py"
    script.write_text(fenced_block_after(readme, "## Dask", "python"), encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == fenced_block_after(readme, "## Dask", "text").split()
