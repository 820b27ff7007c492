"""Records, kinds, dates, the standard matters and the :class:`GovernanceModel` container.

The layer just above errors and locations: no networkx, no law, no drawing.
"""
