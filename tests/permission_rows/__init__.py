"""Permission-matrix rows of the team's pages, one module per area, each with ROWS."""
