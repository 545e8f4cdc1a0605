"""Measuring (Yoast calls these *researches*): small pure functions of a document and its language — syllables,
passive sentences, keyphrase hits, title width, the Fry and Flesch grades, X's weighted length. ``measurements``
caches the per-document ones. Nothing here rates or words a result."""
