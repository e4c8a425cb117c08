"""Timings of the course's tasks: the articles' loops, nnlib, and Keras (`python -m benchmarks`).

See benchmarks/__main__.py for the command line and benchmarks/results.md for the last full run.
"""
