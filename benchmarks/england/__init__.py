"""The parts of the England-shaped model generator (see ``benchmarks/generate.py``).

``records`` writes plain dicts in the model-file format; ``providers``,
``commissioners`` and ``community`` build one organisation each with its
bodies, posts and scheme of delegation; ``system`` builds one integrated care
system around an ICB, and ``partnerships`` its joint arrangements.
"""
