"""``generate``: write a complete multi-agency scenario with its mappings and ground truth."""

from __future__ import annotations

import gc
import json
import random
from collections.abc import Callable
from pathlib import Path

from tiaki.synth import pools
from tiaki.synth.mappings import write_mappings
from tiaki.synth.population import People
from tiaki.synth.sources import Ctx
from tiaki.synth.summary import FileInfo, ScenarioSummary
from tiaki.synth.timeline import END, START, Timeline
from tiaki.synth.truth import Truth, write_networks
from tiaki.synth.world import build_world, plan_appearances

MIN_PEOPLE = 100


def generate(
    out_dir: Path, people: int, seed: int = 7, progress: Callable[[int], None] | None = None
) -> ScenarioSummary:
    """Write the scenario for ``people`` persons into ``out_dir`` and return its summary.

    The same ``seed`` gives byte-identical files. Rows are streamed: memory holds only the
    planted networks, booking agents, employers and venues (about 1 % of the people).
    ``progress`` is called now and then with the number of source rows written so far.
    """
    if people < MIN_PEOPLE:
        raise ValueError(f"people must be at least {MIN_PEOPLE}, got {people}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    r = rng.random
    names, places, texts = pools.names(), pools.places(), pools.texts()
    factory = People(r, names, END)
    world = build_world(people, factory, places, names, r)
    steps = people - factory.count  # one new person per step
    plan_appearances(world, steps, r)
    truth = Truth(out_dir)
    ctx = Ctx(r, names, places, texts, truth, out_dir, START)
    ctx.set_day(START)
    timeline = Timeline(ctx, world, factory, steps)
    # The run allocates millions of short-lived, acyclic objects (people, names, rows): the
    # cyclic garbage collector would scan them for nothing (~13 % of the time), so it is paused.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        timeline.run(progress)
    finally:
        if gc_was_enabled:
            gc.enable()
        for source in timeline.sources:
            source.close()
        truth.close()
    write_mappings(out_dir)
    network_rows = write_networks(out_dir / "networks.csv", world.networks)

    bad = {s.source_id: dict(s.bad.counts) for s in timeline.sources}
    bad_total = sum(sum(c.values()) for c in bad.values())
    truth_files = [
        FileInfo("truth.csv", "csv", truth.mentions, encoding="utf-8"),
        FileInfo("networks.csv", "csv", network_rows, encoding="utf-8"),
        FileInfo("bad_rows.csv", "csv", bad_total, encoding="utf-8"),
    ]
    summary = ScenarioSummary(
        seed=seed,
        people=factory.count,
        facilitators=sum(len(n.members) for n in world.networks),
        networks=len(world.networks),
        protected_persons=timeline.protected,
        booking_agents=sum(len(a) for a in world.agents.values()),
        employers=len(world.employers),
        files=[s.info() for s in timeline.sources],
        truth_files=truth_files,
        rows_by_source={s.source_id: s.rows for s in timeline.sources},
        mentions=truth.mentions,
        bad_rows=bad,
        bad_rows_total=bad_total,
    )
    (out_dir / "scenario.json").write_text(
        json.dumps(summary.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return summary
