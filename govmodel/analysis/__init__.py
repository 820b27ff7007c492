"""Questions asked of a model on a date: the forms open to its partners
(:mod:`~govmodel.analysis.forms`), what a body is in law
(:mod:`~govmodel.analysis.classify`), who may decide what
(:mod:`~govmodel.analysis.authority`) and who answers to whom
(:mod:`~govmodel.analysis.trace`).

Above the law and the graph; below the checks and the drawings, which read them.
"""
