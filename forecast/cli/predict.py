"""``python -m forecast predict``: not written yet."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("predict", help="(not written yet)")
    parser.set_defaults(func=lambda args: 1)
