"""What every area uses and that knows no area: the Flask extensions, time in Beijing, the UI
language, mail, Markdown rendering, security headers, forms, the files handed out (their media
types), the one way to commit."""
