"""Every extractor run once on a sentence when this module is imported: what they build on
first use (rule packs, word lists, compiled patterns) is then built.

The extraction fork server imports it (kzwatch.pipeline.start_extraction_server), so the work
is done once, while the run starts, and every extraction process forked from the server is
born with it done (57 ms of each process's start otherwise, and a run starts one per batch).
An extraction process imports it too, which costs nothing when its fork server already did.
"""
from __future__ import annotations

import gc

from kzwatch.document import Document
from kzwatch.extract import registry

SENTENCE = "On 1 March 2021 the court in Almaty sentenced him."


def warm_up() -> None:
    try:
        for extract in registry().values():
            extract(Document.plain(SENTENCE))
    except Exception:  # noqa: BLE001 - a broken extractor is reported per document later
        pass


warm_up()
# Everything loaded so far lives as long as the process: the collector sets it apart, so
# its full collections (a large document triggers many) stop walking the rule packs and
# compiled patterns each time. 9-10 % of the samples' extraction, nothing on news-sized
# documents. Only extraction processes import this module (the fork server, _serve).
gc.collect()
gc.freeze()
