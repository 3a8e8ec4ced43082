"""The dataset layer: the vocabulary, periods, validation and loading of data/, and selections of the loaded frame.

Imports nothing else of kreport but the foundations (config, errors).
"""
