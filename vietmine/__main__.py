"""python -m vietmine: the same as the `vietmine` command."""
import sys

from vietmine.cli import main

sys.exit(main())
