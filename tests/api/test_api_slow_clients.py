"""Slow clients are cut off: a real ``serve`` process on a free loopback port, a client trickling bytes."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from api_fixtures import *  # noqa: F401,F403 - the shared fixtures

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(store_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_ANALYSER_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(POLICY_ANALYSER_HEADER_TIMEOUT="1.5", POLICY_ANALYSER_BODY_TIMEOUT="1.5",
               POLICY_ANALYSER_KEEPALIVE_TIMEOUT="1")  # fmt: skip
    proc = subprocess.Popen(
        [sys.executable, "-m", "analyser", "serve", "--db", str(store_path), "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read()
            try:
                httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _trickle(port: int, head: bytes, drip: bytes, every: float = 0.5, limit: float = 8.0) -> tuple[float, bytes]:
    """Send ``head``, then one byte of ``drip`` every ``every`` s; seconds until the server closed, and what it said."""
    started = time.monotonic()
    got = b""
    with socket.create_connection(("127.0.0.1", port), timeout=limit) as sock:
        sock.sendall(head)
        sock.settimeout(every)
        i = 0
        while time.monotonic() - started < limit:
            try:
                chunk = sock.recv(65536)
                if not chunk:
                    return time.monotonic() - started, got
                got += chunk
            except TimeoutError:
                pass
            except ConnectionResetError:
                return time.monotonic() - started, got
            try:
                if drip:
                    sock.sendall(drip[i % len(drip) : i % len(drip) + 1])
            except (BrokenPipeError, ConnectionResetError):
                return time.monotonic() - started, got
            i += 1
    return float("inf"), got


def test_slow_headers_are_cut_off(server):
    seconds, _ = _trickle(server, b"GET /health HTTP/1.1\r\nHost: x\r\n", b"X-Slow: aaaaaaaaaaaaaaaaaaaaaaaa\r\n")
    assert seconds < 5, "a connection trickling its headers stayed open"


def test_slow_body_is_cut_off_with_408(server):
    head = b"POST /analyse HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    seconds, said = _trickle(server, head, b'{"text": "' + b"a" * 900)
    assert seconds < 5, "a connection trickling its body stayed open"
    assert b" 408 " in said.split(b"\r\n", 1)[0]


def test_idle_keep_alive_is_closed(server):
    seconds, said = _trickle(server, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n", b"", every=0.5)
    assert b" 200 " in said and seconds < 4


def test_a_normal_client_is_served(server):
    r = httpx.post(f"http://127.0.0.1:{server}/analyse", json={}, timeout=30)  # refused before any analysis
    assert r.status_code == 422
    assert httpx.get(f"http://127.0.0.1:{server}/documents", timeout=30).json()["items"]
