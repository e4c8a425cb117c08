"""`make lab` opens the course wherever it is run: as root too, and on a machine with no desktop.

The test starts `make lab` as the README tells students to (here with no display, as CI has),
waits for JupyterLab to print its address and answer on its port, opens a lesson through it,
and stops it.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LESSON = "01_neuron_and_network_by_hand.ipynb"
START_TIMEOUT = 180   # seconds: JupyterLab's first start builds its caches


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    # Straight to the local server: no proxy from the environment in between.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8", "replace")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_lab_starts_headless_and_serves_a_lesson():
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["JUPYTER_CONFIG_DIR"] = str(ROOT / "build" / "jupyter-config-test")  # no user config
    lab = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_PORT={port}"], cwd=ROOT,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           start_new_session=True)
    output, url = [], None
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while url is None and time.monotonic() < deadline:
            line = lab.stdout.readline()
            if not line:
                break   # make exited
            output.append(line)
            found = re.search(rf"(http://(?:127\.0\.0\.1|localhost):{port}/lab\?token=\w+)", line)
            if found:   # JupyterLab listens on 127.0.0.1; "localhost" may resolve to ::1 first
                url = found.group(1).replace("//localhost:", "//127.0.0.1:")
        log = "".join(output)
        assert url, (f"`make lab` printed no address to open within {START_TIMEOUT} s "
                     f"(exit code {lab.poll()}). Its output:\n{log[-3000:]}")
        assert "Running as root is not recommended" not in log, log[-3000:]
        base, token = url.split("/lab?token=")
        deadline = time.monotonic() + 60   # the address is printed as the server comes up
        while True:
            try:
                get(f"{base}/api/status?token={token}")
                break
            except OSError as error:   # urllib's URLError is an OSError
                assert time.monotonic() < deadline, (
                    f"JupyterLab printed {url} but does not answer there: {error}\n{log[-2000:]}")
                time.sleep(0.5)

        status, body = get(f"{base}/api/contents/{LESSON}?token={token}")
        lesson = json.loads(body)
        assert status == 200 and lesson["type"] == "notebook", f"{status}: {body[:300]}"
        assert lesson["content"]["cells"], f"{LESSON} opened through JupyterLab has no cells"
        status, page = get(f"{base}/lab/tree/{LESSON}?token={token}")
        assert status == 200 and "JupyterLab" in page, f"/lab/tree/{LESSON} answered {status}"
    finally:
        if lab.poll() is None:
            os.killpg(lab.pid, signal.SIGINT)   # what Ctrl+C does
            try:
                lab.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(lab.pid, signal.SIGKILL)
                lab.wait()
