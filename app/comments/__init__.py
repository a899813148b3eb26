"""Comments (意见): the one writer of a comment row (online, on behalf, from a form), receipts,
edits and withdrawal, quotes, attachments, co-signing units, and the participant's pages
(the form, the receipt, 我的意见). Knows measures and accounts; nothing of triage."""
