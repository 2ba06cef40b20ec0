"""``python -m forecast mnist``: not written yet."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("mnist", help="(not written yet)")
    parser.set_defaults(func=lambda args: 1)
