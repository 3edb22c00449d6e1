"""What only the pages use: session keys and helpers, URL state, charts, plain-language text.

Nothing else in core imports this package."""
