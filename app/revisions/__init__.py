"""The revision cycle (稿次): revision N+1 uploaded unpublished (staff only, replaceable),
aligned with revision N (app/lineage), reviewed, then published with its label and period."""
