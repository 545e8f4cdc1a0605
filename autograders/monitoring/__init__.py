"""Social media monitoring (*pemantauan media sosial*) for government PR teams.

From a table of posts (loaded from a CSV/Excel export or generated), find the mentions of our agency and its
peers and measure what monitoring tools report: volume per day and hour, share of voice, engagement, top
hashtags, authors and topics, sentiment (with an Indonesian lexicon written by this project) and spikes.

Notebook use::

    from autograders import monitoring as mon
    df = mon.load_mentions(mon.SAMPLE_PATH)            # or mon.generate_mentions(20_000, 60, seed=1)
    result = mon.monitor(df, mon.SAMPLE_BRANDS, mon.SAMPLE_PEERS)   # the course's regency and its two peers
    mon.sentiment("pelayanannya gak ramah bgt 😡")     # {'label': 'negative', 'score': -0.8…}

Definitions cited by the course: share of voice and engagement rate in :mod:`.metrics`, net sentiment in
:mod:`.sentiment`, the spike rule in :mod:`.spikes`, mention matching in :mod:`.mentions`, the column
mapping in :mod:`.loading`, the generated data in :mod:`.generator`.
"""
from .dashboard import SAMPLE_BRANDS, SAMPLE_PEERS
from .errors import MonitoringInputError
from .generator import generate_mentions, timeline, write_mentions_csv
from .loading import ALIASES, COLUMNS, WIB, load_mentions, standardise
from .mentions import match_mentions, mention_matrix
from .metrics import engagement, share_of_voice, top_authors, top_hashtags, volume_daily, volume_hourly
from .report_html import render_html_report
from .resources import data_path
from .sentiment import net_sentiment, sentiment, sentiment_frame
from .spikes import detect_spikes, latest_check, spike_table
from .summary import monitor, with_sentiment
from .topics import rising_terms, top_bigrams

SAMPLE_PATH = data_path("sample_mentions.csv")
LABELLED_PATH = data_path("labelled_posts.tsv")
# SAMPLE_BRANDS / SAMPLE_PEERS (from .dashboard): the course data set's regency and its two peers with the terms
# that name them; the book's chapter 5, its dashboard and the m5 exercise all read these, so their figures agree.

__all__ = [
    "ALIASES", "COLUMNS", "LABELLED_PATH", "MonitoringInputError", "SAMPLE_BRANDS", "SAMPLE_PATH", "SAMPLE_PEERS", "WIB", "data_path",
    "detect_spikes", "engagement", "generate_mentions", "latest_check", "load_mentions", "match_mentions",
    "mention_matrix", "monitor", "net_sentiment", "render_html_report", "rising_terms", "sentiment",
    "sentiment_frame", "share_of_voice", "spike_table", "standardise", "timeline", "top_authors", "top_bigrams",
    "top_hashtags", "volume_daily", "volume_hourly", "with_sentiment", "write_mentions_csv",
]
