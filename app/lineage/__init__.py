"""Lineage (沿革): which clause of revision N became which clause of revision N+1.

The links are computed by `app.legaltext.alignment` when a revision is stored, reviewed and
corrected by the team, and read by every page that follows a clause across revisions (clause
history, compare page, answers tied to changes, the consistency check). Links are stored by
clause *key* within a pair of revisions, so that they survive the replacement of an unpublished
revision (its clauses are stored afresh; their keys are what the team reviewed).
"""
