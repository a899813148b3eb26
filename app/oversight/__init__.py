"""The audit page (/audit) for admins and officials: the trail searched, paged and put into words,
with the names of the accounts, units, clauses and answers it mentions."""
