# tests/unit: (nothing yet)
