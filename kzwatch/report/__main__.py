"""`python -m kzwatch.report WAREHOUSE`: the detached build a run starts (background.start)."""
import sys

from kzwatch import background
from kzwatch.report import main

background.lower_priority()
sys.exit(main())
