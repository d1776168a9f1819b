"""The bundled demo: a small local portal of articles written for govnews, and the run that uses it."""
