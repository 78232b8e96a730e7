"""The language layer: one tested copy of each concept every extractor reads with.

- `lexicon`       word lists of a language, as data (`kzwatch/lang/<code>/lexicon.yaml`)
- `language`      which language a document is written in
- `segment`       sentences, narrative sentences, citation lines, evidence windows
- `parts`         the articles of a listing page (headline, teaser, date)
- `structure`     datelines, publication and report dates, chronologies and timed entries
- `discourse`     back-references to the event just told, and the body that told the news
- `modality`      negation and hypothetical cues around a trigger
- `patterns`      helpers for writing patterns over wrapped text
- `dates`         date expressions resolved to ISO partial dates against a dateline
- `daterefs`      date references with offsets for narratives and chronologies
- `periods`       periods a figure is stated for ("2014-Q3", "2019-H1", "2015-2016")
- `numbers`       numbers in digits and words, ranges, bounds ("more than", "up to")
- `percentages`   percentages in signs and words, with their spans
- `money`         amounts with currency and scale ("2.2 billion tenge", "$80.6 thousand")
- `quantities`    how a figure relates to the words around it: shares, changes, gapped members
- `coordination`  lists and "respectively": splitting, shared heads, in-order pairing
- `places`        the Kazakhstan gazetteer: towns, regions, canonical names
- `countries`     countries as news names them, resolved to one canonical name
- `names`         person names, surname keys across genders, gender
- `offices`       offices and positions beside a name, ranks, a group's shared office
- `rosters`       which names one list of people holds, and the series of their terms
- `tables`        lines and columns of printed and PDF-garbled tables
- `cells`         tables that text extraction printed one cell per line

Extractors (`kzwatch/extract/`) import from here and never from one another.
"""
