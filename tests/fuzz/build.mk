# tests/fuzz: (nothing yet)
