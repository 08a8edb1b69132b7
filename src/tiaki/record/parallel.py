"""Map chunks of rows in worker processes while the single writer stores earlier ones.

Record ids are assigned in the reading process (in order, so repeated rows are counted right);
the mapping itself, the expensive part, runs in ``workers`` forked processes. Rows travel as
their verbatim JSON, so the in-process and the parallel paths map exactly the same input and
give identical results.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import threading
from collections.abc import Iterable, Iterator
from itertools import islice

from tiaki.record.readers import ReadRow
from tiaki.record.rowmap import ChunkMapper, ChunkTables

Job = tuple[list[int], list[str | None], list[str], list[str]]
_MAPPER: ChunkMapper | None = None


def _init(mapper: ChunkMapper) -> None:
    global _MAPPER
    _MAPPER = mapper


def _work(job: Job) -> ChunkTables:
    assert _MAPPER is not None
    return map_job(_MAPPER, job)


def map_job(mapper: ChunkMapper, job: Job) -> ChunkTables:
    numbers, errors, texts, rids = job
    rows = [ReadRow(n, json.loads(t), e) for n, e, t in zip(numbers, errors, texts, strict=True)]
    return mapper.map(rows, texts, rids).tables()


def jobs(mapper: ChunkMapper, rows: Iterable[ReadRow], size: int) -> Iterator[Job]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        texts, rids = mapper.identify(chunk)
        yield [r.number for r in chunk], [r.error for r in chunk], texts, rids


def map_chunks(
    mapper: ChunkMapper, rows: Iterable[ReadRow], size: int, workers: int
) -> Iterator[tuple[int, ChunkTables]]:
    """(rows in chunk, mapped chunk) in input order."""
    source = jobs(mapper, rows, size)
    first = next(source, None)
    if first is None:
        return
    second = next(source, None)
    if workers <= 1 or second is None:
        for job in (first, second, *([] if second is None else source)):
            if job is not None:
                yield len(job[0]), map_job(mapper, job)
        return
    slots = threading.BoundedSemaphore(workers + 1)
    sizes: list[int] = []

    def bounded() -> Iterator[Job]:
        for job in _chain(first, second, source):
            slots.acquire()
            sizes.append(len(job[0]))
            yield job

    with mp.get_context("fork").Pool(workers, initializer=_init, initargs=(mapper,)) as pool:
        for n, result in enumerate(pool.imap(_work, bounded())):
            slots.release()
            yield sizes[n], result


def _chain(a: Job, b: Job, rest: Iterator[Job]) -> Iterator[Job]:
    yield a
    yield b
    yield from rest
