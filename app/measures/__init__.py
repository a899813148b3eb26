"""Measures (规章/标准) and their revisions (稿次) clause by clause: importing a draft that
legaltext parsed, comment periods and publication settings, the administrators' measure pages,
and the loaders every area uses to find a revision or a clause (404 when it is not there)."""
