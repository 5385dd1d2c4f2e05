"""``python -m eghnrw``: the same as the ``eghnrw`` command."""

from eghnrw.cli import main

raise SystemExit(main())
