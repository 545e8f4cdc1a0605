"""What Moodle writes and reads where this course meets it: the assignment's "Download all submissions" zip
(read by ``python -m autograders intake``) and the gradebook's "Import grades from CSV" (written by
``python -m autograders grades-export``). Facts from Moodle's source (``mod/assign/classes/downloader.php``,
``mod/assign/locallib.php``, ``grade/import/csv/classes/load_data.php``) and MoodleDocs *Grade import*.

**Download all submissions.** Each participant's files are prefixed with
``<full name>_<participant id>_assignsubmission_<plugin>``. Moodle first turns every ``_`` of the full name into a
space, so the first ``_`` ends the name; the participant id is the assignment's own number for that user (table
``assign_user_mapping``), neither the user id nor the ID number. Three layouts:

=====================================  =========================================================================
Moodle 4.1 and later, in folders       ``Budi Santoso_4821_assignsubmission_file/m1_situs_web.ipynb``
Moodle 3.1 to 4.0, in folders          ``Budi Santoso_4821_assignsubmission_file_/m1_situs_web.ipynb``
flat ("Download submissions in         ``Budi Santoso_4821_assignsubmission_file_m1_situs_web.ipynb``
folders" off, or before 3.1)
=====================================  =========================================================================

Sub-folders the trainee made inside the file area are kept under the participant folder. Under blind marking
the name is the word "Participant" in the site's language (``Peserta`` in Indonesian); team submissions are
named after the group (not supported here: these exercises are individual). Older versions put
``<group name>-`` before the name in group mode. The zip is named ``<course>-<assignment>-<cmid>.zip``; its
entries are dated at the moment of the download (Moodle passes no time to its zip writer), so they tell nothing
about when a trainee submitted.

**Import grades from CSV.** The first line is the header. The instructor maps one column to a user field
(*Map from* the column, *Map to* ``useremail`` or ``useridnumber``; also ``userid`` or ``username``) and the
grade column to a grade item. A user is found by exact equality with the field (email addresses are
case-sensitive there, MDL-29315). Any row whose user is not found, or whose mapping cell is empty, **aborts the
whole import**; a line with a single field is skipped. A grade is ``-`` or empty for "no grade", else a number:
Moodle replaces the site language's decimal separator by ``.`` and then requires a numeric string, so ``12.5``
reads right under both ``.`` and ``,`` languages, while ``12,5`` only under a comma language. No thousands
separators. Grades above 100 need the site setting *unlimitedgrades*.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

MARKER = "_assignsubmission_"
BLIND_LABELS = {"participant", "peserta"}  # blind marking: English and Indonesian language packs
MATCH_FIELDS = {"email": "useremail", "idnumber": "useridnumber"}  # our --match -> Moodle's "Map to"


@dataclass(frozen=True)
class Participant:
    """One participant's slot in a Moodle download."""

    label: str  # the full name as Moodle wrote it (or the blind-marking word)
    participant_id: str
    plugin: str  # "file", "onlinetext", ...
    layout: str  # "folders" or "flat"

    @property
    def blind(self) -> bool:
        return self.label.strip().casefold() in BLIND_LABELS

    def to_dict(self) -> dict[str, str]:
        return {"kind": "moodle", "label": self.label, "participant_id": self.participant_id,
                "plugin": self.plugin, "layout": self.layout}


def _label_and_id(head: str) -> tuple[str, str] | None:
    label, sep, number = head.rpartition("_")
    if not sep or not label.strip() or not number.isdigit() or not number.isascii() or len(number) > 18:
        return None
    return label, number


def _plugin_name(text: str) -> bool:
    return bool(text) and text.isascii() and text.isalpha() and text.islower()


def folder_participant(name: str) -> Participant | None:
    """``Budi Santoso_4821_assignsubmission_file`` (or with a trailing ``_``) -> the participant, else None."""
    head, sep, plugin = name.rpartition(MARKER)
    if not sep:
        return None
    if plugin.endswith("_"):
        plugin = plugin[:-1]
    found = _label_and_id(head)
    if found is None or not _plugin_name(plugin):
        return None
    return Participant(found[0], found[1], plugin, "folders")


def flat_participant(name: str) -> tuple[Participant, str] | None:
    """``Budi Santoso_4821_assignsubmission_file_m1.ipynb`` -> (the participant, ``m1.ipynb``), else None."""
    head, sep, rest = name.partition(MARKER)
    if not sep:
        return None
    plugin, sep, filename = rest.partition("_")
    found = _label_and_id(head)
    if found is None or not sep or not filename or not _plugin_name(plugin):
        return None
    return Participant(found[0], found[1], plugin, "flat"), filename


def participant_of(parts: Sequence[str]) -> tuple[Participant | None, str]:
    """The Moodle participant a file belongs to (from its path inside the download) and the file's own name as
    the trainee uploaded it; (None, last name) when the path follows no Moodle layout."""
    if not parts:
        return None, ""
    for folder in parts[:-1]:
        found = folder_participant(folder)
        if found is not None:
            return found, parts[-1]
    flat = flat_participant(parts[-1])
    if flat is not None:
        return flat
    return None, parts[-1]
