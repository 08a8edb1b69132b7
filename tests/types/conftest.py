"""Hypothesis settings for the value-type tests: no deadline (first calls warm caches).

Set ``TIAKI_HYPOTHESIS=thorough`` for a long run with many more examples.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("types", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", parent=settings.get_profile("types"), max_examples=3000)
settings.load_profile(os.environ.get("TIAKI_HYPOTHESIS", "types"))
