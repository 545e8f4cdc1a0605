"""What the trainee tells us about a draft besides its text (Yoast calls this the *paper*)."""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("article", "press_release", "social_post")


@dataclass(frozen=True)
class Paper:
    keyphrase: str = ""
    title: str = ""
    description: str = ""
    slug: str = ""
    url: str = ""
    kind: str = "article"
    platform: str = ""
