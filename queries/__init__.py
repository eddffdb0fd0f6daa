"""plankg.queries"""
