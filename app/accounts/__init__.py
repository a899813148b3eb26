"""Accounts (账户) and units (提出单位): sign-up, sign-in, verification, roles, unit
representatives, and the role predicates with the ``require`` decorator every area's views use.
Above audit (it records account changes there); it imports no area that deals in comments."""
