"""Topic counting skips the language's function words and the social-media fillers, from one list each."""
from autograders.engine.languages import get_language
from autograders.monitoring.resources import load_resources


def test_stopwords_are_the_language_list_plus_social_fillers():
    stop = load_resources().stopwords
    assert get_language("id").stopwords <= stop
    assert {"wkwk", "min", "gan", "https"} <= stop
    assert "layanan" not in stop and "antrean" not in stop
