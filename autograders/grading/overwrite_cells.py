"""``nbgrader autograde`` without its false alarm on every untouched test cell with hidden tests.

**Why nbgrader warns.** ``nbgrader generate_assignment`` computes each cell's checksum and saves the cell to the
gradebook (``ComputeChecksums``, ``SaveCells``) *before* it removes the ``### BEGIN/END HIDDEN TESTS`` region
(``ClearHiddenTests``) and computes the checksum again for the student version. So the gradebook holds the
checksum of the test cell *with* its hidden tests, the trainee receives it *without* them. At autograde,
``OverwriteCells`` compares the two for every locked cell: they always differ for a cell with hidden tests, so it
logs ``Attribute 'checksum' for cell uji_… has changed!`` and puts the gradebook's source back — which is exactly
how the hidden tests return before the cell runs. The warning appears for every such cell of every submission,
honest or not (nbgrader 0.9.6, ``nbgrader/preprocessors/overwritecells.py``; reported upstream as
jupyter/nbgrader#1961). Every test cell of this course has hidden tests (they drop a trainee's replaced
``autograders`` modules and pass the rubric's SHA-256, see :mod:`.cell`), so an instructor saw one warning per
task per trainee and could not tell a tampered cell from an untouched one.

**What this does.** :class:`OverwriteCellsQuietHiddenTests` is nbgrader's ``OverwriteCells`` with one change:
when a locked cell's source is exactly what the student version held — the gradebook's source with its hidden
test regions removed, by nbgrader's own ``ClearHiddenTests`` with the course's delimiters — the checksum
difference is expected and not reported. Everything else is nbgrader's: the source is still restored from the
gradebook, and a cell a trainee really changed (its visible part, its type, its points, its lock) is still
reported. The course's ``nbgrader_config.py`` puts it in place of ``OverwriteCells`` in
``Autograde.sanitize_preprocessors``.
"""
from __future__ import annotations

import copy

from nbgrader.api import MissingEntry
from nbgrader.preprocessors import ClearHiddenTests, OverwriteCells

# nbgrader 0.9.6's Autograde.sanitize_preprocessors with OverwriteCells replaced (a test checks the list against
# nbgrader's own default, so an nbgrader upgrade that changes it is noticed).
SANITIZE_PREPROCESSORS = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "autograders.grading.overwrite_cells.OverwriteCellsQuietHiddenTests",
    "nbgrader.preprocessors.CheckCellMetadata",
]


class OverwriteCellsQuietHiddenTests(OverwriteCells):
    """``OverwriteCells`` that does not report the checksum of a locked cell the trainee left as released."""

    _as_released = False

    def _released_source(self, source: str) -> str | None:
        """The gradebook's source as ``generate_assignment`` wrote it into the student version (hidden test regions
        removed), or None when the regions cannot be read."""
        clearer = ClearHiddenTests(config=self.config)
        cell = {"cell_type": "code", "source": source, "metadata": {}}
        try:
            from nbformat import from_dict

            node = from_dict(copy.deepcopy(cell))
            clearer._remove_hidden_test_region(node)
        except Exception:  # noqa: BLE001 - unreadable regions: let nbgrader report as it always does
            return None
        return node.source

    def preprocess_cell(self, cell, resources, cell_index):
        self._as_released = False
        grade_id = (cell.get("metadata") or {}).get("nbgrader", {}).get("grade_id")
        if grade_id is not None:
            try:
                source_cell = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
            except MissingEntry:
                source_cell = None
            if (source_cell is not None and source_cell.locked and cell.get("cell_type") == source_cell.cell_type
                    and cell.get("source") != source_cell.source):
                self._as_released = self._released_source(source_cell.source) == cell.get("source")
        try:
            return super().preprocess_cell(cell, resources, cell_index)
        finally:
            self._as_released = False

    def report_change(self, name, attr, old, new):
        if attr == "checksum" and self._as_released:
            self.log.debug("Cell %s is as released; its hidden tests are restored from the gradebook.", name)
            return
        super().report_change(name, attr, old, new)
