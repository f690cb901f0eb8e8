#!/usr/bin/env python
"""The same as the `fazhi` command (fazhi/cli.py)."""

if __name__ == "__main__":
    from fazhi.cli import main

    main()
