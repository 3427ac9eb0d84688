"""The bundle's entry script: ``spoenk_publisher.__main__`` (command line or desktop app)."""

import multiprocessing

# First, before anything else is imported: every analysis process is this executable started
# again with multiprocessing's arguments, and must run its task instead of the app.
multiprocessing.freeze_support()

from spoenk_publisher.__main__ import main  # noqa: E402

raise SystemExit(main())
