from kzwatch.text.language import detect_language


def test_english_news():
    assert detect_language("The court in Almaty sentenced the former akim to five years.") == "en"


def test_russian_and_kazakh_by_their_letters():
    assert detect_language("Суд приговорил бывшего акима области к пяти годам лишения свободы.") \
        == "ru"
    assert detect_language("Сот облыстың бұрынғы әкімін бес жылға бас бостандығынан айырды. "
                           "Қазақстан үкіметі мәлімдеді.") == "kk"


def test_too_little_text_or_other_latin_language():
    assert detect_language("12 345 — 67%") == "und"
    assert detect_language("Le tribunal a condamné l'ancien gouverneur à cinq ans de prison "
                           "pour corruption dans la région.") == "und"


def _whole_text_share(text: str) -> str:
    """The former rule, counting every function word of the text before comparing."""
    from kzwatch.text import language as lang

    sample = text[:lang._SAMPLE]
    words = lang._LATIN_WORD.findall(sample)
    latin = sum(map(len, words))
    cyrillic = len(lang._CYRILLIC.findall(sample))
    if latin + cyrillic < 20:
        return "und"
    if cyrillic > latin:
        kazakh = len(lang._KAZAKH_LETTERS.findall(sample))
        return "kk" if kazakh >= max(3, cyrillic * 0.01) else "ru"
    return "en" if len(lang._EN_WORDS.findall(sample)) / max(1, len(words)) > 0.05 else "und"


def test_function_words_counted_until_the_share_passes_five_percent():
    # 1 function word in 20 is exactly 5 %: not more than it; 2 in 20 is
    filler = " ".join(["court"] * 19)
    assert detect_language(f"{filler} the") == _whole_text_share(f"{filler} the") == "und"
    assert detect_language(f"the {filler} and") == "en"
    # 3 in 60 and 7 in 140 sit on the boundary too: one more word passes it
    for n in (60, 140):
        k = n // 20
        text = " ".join(["the"] * k + ["court"] * (n - k))
        assert detect_language(text) == _whole_text_share(text) == "und"
        assert detect_language(text + " of") == _whole_text_share(text + " of") == "en"
    # a function word inside a longer run is not one ("theory", "the2" with a digit)
    text = " ".join(["theory", "the2", "Ontario"] * 10)
    assert detect_language(text) == _whole_text_share(text) == "und"


def test_same_answer_as_counting_the_whole_text():
    texts = ["The court in Almaty sentenced the former akim to five years.",
             "Суд приговорил бывшего акима области к пяти годам. The court agreed.",
             "Almaty Astana Shymkent Karaganda Aktobe Taraz Pavlodar " * 5 + "in",
             "KZT 450 USD 1 EUR 0.9 " * 10, "ӘҒҚ " * 30 + "the court " * 3,
             "The end.\u00a0" + "Qazaqstan respublikasy " * 20]
    for text in texts:
        assert detect_language(text) == _whole_text_share(text), text
