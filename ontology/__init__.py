"""The plankg vocabulary, shapes and JSON-LD context as package data."""
