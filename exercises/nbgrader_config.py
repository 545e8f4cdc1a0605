# nbgrader configuration of the Kelas Humas Digital course (run nbgrader from this folder, with .venv/bin on PATH).
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = "kelas-humas-digital"
c.CourseDirectory.root = HERE
# Model answers and the notebook builder stay with the instructor.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".DS_Store"]

# The answer cells are Markdown; this is what trainees find in them (autograders.engine.scoring.notebook.TEXT_STUB).
c.ClearSolutions.text_stub = "JAWABAN ANDA: hapus baris ini, lalu tulis jawaban Anda di sini."
c.ClearSolutions.code_stub = {"python": "# KODE ANDA DI SINI"}

# A trainee cell that never ends is interrupted; the later (grading) cells still run.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
c.ExecutePreprocessor.timeout = 60

# nbgrader autograde: nbgrader's OverwriteCells warns "Attribute 'checksum' for cell ... has changed!" for EVERY
# test cell with hidden tests, untouched or not (the gradebook keeps the checksum taken before the hidden tests
# were removed). This replacement stays quiet for a cell exactly as released and still reports (and undoes) real
# changes; autograders/grading/overwrite_cells.py explains it. Same list as nbgrader 0.9.6's, one class swapped.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "autograders.grading.overwrite_cells.OverwriteCellsQuietHiddenTests",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Every HTML page made from a submission (formgrader's grading view and the feedback pages) escapes what a
# trainee wrote: raw HTML and javascript: links show as text, HTML/JavaScript outputs are hidden
# (autograders.grading.feedback_html.EscapeTraineeHtml).
c.HTMLExporter.preprocessors = ["autograders.grading.feedback_html.EscapeTraineeHtml"]
# Markdown links and images are judged after rendering, where "[x](&#106;avascript:…)" has become
# href="javascript:…": only http(s), mailto and relative links, only local or bitmap images survive
# (autograders.grading.safe_links). comment_html renders a gradebook comment for the feedback template.
c.HTMLExporter.filters = {
    "markdown2html": "autograders.grading.safe_links.SafeMarkdown",
    "comment_html": "autograders.grading.safe_links.comment_html",
}

# Feedback: no hidden tests, no tracebacks, nothing loaded from the internet (see autograders.grading.feedback_html).
# Comments (the gradebook's, which quote what the grader found in an answer) are escaped by the feedback template
# (comment_html).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "nbgrader.preprocessors.ClearHiddenTests",
    "autograders.grading.feedback_html.StripTracebacks",
]
# The page itself in Indonesian, no cell ids: templates/feedback_offline/index.html.j2 (the one feedback template),
# for the exporter of feedback generation ONLY (config nested under GenerateFeedback). Set on HTMLExporter itself
# it would also reach formgrader's exporter, which then fails to open any submission (TemplateNotFound:
# bootstrap.min.css).
c.GenerateFeedback.HTMLExporter.template_name = "feedback_offline"
c.GenerateFeedback.HTMLExporter.exclude_input_prompt = True  # no "In [ ]:" / "Out[ ]:" beside the cells
c.GenerateFeedback.HTMLExporter.exclude_output_prompt = True
c.GenerateFeedback.HTMLExporter.extra_template_basedirs = [
    os.path.join(os.path.dirname(__import__("nbgrader").__file__), "server_extensions", "formgrader", "templates"),
    os.path.join(HERE, "templates"),
]

# The kernels nbgrader starts must import the `autograders` package. In this repository it is not installed,
# so put the repository root (the folder above this one) on PYTHONPATH for them. A hub image that pip-installs
# the package needs nothing here.
_ROOT = os.path.dirname(HERE)
if os.path.isdir(os.path.join(_ROOT, "autograders")):
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (_ROOT, os.environ.get("PYTHONPATH", "")) if p)
    if _ROOT not in sys.path:
        sys.path.insert(0, _ROOT)

# Validate (the button and `nbgrader validate`) reports in Indonesian, task by task: points, what they mean and
# the whole feedback, never the grading code (autograders.grading.validation).
from autograders.grading.validate_setup import use_indonesian_validator  # noqa: E402

use_indonesian_validator()
