"""User text (file names, column names, cell values) shown inside Markdown, as plain text."""
from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in Markdown; escaping them all keeps
# links, images, emphasis, LaTeX ($), colour and emoji directives (:red[...], :smile:) and HTML inert.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:^=&\"'])")


def plain(text: object) -> str:
    """``text`` escaped so that Streamlit's Markdown shows it exactly as written; newlines become spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).splitlines()))
