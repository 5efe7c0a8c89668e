"""`python -m storysum …` is the same as the `storysum` command."""

import sys

from storysum.cli import main

sys.exit(main())
