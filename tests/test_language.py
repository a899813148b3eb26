"""The interface is in Chinese by default; English by a switch that is remembered."""

from tests.pages import csrf_token


def test_interface_is_chinese_by_default(app, client):
    html = client.get("/").get_data(as_text=True)

    assert '<html lang="zh-Hans">' in html
    assert "征求意见中" in html


def test_language_switch_is_remembered(app, client):
    token = csrf_token(client.get("/").get_data(as_text=True))

    response = client.post("/language", data={"language": "en", "next": "/", "csrf_token": token})

    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "Open for comment" in html
    html = client.get("/").get_data(as_text=True)  # a later visit keeps the choice
    assert "Open for comment" in html


def test_language_switch_needs_a_csrf_token(app, client):
    response = client.post("/language", data={"language": "en", "next": "/"})

    assert response.status_code == 400
    assert '<html lang="zh-Hans">' in client.get("/").get_data(as_text=True)


def test_language_switch_never_redirects_off_site(app, client):
    token = csrf_token(client.get("/").get_data(as_text=True))

    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = client.post(
            "/language", data={"language": "en", "next": target, "csrf_token": token}
        )
        assert response.headers["Location"] == "/"


def test_language_switch_refuses_backslash_and_control_character_tricks(app, client):
    token = csrf_token(client.get("/").get_data(as_text=True))

    for target in ("/\\evil.example", "/\t/evil.example", "/\\/evil.example", "/%0a"):
        response = client.post(
            "/language", data={"language": "en", "next": target, "csrf_token": token}
        )
        expected = "/%0a" if target == "/%0a" else "/"
        assert response.headers["Location"] == expected
