"""iWmo 3.2: the schemas, building the messages the municipality sends (301, 319) and reading
the ones providers send (305, 307, 315, 317). No database access here; ``toegang.messaging``
stores and applies them."""
