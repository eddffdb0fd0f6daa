"""The bundled plan texts, shipped as package data: the input ``plankg build`` reads by default.

See README.md in this folder for where each text was published.
"""
