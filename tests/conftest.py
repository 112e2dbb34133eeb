"""Every property test runs derandomized (a fixed seed, so CI is repeatable) with
PARTYDOCS_HYPOTHESIS_EXAMPLES examples (500 by default; set it higher for a long run)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "partydocs",
    max_examples=int(os.environ.get("PARTYDOCS_HYPOTHESIS_EXAMPLES", "500")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("partydocs")
