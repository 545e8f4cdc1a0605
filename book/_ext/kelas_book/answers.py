"""Fold-out answers: an admonition with the class ``dropdown`` becomes a native ``<details>`` element.

Chapters write the self-check answers the Jupyter Book way::

    ```{admonition} Jawaban
    :class: dropdown
    ...
    ```

sphinx-togglebutton would fold them with JavaScript and an English button label ("Toggle hidden content").
A ``<details>`` element folds without JavaScript, is announced as expandable by screen readers in the page's
own language, and prints. Other builders keep the plain admonition.
"""
from __future__ import annotations

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform


class answer_details(nodes.General, nodes.Element):  # noqa: N801 - docutils node naming
    """A fold-out block: its first child is an :class:`answer_summary`."""


class answer_summary(nodes.General, nodes.TextElement):  # noqa: N801
    """The always-visible title of an :class:`answer_details`."""


class FoldDropdownAdmonitions(SphinxPostTransform):
    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for admonition in list(self.document.findall(nodes.admonition)):
            if "dropdown" not in admonition["classes"] or not admonition.children:
                continue
            title = admonition.children[0]
            if not isinstance(title, nodes.title):
                continue
            summary = answer_summary("", *title.children)
            classes = [c for c in admonition["classes"] if c != "dropdown"]
            details = answer_details("", summary, *admonition.children[1:],
                                     classes=["admonition", "kelas-dropdown", *classes], ids=admonition["ids"])
            admonition.replace_self(details)


def visit_details(self, node: answer_details) -> None:
    self.body.append(self.starttag(node, "details"))


def depart_details(self, node: answer_details) -> None:
    self.body.append("</details>\n")


def visit_summary(self, node: answer_summary) -> None:
    self.body.append(self.starttag(node, "summary", CLASS="admonition-title"))


def depart_summary(self, node: answer_summary) -> None:
    self.body.append('<span class="kelas-chevron" aria-hidden="true"></span></summary>\n')


def setup(app) -> None:
    app.add_post_transform(FoldDropdownAdmonitions)
    app.add_node(answer_details, html=(visit_details, depart_details))
    app.add_node(answer_summary, html=(visit_summary, depart_summary))
