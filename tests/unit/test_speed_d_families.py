"""Work done once instead of per call, answering as before: cases' _Places.akimat (the text's
akimat looked up once), protests' _read_sentences (a sentence's regions found once for its
region events and its flag), surveys' _grids (a caption joined only under a grid)."""
from kzwatch.cleaning import clean
from kzwatch.extract import protests, surveys
from kzwatch.extract.cases import _PLACE_AKIMAT, _THE_AKIMAT, _Places
from kzwatch.text.offices import region_of
from kzwatch.text.places import find_regions
from kzwatch.text.tables import lines_of


def _former_akimat(text: str, position: str | None) -> str | None:
    if not position or not _THE_AKIMAT.search(position):
        return None
    for m in _PLACE_AKIMAT.finditer(text):
        region = region_of(m.group("p"))
        if region:
            return region
    return None


AKIMAT_TEXTS = [
    "An official of the Taraz city akimat was detained. The Foo akimat denied it.",
    "The Foo akimat and the Bar akimat said nothing; the Aktobe regional akimat confirmed.",
    "No akimat is named here with a place.",
    "",
]
POSITIONS = [None, "", "head of the akimat's construction department", "akim of Taraz",
             "deputy head of the city akimat", "head of the regional akimat"]


def test_akimat_as_before_and_asked_again():
    found = 0
    for text in AKIMAT_TEXTS:
        places = _Places(text)
        for _ in range(2):  # the second round is answered from the one look
            for position in POSITIONS:
                got = places.akimat(position)
                assert got == _former_akimat(text, position), (text, position)
                found += got is not None
    assert found >= 6
    assert _Places(AKIMAT_TEXTS[0]).akimat("the akimat") == region_of("Taraz")
    assert _Places(AKIMAT_TEXTS[2]).akimat("the akimat") is None


def test_sentence_regions_flag_and_events():
    text = ("Hundreds of residents rallied in Zhanaozen on 16 December 2011. "
            "Protests spread to several villages of Mangystau region on 17 December 2011. "
            "Workers in Kulsary, Atyrau region, went on strike on 18 December 2011. "
            "The akim of Pavlodar spoke on 19 December 2011.")
    doc = clean(text, "t.txt")
    text = doc.text
    read = protests._read_sentences(doc)
    assert read, "sentences are read"
    for sent in read:
        regions = find_regions(text, sent.start, sent.end)
        assert sent.region == bool(regions)
        region_events = [p for p in sent.places if p.place.name.endswith("(region)")]
        expected = protests._region_places(text, sent.start, sent.end,
                                           [p for p in sent.places if p not in region_events],
                                           regions) if protests._REGION_EVENTS else []
        assert [(p.start, p.place.name) for p in region_events] == \
            [(p.start, p.place.name) for p in expected]
    assert [s.region for s in read] == [False, True, True, False]
    assert protests._REGION_EVENTS is False or any(
        p.place.name == "Mangystau (region)" for p in read[1].places)


GRID = ("How do you rate the work of the police? (%)\n"
        "Region Good Bad Hard to say\n"
        "Almaty 40 30 20\n"
        "Astana 50 20 10\n"
        "Shymkent 45 25 15\n"
        "\n"
        "Something else entirely.\n")


def test_grid_read_under_a_percent_caption_only():
    lines = lines_of(GRID)
    out = surveys._grids(lines, [])
    assert [(t.question, [r.text for r in t.rows]) for t in out][:3] == [
        ("Almaty (column 1)", ["Almaty"]), ("Almaty (column 2)", ["Almaty"]),
        ("Almaty (column 3)", ["Almaty"])]
    assert len(out) == 9
    no_caption = GRID.replace(" (%)", "")
    assert surveys._grids(lines_of(no_caption), []) == []
