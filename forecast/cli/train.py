"""``python -m forecast train``: not written yet."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("train", help="(not written yet)")
    parser.set_defaults(func=lambda args: 1)
