"""plankg.graph"""
