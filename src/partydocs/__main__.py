"""`python -m partydocs`: the same as the `partydocs` command."""

from partydocs.cli import main

raise SystemExit(main())
