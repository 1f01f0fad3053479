"""The address a request really came from, for anything that counts requests per client.

Behind a TLS proxy or CDN every request arrives from the proxy's address, so
counting by `REMOTE_ADDR` alone puts every visitor and editor in one bucket:
five bad passwords from anyone would lock an editor out for everyone. The
proxy passes the client's address on in `X-Forwarded-For`, but that header is
whatever the client wants it to be unless a proxy we trust wrote it. So:

- with no proxy configured (the default), `X-Forwarded-For` is ignored and the
  address is `REMOTE_ADDR`;
- with `TRUSTED_PROXY_COUNT = N`, the last N hops are our proxies: each
  appends the address it received the request from, so the client is the
  entry N places from the right of `X-Forwarded-For` followed by
  `REMOTE_ADDR`. Anything a client writes into the header itself stands
  further left and is never read;
- with `TRUSTED_PROXIES` (addresses or networks), hops are skipped from the
  right while they belong to a trusted proxy; the first other address is the
  client. A request whose `REMOTE_ADDR` is not a trusted proxy is taken at
  its word: its header is ignored.

django-axes (login lock-out) reads this through `AXES_CLIENT_IP_CALLABLE`;
rate limits must call `client_ip(request)` too, never read the headers
themselves.
"""

import ipaddress
from functools import cache

from django.conf import settings


def client_ip(request):
    """The client's address as a string, or None when the request carries none we can read."""
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    proxy_count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    trusted = _trusted_networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if remote is None or not (proxy_count or trusted):
        return _text(remote)
    hops = [_address(hop) for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    hops.append(remote)
    if trusted:
        return _text(_first_untrusted(hops, trusted))
    # The client is the hop before our proxies. A shorter chain skipped an outer proxy of ours:
    # its left-most hop was then written by an inner one.
    client = hops[max(0, len(hops) - 1 - proxy_count)]
    return _text(client) if client is not None else _text(remote)


def _first_untrusted(hops, trusted):
    nearest = hops[-1]
    for hop in reversed(hops):
        if hop is None:
            # Our own proxy wrote this entry, so it is misconfigured: keep the last address we could read.
            break
        if not any(hop in network for network in trusted):
            return hop
        nearest = hop
    # Every readable hop is a proxy of ours (a health check from the proxy itself, say).
    return nearest


def _address(text):
    """An address from a header entry: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` or `[2001:db8::1]:443`."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket (::ffff:1.2.3.4) is the IPv4 client.
    return getattr(address, "ipv4_mapped", None) or address


def _text(address):
    return str(address) if address is not None else None


@cache
def _trusted_networks(entries):
    # Checked when the settings load (campaign_site/settings/base.py).
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)
