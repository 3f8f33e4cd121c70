# sdk/lib: (nothing yet)
