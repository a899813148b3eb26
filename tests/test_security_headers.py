"""Every page forbids inline script, framing and MIME sniffing."""


def test_pages_carry_the_security_headers(app, client):
    response = client.get("/")

    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy.split("; ")
    assert "frame-ancestors 'none'" in policy.split("; ")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_error_pages_carry_them_too(app, client):
    response = client.get("/no/such/page")

    assert response.status_code == 404
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "<h1>404 · 未找到" in response.get_data(as_text=True)
