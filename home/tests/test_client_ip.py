"""The client address behind trusted proxies (home/client_ip.py), and the login lock-out that counts it."""

import subprocess
import sys

import pytest
from axes.utils import reset

from django.test import RequestFactory, override_settings

from home.client_ip import client_ip
from home.tests.factories import UserFactory

PROXY = "10.0.0.2"
CDN_EDGE = "172.16.5.9"


def request_from(remote_addr, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        pytest.param("203.0.113.7", None, "203.0.113.7", id="direct"),
        pytest.param(PROXY, "198.51.100.1", PROXY, id="header-ignored"),
        pytest.param(PROXY, "not an address", PROXY, id="garbage-ignored"),
    ],
)
def test_without_a_configured_proxy_x_forwarded_for_is_ignored(remote, forwarded, expected):
    assert client_ip(request_from(remote, forwarded)) == expected


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        pytest.param(PROXY, "198.51.100.1", "198.51.100.1", id="proxy-appended"),
        # Whatever the client wrote itself stands left of what our proxy appended.
        pytest.param(PROXY, "203.0.113.99, 198.51.100.1", "198.51.100.1", id="spoofed-left"),
        pytest.param(PROXY, "garbage, 198.51.100.1", "198.51.100.1", id="garbage-left"),
        pytest.param(PROXY, " 198.51.100.1:51234 ", "198.51.100.1", id="with-port"),
        pytest.param(PROXY, "[2001:db8::5]:443", "2001:db8::5", id="ipv6-with-port"),
        pytest.param("::ffff:10.0.0.2", "198.51.100.1", "198.51.100.1", id="ipv4-mapped-proxy"),
        pytest.param(PROXY, None, PROXY, id="no-header"),
    ],
)
def test_one_trusted_proxy_gives_the_address_it_appended(remote, forwarded, expected):
    assert client_ip(request_from(remote, forwarded)) == expected


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_two_trusted_proxies_skip_both_hops():
    assert client_ip(request_from(PROXY, f"203.0.113.99, 198.51.100.1, {CDN_EDGE}")) == "198.51.100.1"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/24", CDN_EDGE])
@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        pytest.param(PROXY, f"203.0.113.99, 198.51.100.1, {CDN_EDGE}", "198.51.100.1", id="through-cdn-and-proxy"),
        pytest.param(PROXY, "198.51.100.1", "198.51.100.1", id="through-proxy-only"),
        # A peer that is not one of our proxies is taken at its word: its header is ignored.
        pytest.param("203.0.113.50", "198.51.100.1", "203.0.113.50", id="untrusted-peer"),
        pytest.param(PROXY, CDN_EDGE, CDN_EDGE, id="only-proxies"),
    ],
)
def test_trusted_proxy_addresses_are_skipped_from_the_right(remote, forwarded, expected):
    assert client_ip(request_from(remote, forwarded)) == expected


def test_an_unreadable_trusted_proxies_entry_stops_the_settings_from_loading():
    import os

    environment = os.environ | {"TRUSTED_PROXIES": "10.0.0.1,proxy.example.org"}
    result = subprocess.run(
        [sys.executable, "-c", "import campaign_site.settings.base"], env=environment, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXIES: 'proxy.example.org' does not appear to be an IPv4 or IPv6 network" in result.stderr


# The lock-out itself: django-axes keys on username and the address client_ip() returns.


@pytest.fixture
def editor(db):
    reset()
    yield UserFactory(username="editor", is_staff=True)
    reset()


def sign_in(client, password, forwarded_for=None, remote_addr=PROXY):
    headers = {"REMOTE_ADDR": remote_addr, "HTTP_ACCEPT_LANGUAGE": "en"}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    client.cookies.clear()
    return client.post("/admin/login/", {"username": "editor", "password": password}, **headers)


def signed_in(response):
    return response.status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_lock_out_counts_the_real_client_address(client, editor):
    attacker, colleague = "198.51.100.66", "198.51.100.10"
    for _ in range(3):
        sign_in(client, "wrong guess", forwarded_for=attacker)
    assert sign_in(client, "correct horse battery staple", forwarded_for=attacker).status_code == 429
    # Everyone else comes through the same proxy, and can still sign in.
    assert signed_in(sign_in(client, "correct horse battery staple", forwarded_for=colleague))


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_spoofed_headers_cannot_lock_an_editor_out_for_everyone(client, editor):
    attacker, colleague = "198.51.100.66", "198.51.100.10"
    # The attacker claims the colleague's address (and garbage) on every try; the proxy appends the real one.
    for claimed in (colleague, f"{colleague}, 10.0.0.2", "unknown", ""):
        sign_in(client, "wrong guess", forwarded_for=f"{claimed}, {attacker}".lstrip(", "))
    assert sign_in(client, "correct horse battery staple", forwarded_for=attacker).status_code == 429
    assert signed_in(sign_in(client, "correct horse battery staple", forwarded_for=colleague))


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_without_a_configured_proxy_a_client_cannot_escape_the_lock_out_with_the_header(client, editor):
    # Straight from the internet (no proxy configured): a new X-Forwarded-For on each try changes nothing.
    for n in range(3):
        sign_in(client, "wrong guess", forwarded_for=f"198.51.100.{n}", remote_addr="203.0.113.7")
    locked = sign_in(client, "correct horse battery staple", forwarded_for="198.51.100.200", remote_addr="203.0.113.7")
    assert locked.status_code == 429
