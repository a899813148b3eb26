"""Concurrent participants posting comments over HTTP on loopback, with the standard library
only; shared by bench/comment_load.py and tests/comments/test_concurrency.py.

Each participant is a ``Browser``: its own keep-alive connection and cookie jar. It signs in
through the sign-in form, opens the comment form of a clause (csrf_token and the one-time
form_token come from the page), posts it, and follows nothing: the answer is a 303 whose
Location names the receipt. testkit.servers runs the app under gunicorn.
"""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

RECEIPT = re.compile(r"/comments/([A-Za-z0-9-]+)$")


@dataclass
class Reply:
    status: int
    location: str
    body: str
    seconds: float


@dataclass
class Outcome:
    """One comment POST: who sent it, what came back, how long it took."""

    participant: int
    status: int
    receipt: str | None
    seconds: float
    form_token: str
    double: bool = False  # one of two identical POSTs sent at the same moment


class FormUnavailable(RuntimeError):
    def __init__(self, status: int, path: str):
        super().__init__(f"{path} answered {status}")
        self.status = status


class _Forms(HTMLParser):
    """The forms of a page: action, the names of all inputs, the values of hidden ones."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"action": attributes.get("action") or "", "fields": {}, "names": set()}
            )
        elif tag == "input" and self.forms:
            self.forms[-1]["names"].add(attributes.get("name"))
            if attributes.get("type") == "hidden":
                self.forms[-1]["fields"][attributes.get("name")] = attributes.get("value") or ""


def hidden_fields(html: str, marker: str) -> tuple[str, dict[str, str]]:
    """(action, hidden fields) of the first form with an input named ``marker``."""
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        if marker in form["names"]:
            return form["action"], dict(form["fields"])
    raise LookupError(f"no form with an input {marker!r} on the page")


class Browser:
    """One participant: a keep-alive HTTP/1.1 connection to 127.0.0.1 and a cookie jar."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None, timeout: float = 30):
        self.port = port
        self.timeout = timeout
        self.cookies = cookies if cookies is not None else {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def twin(self) -> Browser:
        """A second connection sharing this one's cookies: a second tab, a double click."""
        return Browser(self.port, self.cookies, self.timeout)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def request(
        self, method: str, path: str, fields: dict | None = None, keep_cookies: bool = True
    ) -> Reply:
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            start = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection before reading the request:
                # send it again on a new one (a POST is safe to resend: its form token).
                self.connection.close()
                if attempt == 2:
                    raise
        seconds = time.perf_counter() - start
        if keep_cookies:
            self._keep(response.headers.get_all("Set-Cookie") or [])
        return Reply(
            response.status,
            response.headers.get("Location", ""),
            data.decode("utf-8", "replace"),
            seconds,
        )

    def _keep(self, headers: list[str]) -> None:
        for header in headers:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def sign_in(self, email: str, password: str) -> None:
        page = self.request("GET", "/sign-in")
        action, fields = hidden_fields(page.body, "password")
        fields.update(email=email, password=password)
        reply = self.request("POST", urlsplit(action).path or "/sign-in", fields)
        if reply.status not in (302, 303):
            raise RuntimeError(f"sign-in of {email} answered {reply.status}")

    def comment_form(self, slug: str, number: int, key: str) -> tuple[str, dict[str, str]]:
        path = f"/m/{slug}/r/{number}/comment?{urlencode({'clause': key})}"
        page = self.request("GET", path)
        if page.status != 200:
            raise FormUnavailable(page.status, path)
        action, fields = hidden_fields(page.body, "form_token")
        return action or path, fields


def comment_fields(hidden: dict[str, str], text: str) -> dict[str, str]:
    """The comment form as a participant fills it in."""
    return {
        **hidden,
        "type": "te",
        "stance": "amend",
        "body": f"建议明确本条的适用范围。{text}",
        "proposed": "建议增加“按照认证人员注册机构的规定”。",
        "reason": "便于执行。",
        "consent": "private",
    }


def receipt_of(reply: Reply) -> str | None:
    match = RECEIPT.search(urlsplit(reply.location).path) if reply.status == 303 else None
    return match.group(1) if match else None


def post_comments(
    browser: Browser,
    participant: int,
    *,
    slug: str,
    number: int,
    keys: list[str],
    count: int,
    deadline: float,
    double_every: int = 0,
) -> list[Outcome]:
    """``count`` comments, each through its form; every ``double_every``-th is sent twice at
    the same moment on two connections (a double click). Stops at ``deadline`` (monotonic)."""
    outcomes: list[Outcome] = []
    twin = browser.twin() if double_every else None
    try:
        for index in range(count):
            if time.monotonic() > deadline:
                break
            try:
                action, hidden = browser.comment_form(slug, number, keys[index % len(keys)])
            except FormUnavailable as error:  # counted (a 5xx is an error), and go on
                outcomes.append(Outcome(participant, error.status, None, 0.0, ""))
                continue
            fields = comment_fields(hidden, f"（参与者{participant}，第{index + 1}条）")
            token = hidden["form_token"]
            if double_every and index % double_every == 0:
                replies = _at_once([browser, twin], action, fields)
                outcomes += [
                    Outcome(participant, r.status, receipt_of(r), r.seconds, token, True)
                    for r in replies
                ]
            else:
                reply = browser.request("POST", action, fields)
                outcomes.append(
                    Outcome(participant, reply.status, receipt_of(reply), reply.seconds, token)
                )
    finally:
        if twin is not None:
            twin.close()  # whatever happened: an open socket fails the tests that use this
    return outcomes


def fetch_forms(
    browser: Browser, *, slug: str, number: int, keys: list[str], count: int
) -> list[tuple[str, dict[str, str]]]:
    """``count`` comment forms, fetched ahead (form tokens are signed, not kept server-side)."""
    return [browser.comment_form(slug, number, keys[i % len(keys)]) for i in range(count)]


def post_forms(
    browser: Browser, participant: int, forms: list, *, deadline: float
) -> list[Outcome]:
    """Post fetched forms back to back. The session cookie is kept as it was: a browser would
    follow each 303 to the receipt page, which shows (and so drops) the flashed message."""
    outcomes = []
    for index, (action, hidden) in enumerate(forms):
        if time.monotonic() > deadline:
            break
        fields = comment_fields(hidden, f"（参与者{participant}，第{index + 1}条）")
        reply = browser.request("POST", action, fields, keep_cookies=False)
        outcomes.append(
            Outcome(
                participant, reply.status, receipt_of(reply), reply.seconds, hidden["form_token"]
            )
        )
    return outcomes


def _at_once(browsers: list[Browser], action: str, fields: dict) -> list[Reply]:
    barrier = threading.Barrier(len(browsers))
    replies: list[Reply | None] = [None] * len(browsers)

    def send(position: int) -> None:
        barrier.wait()
        replies[position] = browsers[position].request("POST", action, fields)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(browsers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [reply for reply in replies if reply is not None]


def run_participants(count: int, work: Callable[[int], list]) -> list:
    """Run ``work(index)`` for ``count`` participants at once; all their results, in order."""
    with ThreadPoolExecutor(max_workers=count) as pool:
        return [item for results in pool.map(work, range(count)) for item in results]
