"""Returned feedback forms (意见反馈表): the team uploads a unit's filled-in form, checks the
preview of every row, and imports the rows as comments at once.

``files/`` reads and writes the .docx/.xlsx forms and is pure Python (no Flask, no SQLAlchemy);
``models`` keeps each upload (FormImport), ``importing`` turns one into comments, ``views``
are the team's pages on this area's blueprint, ``cli`` is `flask forms import`.
"""
