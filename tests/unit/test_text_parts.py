"""The articles of a listing page (kzwatch.text.parts) and how extraction reads them."""
from __future__ import annotations

from datetime import date

from kzwatch.cleaning import clean
from kzwatch.pipeline import extract_document
from kzwatch.text.parts import split_articles
from tests.formats import LISTING


def test_a_listing_is_split_into_its_articles_with_titles_and_dates():
    parts = split_articles(LISTING)
    assert [(p.part_no, p.title, p.published_on) for p in parts[:2]] == [
        (1, "Court Sentences Former Akim of Taraz to Seven Years", date(2024, 3, 12)),
        (2, "Teachers Rally in Shymkent Over Unpaid Wages", date(2024, 4, 2))]
    first = LISTING[parts[0].start:parts[0].end]
    assert first.startswith("Court Sentences") and "builder" in first
    assert "Teachers" not in first and parts[0].end <= parts[1].start


def test_an_article_after_the_teasers_runs_to_the_next_headline_or_the_end():
    parts = split_articles(LISTING)
    assert len(parts) == 3 and parts[2].title == "Weather: Snow Expected in the North"
    assert LISTING[parts[2].start:parts[2].end].endswith("this weekend.")


def test_teasers_cut_by_read_more_lines_alone_make_a_listing():
    page = ("Parliament Passes Budget Amendments\n\nThe Mazhilis approved amendments to the "
            "republican budget on Wednesday.\nRead more\n\n"
            "Prices of Fuel Rise Again in Almaty\n\nPetrol stations in Almaty raised prices "
            "for the third time this year.\nRead more\n")
    assert [p.title for p in split_articles(page)] == [
        "Parliament Passes Budget Amendments", "Prices of Fuel Rise Again in Almaty"]


def test_one_article_has_no_parts():
    article = ("Court Sentences Former Akim of Taraz to Seven Years\n\n"
               "TARAZ, March 12, 2024 — A court sentenced the former akim to seven years.\n\n"
               "He denied the charges. His lawyer said he would appeal the verdict...\n")
    assert split_articles(article) == []


def test_prose_with_short_lines_and_one_ellipsis_is_not_a_listing():
    thesis = ("Chapter Two\n\nThe protests of 2022 began in Zhanaozen, where prices of "
              "liquefied gas had doubled overnight, and spread to every region within days...\n\n"
              "Methods of Research\n\nThe survey covered 1,200 respondents in eight regions "
              "and was carried out in the spring of the following year by the author.\n")
    assert split_articles(thesis) == []


def test_records_carry_their_article_and_count_relative_dates_from_its_date():
    found = extract_document(clean(LISTING, "listing.txt"))
    events = [e for e in found.records["protest_events"] if e.location == "Shymkent"]
    assert events, found.records["protest_events"]
    # "on Friday" in the second article counts from its 2 April 2024, not from 12 March
    assert {(e.event_date, e.part_no) for e in events} == {("2024-03-29", 2)}
    cases = found.records["case_mentions"]
    assert [(c.person_name, c.part_no) for c in cases] == [("Bolat Kenzhebayev", 1)]


def test_a_document_of_one_article_has_records_without_a_part():
    text = ("ALMATY, May 3, 2024 — About 300 people rallied in Almaty on Friday against the "
            "new pension law, organisers said.\n")
    found = extract_document(clean(text, "one.txt"))
    assert found.parts == []
    assert [e.part_no for e in found.records["protest_events"]] == [None]


def test_published_on_anchors_relative_dates_when_the_text_has_no_dateline():
    text = "About 300 people rallied in Almaty on Friday against the new pension law.\n"
    found = extract_document(clean(text, "page.html", published_on=date(2024, 5, 3)))
    assert [e.event_date for e in found.records["protest_events"]] == ["2024-05-03"]


def test_a_date_line_under_a_headline_is_a_sentence_of_its_own():
    from kzwatch.text.segment import sentences

    text = ("Teachers Rally in Shymkent\n2 April 2024\n\nAbout 200 teachers rallied. They left.\n"
            "Updated: March 3, 2024 | 10:15\nThe rally ended on 2 April 2024 at noon")
    assert [text[s:e] for s, e in sentences(text)] == [
        "Teachers Rally in Shymkent", "2 April 2024", "About 200 teachers rallied.",
        "They left.", "Updated: March 3, 2024 | 10:15", "The rally ended on 2 April 2024 at noon"]


def test_a_web_page_s_published_date_anchors_its_relative_dates(tmp_path):
    from kzwatch import pipeline
    from tests.formats import make_html

    page = make_html(["About 300 people rallied in Almaty on Friday against the new pension "
                      "law, organisers said."], published="2024-05-06")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    row, rows, _ = pipeline.extract_one(tmp_path, "page.html", 10**7, "run", "v")
    assert (row["published_on"], row["published_on_source"]) == ("2024-05-06", "html metadata")
    assert [r["event_date"] for r in rows["protest_events"]] == ["2024-05-03"]


def test_a_file_s_creation_date_is_recorded_but_anchors_nothing(tmp_path):
    from kzwatch import pipeline
    from tests.formats import make_docx

    (tmp_path / "memo.docx").write_bytes(make_docx(
        ["About 300 people rallied in Almaty on Friday against the new pension law."]))
    row, rows, _ = pipeline.extract_one(tmp_path, "memo.docx", 10**7, "run", "v")
    assert row["format"] == "docx" and row["published_on_source"].endswith("(creation date)")
    # python-docx's template was made in December 2013: "on Friday" is not 20 December 2013
    assert row["published_on"].startswith("2013-12")
    assert not any(str(r["event_date"]).startswith("2013") for r in rows.get("protest_events", []))


def test_a_dateline_is_recorded_as_the_published_date_of_a_text(tmp_path):
    from kzwatch import pipeline

    (tmp_path / "a.txt").write_text("ALMATY, May 6, 2024 — About 300 people rallied in Almaty "
                                    "on Friday against the new pension law.\n")
    row, rows, _ = pipeline.extract_one(tmp_path, "a.txt", 10**7, "run", "v")
    assert (row["published_on"], row["published_on_source"]) == ("2024-05-06", "dateline")
    assert [r["event_date"] for r in rows["protest_events"]] == ["2024-05-03"]
