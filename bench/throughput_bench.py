"""Throughput of anonymous pages against a static file, with the page cache cold and warm, in one run.

    .venv/bin/python bench/throughput_bench.py [--seconds 10] [--connections 8] [--workers 2]

What a visitor's request costs on the production stack: gunicorn (sync workers) with the production
settings, PostgreSQL, the demo content, and Redis as the shared cache when `redis-server` is installed
(local memory otherwise; the report says which). Debian's `wrk` measures, on 127.0.0.1, for a bounded
time per URL:

- a static file served by WhiteNoise (the ceiling: no database, no template);
- the home page, the programme overview, a programme page and the story index (nl), each
  - cold: the page cache switched off (`PAGE_CACHE_SECONDS=0`), every request rendered;
  - warm: the page cache on, after one request has filled it.

It prints requests per second, p50 and p99 latency and the ratio to the static file, and writes the
same table to bench/THROUGHPUT.md. The figures are only comparable within one run: the machine is shared
and noisy, so the ratio (not the absolute number) is the result. The demo database (`bench_throughput`
on the PostgreSQL server `scripts/postgres` starts) is built once and reused; `--rebuild` drops it.
"""

import argparse
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DATABASE_NAME = "bench_throughput"
STATIC = "/static/css/site.css"


def run(args, env, **kwargs):
    return subprocess.run(args, env=env, cwd=ROOT, check=True, **kwargs)


def postgres_url():
    url = subprocess.run([str(ROOT / "scripts" / "postgres"), "start"], cwd=ROOT, check=True, capture_output=True)
    base = url.stdout.decode().strip().splitlines()[-1]
    return base.rsplit("/", 1)[0] + "/" + DATABASE_NAME


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def redis_server():
    """A throwaway Redis on a free port, or None when Debian's redis-server is not installed."""
    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for(f"redis on {port}", lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close())
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait()


def wait_for(what, probe, seconds=120):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return probe()
        except Exception:
            if time.monotonic() > deadline:
                raise SystemExit(f"{what} did not come up within {seconds} s") from None
            time.sleep(0.5)


def production_env(database_url, cache_url, static_root, media_root, page_cache_seconds):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="campaign_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        CACHE_URL=cache_url,
        STATIC_ROOT=static_root,
        MEDIA_ROOT=media_root,
        INSECURE_PLAIN_HTTP="true",  # plain http on 127.0.0.1: no redirect to https
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        LOG_LEVEL="WARNING",
    )
    env.pop("SEARCH_SERVER_URL", None)
    env.pop("ELASTICSEARCH_URL", None)
    return env


def prepare_database(env, rebuild):
    """Migrate and load the demo content once; a second run reuses the database."""
    admin_url = env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    import psycopg

    with psycopg.connect(admin_url.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        if rebuild:
            conn.execute(f"DROP DATABASE IF EXISTS {DATABASE_NAME}")
            shutil.rmtree(env["MEDIA_ROOT"], ignore_errors=True)
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            conn.execute(f"CREATE DATABASE {DATABASE_NAME}")
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    if not exists or not Path(env["MEDIA_ROOT"]).exists():
        print("Loading the demo content (once; minutes)…", flush=True)
        # --force: the production settings, but a throwaway database on 127.0.0.1 that no one signs in to.
        run([PYTHON, "manage.py", "load_demo_content", "--quiet", "--force"], env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "compilemessages", "--ignore=.venv", "-v0"], env)


def page_urls(env):
    """The nl overview, its first live programme and the nl story index, read from the database."""
    script = (
        "from programs.models import ProgramIndexPage, ProgramPage\n"
        "from stories.models import StoryIndexPage\n"
        "nl = dict(locale__language_code='nl')\n"
        "print('URL', ProgramIndexPage.objects.live().filter(**nl).first().url)\n"
        "print('URL', ProgramPage.objects.live().filter(**nl).order_by('path').first().url)\n"
        "print('URL', StoryIndexPage.objects.live().filter(**nl).first().url)\n"
    )
    out = run([PYTHON, "manage.py", "shell", "-c", script], env, capture_output=True).stdout.decode()
    urls = [line.split()[1] for line in out.splitlines() if line.startswith("URL ")]
    return {"home": "/nl/", "overview": urls[0], "programme page": urls[1], "story index": urls[2]}


@contextmanager
def gunicorn(env, workers):
    port = free_port()
    process = subprocess.Popen(
        [
            GUNICORN,
            "campaign_site.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for("gunicorn", lambda: urllib.request.urlopen(base + STATIC, timeout=5).read())  # noqa: S310 (http on 127.0.0.1)
        yield base
    finally:
        process.terminate()
        process.wait()


def check(url):
    """Fail loudly when a URL does not answer 200: wrk would happily count error pages per second."""
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (http on 127.0.0.1)
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")


def wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if "Non-2xx or 3xx responses" in out:
        raise SystemExit(f"wrk saw error responses from {url}:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, flags=re.MULTILINE))
    return rate, latency.get("50", "?"), latency.get("99", "?")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk's duration per URL")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the demo database")
    parser.add_argument("--output", default=str(ROOT / "bench" / "THROUGHPUT.md"))
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")

    database_url = postgres_url()
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    media_root = str(ROOT / ".bench-media")  # the demo images, kept with the database
    rows = []
    with redis_server() as redis_url:
        cache_url = redis_url or "locmemcache://bench"
        setup_env = production_env(database_url, cache_url, static_root, media_root, 0)
        prepare_database(setup_env, args.rebuild)
        urls = page_urls(setup_env)

        def measure(label, base, path):
            check(base + path)
            rate, p50, p99 = wrk(base + path, args.seconds, args.connections)
            rows.append((label, path, rate, p50, p99))
            print(f"  {label:<28} {rate:>9.0f} req/s  p50 {p50:>8}  p99 {p99:>8}", flush=True)

        with gunicorn(setup_env, args.workers) as base:
            measure("static file", base, STATIC)
            for name, path in urls.items():
                measure(f"{name}, cold", base, path)
        warm_env = production_env(database_url, cache_url, static_root, media_root, 3600)
        with gunicorn(warm_env, args.workers) as base:
            for name, path in urls.items():
                check(base + path)  # fills the page cache
                measure(f"{name}, warm", base, path)
    shutil.rmtree(static_root, ignore_errors=True)

    static_rate = rows[0][2]
    cache = "Redis" if redis_url else "local memory (redis-server not installed)"
    lines = [
        "# Throughput: anonymous pages against a static file",
        "",
        f"`bench/throughput_bench.py`, {time.strftime('%Y-%m-%d %H:%M %Z')}: gunicorn with {args.workers} sync "
        f"workers, production settings, PostgreSQL, demo content, page cache in {cache}; `wrk` with "
        f"{args.connections} connections for {args.seconds} s per URL on 127.0.0.1; load average before the run "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.",
        "",
        "| | URL | req/s | p50 | p99 | ÷ static file |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for label, path, rate, p50, p99 in rows:
        lines.append(f"| {label} | `{path}` | {rate:,.0f} | {p50} | {p99} | {rate / static_rate:.3f} |")
    warm = [rate / static_rate for label, _, rate, _, _ in rows if label.endswith("warm")]
    verdict = "holds" if min(warm) >= 0.5 else "does NOT hold"
    lines += ["", f"Warm pages at ≥ 0.5 of the static file's req/s: {verdict} (lowest {min(warm):.2f})."]
    Path(args.output).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0 if min(warm) >= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
