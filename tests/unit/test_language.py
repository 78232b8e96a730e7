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
