"""Judging (Yoast's *assessments*): each check turns measurements into a rating (good/ok/bad/na), a score and a
message key. ``readability`` and ``seo`` hold the two main sections; ``genre`` picks the press-release, social-post
and plain-language checks for a draft's kind. To add a check, write it in the module of its section and list it
there; its thresholds go in ``languages/<code>/settings.json`` and its messages in ``present/messages/``."""
