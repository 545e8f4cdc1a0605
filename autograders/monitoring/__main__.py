"""``python -m autograders.monitoring BERKAS --brand …`` (the same as ``python -m autograders monitor``)."""
import sys

from .cli import main

sys.exit(main())
