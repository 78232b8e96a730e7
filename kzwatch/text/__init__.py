"""The language layer: one tested copy of each concept every extractor reads with.

- `lexicon`   word lists of a language, as data (`kzwatch/lang/<code>/lexicon.yaml`)
- `segment`   sentences, narrative sentences, citation lines, evidence windows
- `dates`     date expressions resolved to ISO partial dates against a dateline
- `daterefs`  date references with offsets for narratives and chronologies
- `numbers`   numbers in digits and words, ranges, bounds ("more than", "up to")
- `money`     amounts with currency and scale ("2.2 billion tenge", "$80.6 thousand")
- `places`    the Kazakhstan gazetteer: towns, regions, canonical names
- `modality`  negation and hypothetical cues around a trigger
- `language`  which language a document is written in
- `tables`    lines and columns of printed and PDF-garbled tables
- `patterns`  helpers for writing patterns over wrapped text

Extractors (`kzwatch/extract/`) import from here and never from one another.
"""
