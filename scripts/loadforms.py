"""What a browser and an authenticator app do, for the load test and the page profile
(scripts/locustfile.py, scripts/profile_pages.py): the TOTP code of RFC 6238, and the fields
of a page's POST form with the values the page filled in. No Locust here: importing Locust
patches the standard library (gevent), which a profile in plain Python must not have."""

import hashlib
import hmac
import struct
import time
from html.parser import HTMLParser


def totp(key_hex: str, at: float | None = None) -> str:
    """The code an authenticator app shows (RFC 6238: SHA-1, 6 digits, 30 s steps)."""
    counter = int((at if at is not None else time.time()) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


class FormFields(HTMLParser):
    """The fields of the first POST form on a page whose action ends with ``action`` (or, without
    it, the first one that posts to its own page), with the values the page filled in: what a
    browser would send."""

    def __init__(self, action: str = ""):
        super().__init__()
        self.action, self.fields, self.inside, self.done, self.select = action, {}, False, False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and (attrs.get("method") or "").lower() == "post":
            target = attrs.get("action") or ""
            # without ``action``: the form that posts to its own page (not the menu's logout form)
            self.inside = target.endswith(self.action) if self.action else target in ("", ".")
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields[name] = attrs.get("value", "on")
                elif kind == "radio":
                    self.fields.setdefault(name, attrs.get("value", ""))  # the first option
            elif kind not in ("submit", "button", "file"):
                self.fields[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self.select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self.select:
            if "selected" in attrs or not self.fields[self.select]:
                self.fields[self.select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        if tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_fields(html: str, action: str = "") -> dict:
    parser = FormFields(action)
    parser.feed(html)
    return parser.fields
