"""`python -m search.cli` runs the news-search command line, as `python -m search` does."""

import sys

from search.cli import main

sys.exit(main())
