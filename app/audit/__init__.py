"""The audit trail (审计记录): its model, its one writer and the queries that read it. Below every
area that changes data, so that each of them records its changes here."""
