"""Administration that reaches across areas: the units list with each unit's comments counted,
a unit's page, and merging duplicate units (which moves rows of comments and feedback too).

It sits above the areas it reaches into (see the layers in pyproject.toml), so that accounts,
which owns units and users, imports none of them."""
