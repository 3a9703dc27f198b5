"""The real server process: ``python -m analyser serve`` on a free loopback port."""
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_ANALYSER_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_health(store_path, workers):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "analyser", "serve", "--db", str(store_path), "--port", str(port),
         "--workers", str(workers)],
        cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        body = None
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"server exited: {proc.stderr.read()}")
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                body = r.json()
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert body == {"ok": True, "documents": 3, "writable": False, "pipeline_loaded": False}
        r = httpx.get(f"http://127.0.0.1:{port}/")
        assert r.status_code == 200 and "Policy Analyser" in r.text
        workers_seen = _children(proc.pid) if workers > 1 and Path("/proc").is_dir() else []
        if workers > 1 and Path("/proc").is_dir():
            assert len(workers_seen) == workers
            for _ in range(20):  # several connections in a row are all answered
                assert httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).status_code == 200
    finally:
        proc.terminate()
        try:
            out, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert f"http://127.0.0.1:{port}/" in out
    assert proc.returncode in (0, -15)  # uvicorn ends by re-raising the signal it stopped on
    for pid in workers_seen:  # the workers stopped with the parent
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


def test_several_workers_serve_read_only(store_path):
    env = dict(_env(), POLICY_ANALYSER_WRITE_TOKEN="s3cret")
    r = subprocess.run(
        [sys.executable, "-m", "analyser", "serve", "--db", str(store_path), "--port", str(free_port()),
         "--workers", "2"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert r.returncode == 2
    assert "read-only" in r.stderr and "Traceback" not in r.stderr


def test_serve_missing_store_fails_cleanly(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "analyser", "serve", "--db", str(tmp_path / "absent.db"), "--port", str(free_port())],
        cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert r.returncode == 2
    assert r.stderr.startswith("error: no store at") and "Traceback" not in r.stderr


@pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="no SO_REUSEPORT on this system")
def test_each_worker_listens_on_a_socket_of_its_own():
    from api.server import _check_port, _listening_sockets

    port = free_port()
    socks = _listening_sockets("127.0.0.1", port, 2)
    try:
        assert len(socks) == 2 and {s.getsockname() for s in socks} == {("127.0.0.1", port)}
        assert all(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) for s in socks)
        assert _check_port("127.0.0.1", port) is not None  # another server cannot join them unnoticed
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
    finally:
        for s in socks:
            s.close()
    one = _listening_sockets("127.0.0.1", port, 1)
    try:
        assert len(one) == 1 and not one[0].getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT)
    finally:
        one[0].close()


def test_startup_objects_are_left_out_of_later_collections():
    import gc

    from api.server import _freeze_startup_objects

    try:
        _freeze_startup_objects()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
