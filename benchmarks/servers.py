"""What benchmarks/site_benchmark.py starts and measures with: gunicorn servers on loopback
ports (2 sync workers each), their workers' memory, and wrk runs that report requests per
second with the 50th and 95th percentiles."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
WORKERS = 2

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, '
    .. '"errors": %d, "non2xx": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    errors, summary.errors.status))
end
"""


def free_port(preferred: int) -> int:
    for port in range(preferred, preferred + 200):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise SystemExit("No free loopback port.")


class Server:
    def __init__(self, name: str, app: str, port: int, environment: dict, logs: Path):
        self.name, self.port = name, port
        self.log = open(logs / f"{name}.log", "wb")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [
                GUNICORN,
                app,
                "--workers",
                str(WORKERS),
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{port}",
                "--backlog",
                "256",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def wait(self, path: str = "/", timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited; see its log {self.log.name}")
            try:
                with urllib.request.urlopen(self.url(path), timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"{self.name} did not answer {path} in {timeout:.0f} s")

    def worker_rss_mb(self) -> list[float]:
        sizes = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.process.pid:
                    status = (stat.parent / "status").read_text()
                    rss = next(line for line in status.splitlines() if line.startswith("VmRSS"))
                    sizes.append(int(rss.split()[1]) / 1024)
            except (OSError, IndexError, StopIteration, ValueError):
                continue
        return sizes

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self.log.close()


def wrk(url: str, args, script: str) -> dict:
    command = [
        "wrk",
        "-t2",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--timeout",
        "10s",
        "-s",
        script,
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, timeout=args.duration + 60)
    line = next((x for x in output.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no result for {url}:\n{output.stdout}{output.stderr}")
    result = json.loads(line[len("RESULT ") :])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result
