"""The statistics layer: derived metrics, growth breaks and the forecast engine.

Reads the dataset layer; never draws (no matplotlib here).
"""
