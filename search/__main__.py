"""`python -m search` runs the news-search command line."""

import sys

from search.cli import main

sys.exit(main())
