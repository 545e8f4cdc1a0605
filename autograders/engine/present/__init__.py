"""Presentation: message catalogues (``messages/<lang>/``, Indonesian and English), the :class:`~.report.Report`
(JSON and text) and its escaped HTML. Nothing becomes human language or HTML before this layer."""
