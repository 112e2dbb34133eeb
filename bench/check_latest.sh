#!/usr/bin/env bash
# For a maintainer, before refreshing requirements/dev.lock: install the newest release of every
# dependency (no lock) in a scratch virtual environment and run the tests there.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$python" -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install --quiet --upgrade pip
"$scratch/venv/bin/python" -m pip install --quiet --upgrade -e '.[dev]'
"$scratch/venv/bin/python" -m pip list --format=freeze > "$scratch/newest.txt"
echo "newest versions installed (differences from the lock):"
grep -v '^partydocs' "$scratch/newest.txt" | while IFS='==' read -r name _ version; do
    locked="$(grep -i "^${name}==" requirements/dev.lock | head -1 | sed 's/ ;.*//' || true)"
    if [ -n "$locked" ] && [ "$locked" != "${name}==${version}" ]; then
        echo "  ${name}: ${locked#*==} -> ${version}"
    fi
done
"$scratch/venv/bin/python" -m pytest -p no:cacheprovider
