"""`python -m ptcoach` entry point."""

import sys

from ptcoach.app import main

sys.exit(main())
