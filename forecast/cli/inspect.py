"""``python -m forecast inspect``: not written yet."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("inspect", help="(not written yet)")
    parser.set_defaults(func=lambda args: 1)
