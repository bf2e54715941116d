"""briefing's entry point: the MkDocs hook (``hooks: [build_site.py]``) and the command line.

    python build_site.py                    build the site with a progress bar and a summary
    python build_site.py check              read and annotate without rendering; list problems
    python build_site.py timex FILE --dct YYYY-MM-DD   print the date annotations of any text as JSON
    python build_site.py new --title T --date D --outlet O   start a new article in seeds/
    python build_site.py bench [timex|scale]            benchmarks

No logic lives here: it is all in the ``briefing`` package.
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by file path, so the package beside this file is not importable by default.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing.hook import (  # noqa: E402,F401  (the MkDocs hooks)
    on_build_error,
    on_config,
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
    on_serve,
)

if __name__ == "__main__":
    from briefing.cli import main

    sys.exit(main(sys.argv[1:]))
