"""Reading a draft once: Markdown, HTML or plain text -> one :class:`~.document.Document` with character offsets
(blocks, headings, paragraphs, sentences, words, links, images). Nothing here judges the text."""
