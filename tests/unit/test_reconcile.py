"""Records of one document made consistent across families."""
from kzwatch.document import Document
from kzwatch.extract import reconcile, registry


def families(text):
    doc = Document.plain(text)
    return reconcile({table: extract(doc) for table, extract in registry().items()})


def test_an_event_count_is_not_also_a_statistic_but_a_national_total_is():
    found = families("On 12 May 2025, about 400 people rallied in Taraz against tariff rises. "
                     "Police dispersed the rally and detained 35 of them. Nationwide, 210 "
                     "people were detained at rallies in May 2025.")
    [event] = found["protest_events"]
    assert (event.location, event.detained) == ("Taraz", 35)
    assert [s.value for s in found["statistics"] if s.metric == "detained"] == [210]


def test_a_count_the_event_carries_told_without_its_day_and_place_is_not_a_statistic():
    found = families("May 14, 2024 10:05 AM GMT+5\n\n"
                     "KARAGANDA, May 14 (Reuters) - About 300 miners rallied in Saran on Monday "
                     "over unpaid wages. Police detained 31 people after protesters tried to "
                     "enter the mine office, police said.")
    assert all(s.metric != "detained" for s in found["statistics"])


def test_without_events_statistics_are_untouched():
    stats = [object()]
    assert reconcile({"statistics": stats})["statistics"] is stats
