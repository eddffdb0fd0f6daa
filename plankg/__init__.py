"""plankg: a knowledge graph of Chinese government plan documents."""

__version__ = "0.1.0"
