# templates: (nothing yet)
