"""The public reading pages: the drafts open for comment, a revision clause by clause, one
clause with its published comments and answers. Above comments and triage, whose published
parts it shows; nothing below imports it."""
