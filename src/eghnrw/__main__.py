"""``python -m eghnrw``: the same as the ``eghnrw`` command."""

from eghnrw.doors.cli import main

raise SystemExit(main())
