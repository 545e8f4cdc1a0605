"""The book's live tools (ipywidgets). Each one is a thin face on the one engine.

* :func:`draft_checker` — *Pemeriksa draf*: text area plus keyphrase, title, description and slug; a
  traffic-light report with the flagged sentences highlighted, updated as the trainee types (debounced).
* :func:`serp_preview` — *Pratinjau hasil pencarian*: title, URL and description as a search result shows them,
  cut at the measured pixel width, with the SEO checks beside it.
* :func:`post_composer` — *Penyusun unggahan*: platform, exact counter, hashtag and link checks, X thread splitter.
* :func:`press_release_checker` — *Pemeriksa siaran pers*: the press-release checklist, live.
* :func:`monitoring_dashboard` — *Dasbor pemantauan*: date range and brand selection, charts and spike alerts.

Every tool is a class with ``refresh()`` (what typing triggers) and an ``output`` HTML widget, so tests set values
and read the rendered result without a browser. Each call returns a fresh tool: no state is shared.
"""
from __future__ import annotations

import asyncio
import html
from typing import Any

import ipywidgets as w

from .engine.present import tools
from .engine.present.report_html import STYLE  # noqa: F401 - kept for callers that style their own output

DEBOUNCE_SECONDS = 0.4


def _wide() -> w.Layout:
    """A fresh layout for a full-width input (98 %: the page column clips borders at 100 %)."""
    return w.Layout(width="98%")


class _LiveTool:
    """Shared plumbing: watch some inputs, re-render after a pause in typing."""

    def __init__(self, inputs: list[w.Widget], debounce: float = DEBOUNCE_SECONDS) -> None:
        self.debounce = debounce
        self.output = w.HTML()
        self._pending: Any = None
        for widget in inputs:
            widget.observe(self._changed, names="value")

    def _changed(self, _change=None) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None or self.debounce <= 0:
            self.refresh()
            return
        if self._pending is not None:
            self._pending.cancel()
        self._pending = loop.call_later(self.debounce, self.refresh)

    def refresh(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _show(self, view: tools.ToolView) -> None:
        self.report = view.report
        self.output.value = view.html

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def _area(placeholder: str, rows: int = 12) -> w.Textarea:
    return w.Textarea(placeholder=placeholder, layout=w.Layout(width="98%", height=f"{rows * 1.6}em"),
                      continuous_update=True)


def _text(description: str, placeholder: str = "") -> w.Text:
    return w.Text(description=description, placeholder=placeholder, layout=_wide(),
                  style={"description_width": "10em"}, continuous_update=True)


class DraftChecker(_LiveTool):
    def __init__(self, text: str = "", keyphrase: str = "", debounce: float = DEBOUNCE_SECONDS) -> None:
        self.text = _area("Tempel atau tulis draf Anda di sini (Markdown atau teks biasa) …")
        self.keyphrase = _text("Frasa kunci", "misalnya: urus KTP")
        self.title = _text("Judul SEO", "kosongkan untuk memakai judul H1")
        self.description = _text("Deskripsi meta")
        self.slug = _text("Slug", "misalnya: urus-ktp-di-mal-pelayanan")
        super().__init__([self.text, self.keyphrase, self.title, self.description, self.slug], debounce)
        self.widget = w.VBox([w.HTML("<b>Pemeriksa draf</b>"), self.text, self.keyphrase, self.title,
                              self.description, self.slug, self.output])
        self.text.value, self.keyphrase.value = text, keyphrase
        self.report = None
        self.refresh()

    def refresh(self) -> None:
        self._show(tools.draft_checker(self.text.value, keyphrase=self.keyphrase.value, title=self.title.value,
                                       description=self.description.value, slug=self.slug.value))


def draft_checker(text: str = "", keyphrase: str = "") -> DraftChecker:
    """*Pemeriksa draf*: the full readability and SEO report on the trainee's own draft."""
    return DraftChecker(text, keyphrase)


class SerpPreview(_LiveTool):
    TITLE_PX = tools.SERP_TITLE_PX
    DESCRIPTION_PX = tools.SERP_DESCRIPTION_PX

    def __init__(self, title: str = "", url: str = "", description: str = "", keyphrase: str = "",
                 debounce: float = DEBOUNCE_SECONDS) -> None:
        self.title = _text("Judul SEO")
        self.url = _text("URL", "https://sukamajukab.go.id/layanan/urus-ktp")
        self.description = _text("Deskripsi meta")
        self.keyphrase = _text("Frasa kunci")
        super().__init__([self.title, self.url, self.description, self.keyphrase], debounce)
        self.widget = w.VBox([w.HTML("<b>Pratinjau hasil pencarian</b>"), self.title, self.url, self.description,
                              self.keyphrase, self.output])
        self.title.value, self.url.value, self.description.value, self.keyphrase.value = title, url, description, keyphrase
        self.view = None
        self.refresh()

    def shown_title(self) -> str:
        return self.view.data["shown_title"]

    def shown_description(self) -> str:
        return self.view.data["shown_description"]

    def refresh(self) -> None:
        self.view = tools.serp_preview(self.title.value, self.url.value, self.description.value, self.keyphrase.value)
        self._show(self.view)


def serp_preview(title: str = "", url: str = "", description: str = "", keyphrase: str = "") -> SerpPreview:
    """*Pratinjau hasil pencarian*: how a search result shows the page."""
    return SerpPreview(title, url, description, keyphrase)


PLATFORMS = [key for _name, key in tools.platform_choices()]


class PostComposer(_LiveTool):
    def __init__(self, text: str = "", platform: str = "x", debounce: float = DEBOUNCE_SECONDS) -> None:
        # Platforms by their names ("X", "Instagram"); the value stays the engine's key.
        self.platform = w.Dropdown(options=tools.platform_choices(), value=platform, description="Platform")
        self.text = _area("Tulis unggahan Anda …", rows=6)
        # The label must show whole: a button sizes to its label, never cut to the default width.
        self.split_button = w.Button(description="Pecah menjadi utas X", icon="scissors",
                                     layout=w.Layout(width="auto"))
        self.thread_output = w.HTML()
        super().__init__([self.platform, self.text], debounce)
        self.split_button.on_click(lambda _b: self.split_thread())
        self.widget = w.VBox([w.HTML("<b>Penyusun unggahan</b>"), self.platform, self.text, self.output,
                              self.split_button, self.thread_output])
        self.text.value = text
        self.refresh()

    def refresh(self) -> None:
        view = tools.post_composer(self.text.value, self.platform.value)
        self._show(view)
        # A thread belongs to the text and platform it was made from: any change clears it, and the
        # splitter is offered only where it applies (X).
        self.thread_output.value = ""
        self.split_button.layout.display = None if view.data["can_split"] else "none"

    def split_thread(self) -> list[str]:
        if self.platform.value != "x":
            self.thread_output.value = ""
            return []
        view = tools.x_thread(self.text.value)
        self.thread_output.value = view.html if view.data["parts"] else ""
        return view.data["parts"]


def post_composer(text: str = "", platform: str = "x") -> PostComposer:
    """*Penyusun unggahan*: a post for one platform, counted exactly as the platform counts."""
    return PostComposer(text, platform)


class PressReleaseChecker(_LiveTool):
    def __init__(self, text: str = "", debounce: float = DEBOUNCE_SECONDS) -> None:
        self.text = _area("Tempel siaran pers Anda di sini …", rows=16)
        super().__init__([self.text], debounce)
        self.widget = w.VBox([w.HTML("<b>Pemeriksa siaran pers</b>"), self.text, self.output])
        self.text.value = text
        self.refresh()

    def refresh(self) -> None:
        self._show(tools.press_release_checker(self.text.value))


def press_release_checker(text: str = "") -> PressReleaseChecker:
    """*Pemeriksa siaran pers*: the press-release checklist, live."""
    return PressReleaseChecker(text)


# The dashboard's view (table, chart, alerts) lives with the monitoring code; the course data set's names too.
from .monitoring.dashboard import DEFAULT_K, K_CHOICES, SAMPLE_BRANDS, SAMPLE_PEERS, k_text, render_dashboard  # noqa: E402,F401


class MonitoringDashboard:
    """*Dasbor pemantauan* over the course data set (or a mentions table the trainee loads)."""

    def __init__(self, df=None, brands=None, peers=None, k: float = 2.0, charts: bool = True) -> None:
        from . import monitoring

        self.monitoring = monitoring
        self.charts = charts
        self.df = monitoring.load_mentions(monitoring.SAMPLE_PATH) if df is None else df
        self.all_brands = {name: list(terms) for name, terms in (brands or SAMPLE_BRANDS).items()}
        self.all_peers = {name: list(terms) for name, terms in (peers if peers is not None else SAMPLE_PEERS).items()}
        dates = sorted(set(self._days().dropna()))
        # Dates as Indonesian day-month-year labels ("16 November 2026"), not the browser's date picker, which
        # follows the browser's locale (US month/day order on many office laptops).
        from .monitoring.dates import tanggal

        choices = [(tanggal(d), d) for d in dates]
        self.start = w.Dropdown(options=choices, value=dates[0] if dates else None, description="Dari")
        self.end = w.Dropdown(options=choices, value=dates[-1] if dates else None, description="Sampai")
        names = list(self.all_brands) + list(self.all_peers)
        self.selection = w.SelectMultiple(options=names, value=tuple(names), description="Nama")
        # A selection slider shows its options' labels ("3,0", the dashboard's convention); a float slider's
        # readout would say "3.00".
        self.k = w.SelectionSlider(options=[(k_text(v), v) for v in K_CHOICES],
                                   value=min(K_CHOICES, key=lambda v: abs(v - k)), description="Ambang k",
                                   readout=True)
        self.output = w.HTML()
        for control in (self.start, self.end, self.selection, self.k):
            control.observe(lambda _c: self.refresh(), names="value")
        self.widget = w.VBox([w.HTML("<b>Dasbor pemantauan</b>"), w.HBox([self.start, self.end]), self.selection,
                              self.k, self.output])
        self.result = None
        self.refresh()

    def _days(self):
        return self.df["timestamp"].dt.tz_convert(self.monitoring.WIB).dt.date

    def filtered(self):
        days = self._days()
        mask = days.notna()
        if self.start.value is not None:
            mask &= days >= self.start.value
        if self.end.value is not None:
            mask &= days <= self.end.value
        return self.df[mask]

    def refresh(self) -> None:
        chosen = set(self.selection.value)
        brands = {k: v for k, v in self.all_brands.items() if k in chosen}
        peers = {k: v for k, v in self.all_peers.items() if k in chosen}
        data = self.filtered()
        self.result = None
        if not brands and not peers:
            self.output.value = "<p class='khd-small'>Pilih paling sedikit satu nama.</p>"
            return
        if data.empty:
            self.output.value = "<p class='khd-small'>Tidak ada unggahan pada rentang tanggal ini. Ubah tanggal <i>Dari</i> atau <i>Sampai</i>.</p>"
            return
        if not brands:  # only peers chosen: show them as the subject
            brands, peers = peers, {}
        try:
            self.result = self.monitoring.monitor(data, brands=brands, peers=peers, k=self.k.value)
        except self.monitoring.MonitoringInputError as exc:
            self.output.value = f"<p class='khd-small'>{html.escape(str(exc))}</p>"
            return
        self.output.value = render_dashboard(self.result, charts=self.charts)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def monitoring_dashboard(df=None, brands=None, peers=None) -> MonitoringDashboard:
    """*Dasbor pemantauan*: volume, share of voice, sentiment and spike alerts over a date range."""
    return MonitoringDashboard(df, brands, peers)
