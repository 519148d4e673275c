"""Run a local Neo4j 5.26 Community server (with Neo4j Browser) without Docker or launcher scripts.

The server's jars come from Maven Central through ``app/neo4j_files/pom.xml`` and are copied
into ``<home>/lib``; the JVM is started directly on ``org.neo4j.server.CommunityEntryPoint``
with the same flags the official ``neo4j`` launcher would use (the ``server.jvm.additional``
lines of the stock ``neo4j.conf`` plus the heap flags the launcher derives from
``server.memory.heap.*``). ``dry_run_command`` asks the official launcher
(``org.neo4j.server.startup.Neo4jCommand console --dry-run``) for its command line, to check
that the two agree.

Layout of ``home`` (default ``<repo>/.lexgraph/neo4j``)::

    lib/        jars fetched by Maven (stamped with the pom's hash; refetched when the pom changes)
    conf/       neo4j.conf written by :func:`install` on every call
    data/       the store; data/.lexgraph-password holds a salted hash of the initial password
    logs/       console.log (JVM stdout/stderr), neo4j.log, debug.log, ...
    run/        neo4j.pid
    plugins/    import/

Only the standard library is needed. If the official ``neo4j`` Python driver is importable,
readiness is checked with a real authenticated query; otherwise with a Bolt handshake plus the
HTTP discovery endpoint.

Command line: ``python -m app.neo4j_server start|stop|status`` (settings from the environment,
see :meth:`ServerConfig.from_env`).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.stores.neo4j_import import ImportFiles

__all__ = [
    "NEO4J_JVM_FLAGS",
    "Neo4jServerError",
    "ServerConfig",
    "dry_run_command",
    "install",
    "jvm_command",
    "start",
    "status",
    "stop",
]

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent


def _default_home() -> Path:
    """Where the server lives unless LEXGRAPH_NEO4J_HOME says: `.lexgraph/neo4j` in a source checkout; for an
    installed package (no checkout around it) the user's data folder, `$XDG_DATA_HOME/lexgraph/neo4j`
    (`~/.local/share/lexgraph/neo4j`), never site-packages."""
    if (REPO_ROOT / "pyproject.toml").is_file():
        return REPO_ROOT / ".lexgraph" / "neo4j"
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "lexgraph" / "neo4j"


DEFAULT_HOME = _default_home()
# shipped inside the package (app/neo4j_files/), so an installed wheel can fetch and run the server too
DEFAULT_POM = Path(__file__).resolve().parent / "neo4j_files" / "pom.xml"
JDK_CANDIDATES = (
    Path("/usr/lib/jvm/java-17-openjdk-amd64"),
    Path("/usr/lib/jvm/java-21-openjdk-amd64"),
)
SUPPORTED_JAVA_MAJORS = (17, 21)
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
LAUNCHER_CLASS = "org.neo4j.server.startup.Neo4jCommand"
ADMIN_TOOL_CLASS = "org.neo4j.cli.AdminTool"
NEO4J_USER = "neo4j"
MIN_PASSWORD_LENGTH = 8  # Neo4j's dbms.security.auth_minimum_password_length default

# The `server.jvm.additional` lines of the neo4j.conf shipped with Neo4j 5.26. They are written
# into conf/neo4j.conf (so the official launcher's --dry-run reproduces our command line) and
# passed to the JVM in this order, as the launcher does.
NEO4J_JVM_FLAGS: tuple[str, ...] = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
)

_LIB_STAMP = ".lexgraph-lib-stamp"
_PASSWORD_STAMP = ".lexgraph-password"
_PBKDF2_ITERATIONS = 200_000
_SIZE_RE = re.compile(r"^[1-9][0-9]*[kKmMgG]?$")

# Popen objects of servers started by this process, so an exited JVM is reaped, not a zombie.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


class Neo4jServerError(Exception):
    """The local Neo4j server cannot be installed, started, stopped or reached; the message says why."""


def _default_java_home() -> Path | None:
    """``LEXGRAPH_JAVA_HOME`` if set, else the first installed JDK 17 or 21 from the usual Debian paths."""
    env = os.environ.get("LEXGRAPH_JAVA_HOME")
    if env:
        return Path(env)
    for candidate in JDK_CANDIDATES:
        if (candidate / "bin" / "java").exists():
            return candidate
    return None


def _default_service_url() -> str:
    """``LEXGRAPH_SERVICE_URL``, else the lexgraph service on this machine at ``LEXGRAPH_PORT`` (default 8000)."""
    url = os.environ.get("LEXGRAPH_SERVICE_URL", "").strip().rstrip("/")
    return url or f"http://127.0.0.1:{os.environ.get('LEXGRAPH_PORT', '').strip() or 8000}"


def password_file(home: Path) -> Path:
    """Where the generated password of the server at ``home`` is kept: ``<home>.password``, beside the home
    (``.lexgraph/neo4j.password`` for the default one)."""
    home = Path(home).expanduser().absolute()
    return home.with_name(home.name + ".password")


def generated_password(home: Path) -> str:
    """The password kept for the server at ``home`` (:func:`password_file`); made (random, 0600) on first use, so
    a first ``lexgraph neo4j start`` needs no variable. ``LEXGRAPH_NEO4J_PASSWORD`` or ``_FILE`` win over it."""
    f = password_file(home)
    if not f.is_file():
        f.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(f, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_urlsafe(24) + "\n")
    return f.read_text(encoding="utf-8").strip()


@dataclass
class ServerConfig:
    """Where and how the local Neo4j server runs.

    ``password`` is the password of the ``neo4j`` user; it is needed by :func:`install` and
    :func:`start` (to set the initial password and to check readiness), not by :func:`stop` or
    :func:`status`. Sizes use Neo4j's syntax (``512m``, ``2g``). The defaults (2 GiB heap,
    2 GiB page cache) suit a 2-core 24 GiB machine and leave room for tests beside the server.
    """

    password: str
    home: Path = field(default_factory=lambda: DEFAULT_HOME)
    bolt_port: int = 7687
    http_port: int = 7474
    java_home: Path | None = field(default_factory=_default_java_home)
    heap_size: str = "2g"
    pagecache_size: str = "2g"
    pom: Path = field(default_factory=lambda: DEFAULT_POM)
    # the lexgraph service Neo4j Browser loads the project's guide and style from after connecting
    browser_service: str = field(default_factory=lambda: _default_service_url())

    def __post_init__(self) -> None:
        self.home = Path(self.home).expanduser().absolute()
        self.pom = Path(self.pom).expanduser().absolute()
        if self.java_home is not None:
            self.java_home = Path(self.java_home).expanduser()
        for name, port in (
            ("bolt_port", self.bolt_port),
            ("http_port", self.http_port),
        ):
            if not isinstance(port, int) or not 0 < port < 65536:
                raise Neo4jServerError(
                    f"{name} must be a TCP port (1-65535), got {port!r}"
                )
        if self.bolt_port == self.http_port:
            raise Neo4jServerError(
                f"bolt_port and http_port must differ (both {self.bolt_port})"
            )
        for name, size in (
            ("heap_size", self.heap_size),
            ("pagecache_size", self.pagecache_size),
        ):
            if not _SIZE_RE.match(size):
                raise Neo4jServerError(
                    f"{name} must look like 512m or 2g, got {size!r}"
                )

    @classmethod
    def from_env(cls, *, require_password: bool = True) -> ServerConfig:
        """Build a config from the environment.

        Reads ``LEXGRAPH_NEO4J_PASSWORD`` (or, if that is unset, the file named by
        ``LEXGRAPH_NEO4J_PASSWORD_FILE``, trailing newline stripped), ``LEXGRAPH_NEO4J_HOME``,
        ``LEXGRAPH_NEO4J_BOLT_PORT``, ``LEXGRAPH_NEO4J_HTTP_PORT`` and ``LEXGRAPH_JAVA_HOME``.
        Raises :class:`Neo4jServerError` when no password is given and ``require_password``
        is true (``stop`` and ``status`` do not need one).
        """
        password = os.environ.get("LEXGRAPH_NEO4J_PASSWORD", "")
        password_file = os.environ.get("LEXGRAPH_NEO4J_PASSWORD_FILE", "")
        home = Path(os.environ.get("LEXGRAPH_NEO4J_HOME") or DEFAULT_HOME)
        if not password and not password_file and require_password:
            password = generated_password(home)  # none set: the one kept beside the home (made on first use)
        if not password and password_file:
            try:
                password = (
                    Path(password_file)
                    .expanduser()
                    .read_text(encoding="utf-8")
                    .rstrip("\r\n")
                )
            except OSError as exc:
                raise Neo4jServerError(
                    f"cannot read LEXGRAPH_NEO4J_PASSWORD_FILE={password_file!r}: {exc}"
                ) from exc
        if require_password and not password:
            raise Neo4jServerError(
                "no Neo4j password: set LEXGRAPH_NEO4J_PASSWORD, or LEXGRAPH_NEO4J_PASSWORD_FILE "
                "to a file holding it"
            )
        kwargs: dict[str, Any] = {"password": password}
        if os.environ.get("LEXGRAPH_NEO4J_HOME"):
            kwargs["home"] = Path(os.environ["LEXGRAPH_NEO4J_HOME"])
        for key, var in (("heap_size", "LEXGRAPH_NEO4J_HEAP"), ("pagecache_size", "LEXGRAPH_NEO4J_PAGECACHE")):
            if os.environ.get(var):
                kwargs[key] = os.environ[var].strip()
        for key, var in (
            ("bolt_port", "LEXGRAPH_NEO4J_BOLT_PORT"),
            ("http_port", "LEXGRAPH_NEO4J_HTTP_PORT"),
        ):
            raw = os.environ.get(var)
            if raw:
                try:
                    kwargs[key] = int(raw)
                except ValueError as exc:
                    raise Neo4jServerError(
                        f"{var} must be a port number, got {raw!r}"
                    ) from exc
        return cls(**kwargs)

    # Derived paths and addresses -------------------------------------------------------------

    @property
    def lib_dir(self) -> Path:
        """Folder holding every runtime jar."""
        return self.home / "lib"

    @property
    def conf_dir(self) -> Path:
        """Folder holding neo4j.conf (NEO4J_CONF)."""
        return self.home / "conf"

    @property
    def data_dir(self) -> Path:
        """The store (server.directories.data)."""
        return self.home / "data"

    @property
    def logs_dir(self) -> Path:
        """Log folder (server.directories.logs)."""
        return self.home / "logs"

    @property
    def run_dir(self) -> Path:
        """Folder of the pid file (server.directories.run)."""
        return self.home / "run"

    @property
    def pid_file(self) -> Path:
        """``<home>/run/neo4j.pid``."""
        return self.run_dir / "neo4j.pid"

    @property
    def console_log(self) -> Path:
        """The JVM's stdout and stderr."""
        return self.logs_dir / "console.log"

    @property
    def bolt_uri(self) -> str:
        """Bolt address for drivers."""
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        """HTTP address; Neo4j Browser is at ``<http_url>/browser/``."""
        return f"http://127.0.0.1:{self.http_port}"


# Java ------------------------------------------------------------------------------------------


def _java_major(java_home: Path) -> int:
    """Major version of the JDK at ``java_home`` (from its ``release`` file, else ``java -version``)."""
    release = java_home / "release"
    text = ""
    if release.is_file():
        match = re.search(
            r'^JAVA_VERSION="([^"]+)"',
            release.read_text(encoding="utf-8", errors="replace"),
            re.MULTILINE,
        )
        text = match.group(1) if match else ""
    if not text:
        proc = subprocess.run(
            [str(java_home / "bin" / "java"), "-version"],
            capture_output=True,
            text=True,
            check=False,
        )
        match = re.search(r'version "([^"]+)"', proc.stderr)
        text = match.group(1) if match else ""
    match = re.match(r"(?:1\.)?(\d+)", text)
    if not match:
        raise Neo4jServerError(f"cannot tell the Java version of {java_home}")
    return int(match.group(1))


def _java(cfg: ServerConfig) -> Path:
    """Path of the ``java`` binary to use; refuses a missing JDK or one that is not 17 or 21."""
    if cfg.java_home is None:
        raise Neo4jServerError(
            "no JDK 17 or 21 found: install openjdk-17-jdk-headless or set LEXGRAPH_JAVA_HOME "
            f"(looked in {', '.join(str(p) for p in JDK_CANDIDATES)})"
        )
    java = cfg.java_home / "bin" / "java"
    if not java.exists():
        raise Neo4jServerError(f"{java} does not exist (java_home={cfg.java_home})")
    major = _java_major(cfg.java_home)
    if major not in SUPPORTED_JAVA_MAJORS:
        raise Neo4jServerError(
            f"Neo4j 5.26 runs on Java 17 or 21; {cfg.java_home} is Java {major}. "
            "Set LEXGRAPH_JAVA_HOME to a JDK 17 or 21."
        )
    return java


# lexgraph's secrets: never in the environment of a JVM or Maven (the password reaches neo4j-admin's initial
# setup only, in a 0600 argument file; the server reads its own auth store)
SECRET_ENV = ("LEXGRAPH_NEO4J_PASSWORD", "LEXGRAPH_NEO4J_PASSWORD_FILE", "LEXGRAPH_API_KEY", "LEXGRAPH_API_KEY_FILE",
              "LEXGRAPH_TEST_NEO4J_PASSWORD", "NEO4J_AUTH", "NEO4J_PASSWORD")


def _env(cfg: ServerConfig) -> dict[str, str]:
    """Environment for Neo4j's JVMs and for Maven: this process's, less lexgraph's secrets."""
    env = {k: v for k, v in os.environ.items() if k not in SECRET_ENV}
    if cfg.password:
        env = {k: v for k, v in env.items() if cfg.password not in v}
    assert cfg.java_home is not None
    env.update(
        JAVA_HOME=str(cfg.java_home),
        NEO4J_HOME=str(cfg.home),
        NEO4J_CONF=str(cfg.conf_dir),
    )
    return env


# Install ---------------------------------------------------------------------------------------


def _pom_digest(pom: Path) -> str:
    return hashlib.sha256(pom.read_bytes()).hexdigest()


def _lib_is_current(cfg: ServerConfig) -> bool:
    stamp = cfg.lib_dir / _LIB_STAMP
    return stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == _pom_digest(
        cfg.pom
    )


Progress = Callable[[str], None]
_DOWNLOADED = re.compile(r"Downloaded from \S+: \S+ \((\d+(?:\.\d+)?) (B|kB|KB|MB|GB)")
_UNITS = {"B": 1e-6, "kB": 1e-3, "KB": 1e-3, "MB": 1.0, "GB": 1e3}


def _fetch_jars(cfg: ServerConfig, progress: Progress | None = None) -> None:
    """Copy the pom's runtime dependencies into ``lib/`` with Maven (into a temp dir, then swap), telling
    ``progress`` how many files and megabytes Maven has fetched so far (every few seconds)."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError(
            "Maven (mvn) is not on PATH: install it (apt-get install maven)"
        )
    if not cfg.pom.is_file():
        raise Neo4jServerError(f"{cfg.pom} is missing")
    staging = cfg.home / "lib.partial"
    shutil.rmtree(staging, ignore_errors=True)
    cmd = [
        mvn,
        "-B",  # no -q: each file Maven downloads is a line, read for the progress
        "-f",
        str(cfg.pom),
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={staging}",
    ]
    log.info("fetching Neo4j jars with Maven into %s", cfg.lib_dir)
    if progress:
        progress(f"fetching Neo4j and Neo4j Browser with Maven into {cfg.lib_dir} (first start only; a few minutes)")
    proc = subprocess.Popen(
        cmd, env=_env(cfg), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    tail: deque[str] = deque(maxlen=80)
    files, mb, told = 0, 0.0, time.monotonic()
    assert proc.stdout is not None
    for line in proc.stdout:
        tail.append(line)
        m = _DOWNLOADED.search(line)
        if m:
            files += 1
            mb += float(m.group(1)) * _UNITS[m.group(2)]
            if progress and time.monotonic() - told >= 3:
                progress(f"Maven: {files} files fetched, {mb:.1f} MB")
                told = time.monotonic()
    returncode = proc.wait()
    if progress and files:
        progress(f"Maven: {files} files fetched, {mb:.1f} MB; done")
    if returncode != 0 or not any(staging.glob("neo4j-*.jar")):
        shutil.rmtree(staging, ignore_errors=True)
        output = "".join(tail).strip()[-4000:]
        raise Neo4jServerError(
            f"Maven could not fetch the Neo4j jars (exit {returncode}):\n{output}"
        )
    (staging / _LIB_STAMP).write_text(_pom_digest(cfg.pom) + "\n", encoding="utf-8")
    shutil.rmtree(cfg.lib_dir, ignore_errors=True)
    staging.rename(cfg.lib_dir)


def _conf_text(cfg: ServerConfig) -> str:
    """Contents of conf/neo4j.conf (never holds the password)."""
    home = cfg.home
    lines = [
        "# Written by app/neo4j_server.py on every install/start; edits here are overwritten.",
        "# Local development server: listens on 127.0.0.1 only.",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        "server.bolt.enabled=true",
        f"server.bolt.listen_address=127.0.0.1:{cfg.bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{cfg.bolt_port}",
        "server.bolt.tls_level=DISABLED",
        "server.http.enabled=true",
        f"server.http.listen_address=127.0.0.1:{cfg.http_port}",
        f"server.http.advertised_address=127.0.0.1:{cfg.http_port}",
        "server.https.enabled=false",
        "",
        "# Authentication on; the initial password is set with neo4j-admin's set-initial-password.",
        "dbms.security.auth_enabled=true",
        "# No phoning home (the machine is offline anyway).",
        "dbms.usage_report.enabled=false",
        "client.allow_telemetry=false",
        "",
        "# Neo4j Browser: after connecting, the project's style and guide, from the lexgraph service",
        f"browser.post_connect_cmd=style {cfg.browser_service}/neo4j/lexgraph.grass;"
        f"play {cfg.browser_service}/neo4j/guide.html",
        f"browser.remote_content_hostname_whitelist={_hostname(cfg.browser_service)},guides.neo4j.com,localhost",
        "",
        "# Memory: fixed heap (the launcher turns these into -Xms/-Xmx) and page cache.",
        f"server.memory.heap.initial_size={cfg.heap_size}",
        f"server.memory.heap.max_size={cfg.heap_size}",
        f"server.memory.pagecache.size={cfg.pagecache_size}",
        "",
        "# Transaction logs: at most about 1 GB kept (the default keeps two days of them, and a few loads of a",
        "# million documents with their evidence filled 74 GB); pruned at each checkpoint.",
        "db.tx_log.rotation.retention_policy=1G size",
        "",
        "# Directories, all inside NEO4J_HOME.",
        f"server.directories.data={home / 'data'}",
        f"server.directories.logs={home / 'logs'}",
        f"server.directories.run={home / 'run'}",
        f"server.directories.plugins={home / 'plugins'}",
        f"server.directories.import={home / 'import'}",
        f"server.directories.lib={home / 'lib'}",
        "",
        "# JVM flags of the stock Neo4j 5.26 neo4j.conf.",
        *(f"server.jvm.additional={flag}" for flag in NEO4J_JVM_FLAGS),
        "",
    ]
    return "\n".join(lines)


def _hostname(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or "127.0.0.1"


def _hash_password(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac(
        "sha256", password.encode("utf-8"), salt, _PBKDF2_ITERATIONS
    )


def _password_matches_stamp(stamp: Path, password: str) -> bool:
    record = json.loads(stamp.read_text(encoding="utf-8"))
    expected = bytes.fromhex(record["hash"])
    return hmac.compare_digest(
        _hash_password(password, bytes.fromhex(record["salt"])), expected
    )


def _write_password_stamp(stamp: Path, password: str) -> None:
    salt = os.urandom(16)
    record = {
        "algo": "pbkdf2_sha256",
        "iterations": _PBKDF2_ITERATIONS,
        "salt": salt.hex(),
        "hash": _hash_password(password, salt).hex(),
    }
    fd = os.open(stamp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(record, handle)


def _argfile_quote(arg: str) -> str:
    """Quote one argument for a java @argfile."""
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _set_initial_password(cfg: ServerConfig) -> None:
    """Run ``neo4j-admin dbms set-initial-password`` (class org.neo4j.cli.AdminTool, which is what
    the official Neo4jAdminCommand launcher forks). Arguments go through a 0600 @argfile, so the
    password never shows in the process list."""
    java = _java(cfg)
    argfile = cfg.run_dir / "set-initial-password.args"
    args = [
        "-cp",
        f"{cfg.conf_dir}/*:{cfg.lib_dir}/*",
        *(flag for flag in NEO4J_JVM_FLAGS if flag != "-XX:+AlwaysPreTouch"),
        "-Dfile.encoding=UTF-8",
        "-Xmx256m",
        ADMIN_TOOL_CLASS,
        "dbms",
        "set-initial-password",
        "--",  # end of options: a password may begin with '-' (picocli would read it as an option)
        cfg.password,
    ]
    fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(_argfile_quote(a) for a in args) + "\n")
        proc = subprocess.run(
            [str(java), f"@{argfile}"],
            env=_env(cfg),
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        argfile.unlink(missing_ok=True)
    if proc.returncode != 0:
        output = (
            (proc.stdout + proc.stderr).replace(cfg.password, "***").strip()[-3000:]
        )
        raise Neo4jServerError(
            f"neo4j-admin dbms set-initial-password failed (exit {proc.returncode}):\n{output}"
        )
    _write_password_stamp(cfg.data_dir / _PASSWORD_STAMP, cfg.password)
    log.info("initial password of user %r set", NEO4J_USER)


def _check_password(cfg: ServerConfig) -> None:
    if not cfg.password:
        raise Neo4jServerError(
            "no Neo4j password: set LEXGRAPH_NEO4J_PASSWORD or LEXGRAPH_NEO4J_PASSWORD_FILE"
        )
    if any(ch in cfg.password for ch in "\r\n\0"):
        raise Neo4jServerError("the Neo4j password must not contain line breaks or NUL")
    if len(cfg.password) < MIN_PASSWORD_LENGTH or cfg.password == NEO4J_USER:
        raise Neo4jServerError(
            f"the Neo4j password must have at least {MIN_PASSWORD_LENGTH} characters and not be 'neo4j'"
        )


def install(cfg: ServerConfig, progress: Progress | None = None) -> None:
    """Make ``cfg.home`` a ready NEO4J_HOME; cheap to call again.

    * Fetches the jars with Maven into ``lib/`` unless they are there already for the current
      ``app/neo4j_files/pom.xml`` (refuses to swap jars under a running server).
    * Creates ``conf/ data/ logs/ run/ plugins/ import/`` and rewrites ``conf/neo4j.conf``.
    * Password: before the store's first start (no ``data/databases/system`` yet) the initial
      password of user ``neo4j`` is set with ``neo4j-admin dbms set-initial-password``, and a
      salted hash of it is kept in ``data/.lexgraph-password``. Once the store has started, Neo4j
      ignores set-initial-password, so if the configured password no longer matches that hash
      this raises :class:`Neo4jServerError` instead of starting a server the caller cannot log
      into. The fix is either to use the old password again, or ``stop`` and delete
      ``<home>/data`` (this erases the graph), or, after changing the password inside Neo4j
      yourself (``ALTER USER neo4j SET PASSWORD ...``), to delete ``data/.lexgraph-password``.
    """
    _check_password(cfg)
    _java(cfg)
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (cfg.home / sub).mkdir(parents=True, exist_ok=True)
    if not _lib_is_current(cfg):
        if _running_pid(cfg) is not None:
            raise Neo4jServerError(
                f"the jars in {cfg.lib_dir} do not match {cfg.pom}; stop the server before reinstalling"
            )
        _fetch_jars(cfg, progress)
    conf = cfg.conf_dir / "neo4j.conf"
    text = _conf_text(cfg)
    if not conf.is_file() or conf.read_text(encoding="utf-8") != text:
        conf.write_text(text, encoding="utf-8")
    stamp = cfg.data_dir / _PASSWORD_STAMP
    started_before = (cfg.data_dir / "databases" / "system").exists()
    if started_before:
        if not stamp.is_file():
            log.warning(
                "%s has no password record; cannot check that the password still matches",
                cfg.data_dir,
            )
        elif not _password_matches_stamp(stamp, cfg.password):
            raise Neo4jServerError(
                f"the configured Neo4j password differs from the one the store in {cfg.data_dir} was "
                "created with, and Neo4j only applies an initial password to a new store. Use the old "
                f"password, or run `stop` and delete {cfg.data_dir} (erases the graph), or, if you "
                f"changed the password inside Neo4j, delete {stamp}."
            )
        return
    if (
        stamp.is_file()
        and (cfg.data_dir / "dbms" / "auth.ini").is_file()
        and _password_matches_stamp(stamp, cfg.password)
    ):
        return
    _set_initial_password(cfg)


# Processes -------------------------------------------------------------------------------------


def jvm_command(cfg: ServerConfig) -> list[str]:
    """The server's JVM command line, as the official launcher builds it for a daemon start
    (``neo4j start``; ``console`` only adds ``--console-mode``)."""
    java = _java(cfg)
    return [
        str(java),
        "-cp",
        f"{cfg.home / 'plugins'}/*:{cfg.conf_dir}/*:{cfg.lib_dir}/*",
        *NEO4J_JVM_FLAGS,
        "-Dfile.encoding=UTF-8",
        f"-Xms{cfg.heap_size}",
        f"-Xmx{cfg.heap_size}",
        ENTRY_POINT,
        f"--home-dir={cfg.home}",
        f"--config-dir={cfg.conf_dir}",
    ]


def dry_run_command(cfg: ServerConfig) -> str:
    """The command line printed by the official launcher (``Neo4jCommand console --dry-run``)
    for this home, to compare with :func:`jvm_command`. Needs :func:`install` first.

    It differs from :func:`jvm_command` only in spelling: the launcher leaves ``plugins/*`` off
    the class path while that folder holds no jar, gives the heap in KiB (``-Xmx2097152k``) and
    adds ``--console-mode`` (foreground logging) to the entry point's arguments."""
    java = _java(cfg)
    proc = subprocess.run(
        [str(java), "-cp", f"{cfg.lib_dir}/*", LAUNCHER_CLASS, "console", "--dry-run"],
        env=_env(cfg),
        capture_output=True,
        text=True,
        check=False,
    )
    # The launcher prints the command even when it then exits 1 because the server is running.
    for line in proc.stdout.splitlines():
        if ENTRY_POINT in line:
            return line.strip()
    raise Neo4jServerError(
        f"Neo4jCommand --dry-run failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}"
    )


def _is_alive(pid: int) -> bool:
    child = _CHILDREN.get(pid)
    if child is not None and child.poll() is not None:
        _CHILDREN.pop(pid, None)
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[0] != "Z"


def _cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode("utf-8", errors="replace") for part in raw.split(b"\0") if part]


def _is_our_server(pid: int, cfg: ServerConfig) -> bool:
    args = _cmdline(pid)
    return ENTRY_POINT in args and f"--home-dir={cfg.home}" in args


def _scan_servers(cfg: ServerConfig) -> list[int]:
    """PIDs of every live CommunityEntryPoint JVM whose home is ``cfg.home``."""
    pids = []
    for entry in Path("/proc").iterdir():
        if (
            entry.name.isdigit()
            and _is_our_server(int(entry.name), cfg)
            and _is_alive(int(entry.name))
        ):
            pids.append(int(entry.name))
    return sorted(pids)


def _running_pid(cfg: ServerConfig) -> int | None:
    """PID of the live server for this home (pid file first, then a /proc scan), else None."""
    try:
        pid = int(cfg.pid_file.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        pid = 0
    if pid and _is_alive(pid) and _is_our_server(pid, cfg):
        return pid
    found = _scan_servers(cfg)
    if found:
        cfg.pid_file.parent.mkdir(parents=True, exist_ok=True)
        cfg.pid_file.write_text(f"{found[0]}\n", encoding="utf-8")
        return found[0]
    if pid:
        cfg.pid_file.unlink(missing_ok=True)
    return None


def _port_open(port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def _bolt_handshake(port: int, timeout: float = 2.0) -> bool:
    """True if a Bolt server on ``port`` agrees on a protocol version (no authentication)."""
    proposals = bytes([0, 4, 4, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0])  # 5.4..5.0, 4.4
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(b"\x60\x60\xb0\x17" + proposals)
            reply = b""
            while len(reply) < 4:
                chunk = sock.recv(4 - len(reply))
                if not chunk:
                    return False
                reply += chunk
            return reply != b"\0\0\0\0"
    except OSError:
        return False


def _http_ready(port: int, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/", timeout=timeout
        ) as resp:
            return bool(resp.status == 200)
    except (OSError, urllib.error.URLError):
        return False


def _driver_ready(cfg: ServerConfig) -> bool | None:
    """Authenticated readiness check with the official driver: True when ``RETURN 1`` runs on the
    default database, False while not yet reachable, None if the driver is not installed.
    Raises :class:`Neo4jServerError` if the server rejects the password."""
    try:
        import neo4j
        from neo4j import exceptions as neo4j_exc
    except ImportError:
        return None
    try:
        with neo4j.GraphDatabase.driver(
            cfg.bolt_uri,
            auth=(NEO4J_USER, cfg.password),
            connection_timeout=3.0,
            max_transaction_retry_time=0.0,
        ) as driver:
            driver.verify_connectivity()
            driver.execute_query("RETURN 1")
            return True
    except neo4j_exc.AuthError as exc:
        raise Neo4jServerError(
            f"the server at {cfg.bolt_uri} is up but rejects the password of user {NEO4J_USER!r}: {exc}"
        ) from exc
    except (
        neo4j_exc.ServiceUnavailable,
        neo4j_exc.SessionExpired,
        neo4j_exc.TransientError,
        OSError,
    ):
        return False
    except (neo4j_exc.Neo4jError, neo4j_exc.DriverError):
        return False  # anything else persistent ends in the timeout error with the logs


def _bolt_ready(cfg: ServerConfig) -> bool:
    ready = _driver_ready(cfg)
    if ready is not None:
        return ready
    return _bolt_handshake(cfg.bolt_port) and _http_ready(cfg.http_port)


def _log_files(cfg: ServerConfig) -> tuple[Path, ...]:
    return (cfg.console_log, cfg.logs_dir / "neo4j.log")


def _log_offsets(cfg: ServerConfig) -> dict[Path, int]:
    """Current sizes of the logs, so an error shows only what this start wrote."""
    return {p: p.stat().st_size if p.is_file() else 0 for p in _log_files(cfg)}


def _tail(path: Path, offset: int = 0, lines: int = 30) -> str:
    try:
        with path.open("rb") as handle:
            handle.seek(offset if offset <= path.stat().st_size else 0)
            text = handle.read().decode("utf-8", errors="replace")
    except OSError:
        return f"--- {path}: (missing)"
    body = "\n".join(text.strip("\n").splitlines()[-lines:]) or "(nothing written)"
    return f"--- {path} (last {lines} lines of this run):\n{body}"


def _log_tails(cfg: ServerConfig, offsets: dict[Path, int] | None = None) -> str:
    offsets = offsets or {}
    return "\n".join(_tail(p, offsets.get(p, 0)) for p in _log_files(cfg))


def _wait_ready(
    cfg: ServerConfig, pid: int, deadline: float, offsets: dict[Path, int] | None = None
) -> None:
    while True:
        if not _is_alive(pid):
            raise Neo4jServerError(
                f"the Neo4j JVM (pid {pid}) exited during startup.\n{_log_tails(cfg, offsets)}"
            )
        if _bolt_ready(cfg):
            return
        if time.monotonic() >= deadline:
            raise Neo4jServerError(
                f"Neo4j (pid {pid}) did not answer on {cfg.bolt_uri} in time.\n{_log_tails(cfg, offsets)}"
            )
        time.sleep(0.5)


def start(cfg: ServerConfig, timeout: float = 120, progress: Progress | None = None) -> int:
    """Install if needed, start the server in the background and wait until Bolt answers.

    Returns the JVM's pid. If the server for this home is already running, waits for it to be
    ready and returns its pid. The JVM runs in its own session (it outlives the caller) with
    stdout/stderr in ``logs/console.log``; its pid is in ``run/neo4j.pid``. On early exit or
    timeout the JVM is stopped and :class:`Neo4jServerError` carries the tail of console.log and
    neo4j.log, so a failed start leaves nothing running.
    """
    install(cfg, progress)
    t0 = time.monotonic()  # the wait for the server, not counting a first fetch of its jars
    deadline = t0 + timeout
    pid = _running_pid(cfg)
    if pid is not None:
        _wait_ready(cfg, pid, deadline)
        return pid
    for name, port in (("Bolt", cfg.bolt_port), ("HTTP", cfg.http_port)):
        if _port_open(port):
            raise Neo4jServerError(
                f"{name} port {port} on 127.0.0.1 is already taken by another program; "
                "stop it or choose other ports (LEXGRAPH_NEO4J_BOLT_PORT / LEXGRAPH_NEO4J_HTTP_PORT)"
            )
    cmd = jvm_command(cfg)
    log.info("starting Neo4j: %s", " ".join(cmd))
    offsets = _log_offsets(cfg)
    with open(cfg.console_log, "ab") as console:
        proc = subprocess.Popen(
            cmd,
            cwd=cfg.home,
            env=_env(cfg),
            stdin=subprocess.DEVNULL,
            stdout=console,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            close_fds=True,
        )
    _CHILDREN[proc.pid] = proc
    cfg.pid_file.write_text(f"{proc.pid}\n", encoding="utf-8")
    try:
        _wait_ready(cfg, proc.pid, deadline, offsets)
    except BaseException:
        _terminate(cfg, proc.pid, timeout=30)
        cfg.pid_file.unlink(missing_ok=True)
        raise
    log.info(
        "Neo4j ready on %s and %s (pid %d) after %.1fs",
        cfg.bolt_uri,
        cfg.http_url,
        proc.pid,
        time.monotonic() - t0,
    )
    return proc.pid


def _wait_exit(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while _is_alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
    return True


def _terminate(cfg: ServerConfig, pid: int, timeout: float) -> None:
    """SIGTERM (Neo4j shuts down cleanly), then SIGKILL if it has not exited within ``timeout``."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    if _wait_exit(pid, timeout):
        return
    log.warning(
        "Neo4j (pid %d) did not exit %.0fs after SIGTERM; sending SIGKILL", pid, timeout
    )
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    if not _wait_exit(pid, 15):
        raise Neo4jServerError(f"Neo4j (pid {pid}) survived SIGKILL; check it by hand")


def stop(cfg: ServerConfig, timeout: float = 60) -> bool:
    """Stop the server for ``cfg.home`` and remove its pid file; idempotent.

    Sends SIGTERM and waits up to ``timeout`` seconds for a clean shutdown, then SIGKILLs as a
    last resort (logged as a warning). Also stops any other JVM found running on this home, so no
    process is left holding the store lock. Returns True if a server was running.
    """
    pids = set(_scan_servers(cfg))
    pid = _running_pid(cfg)
    if pid is not None:
        pids.add(pid)
    for each in sorted(pids):
        log.info("stopping Neo4j (pid %d)", each)
        _terminate(cfg, each, timeout)
        _CHILDREN.pop(each, None)
    cfg.pid_file.unlink(missing_ok=True)
    return bool(pids)


def import_database(cfg: ServerConfig, csv_dir: Path, files: ImportFiles, *, database: str = "neo4j") -> str:
    """Replace ``database`` with the CSV files in ``csv_dir``: ``neo4j-admin database import full``
    (class org.neo4j.cli.AdminTool), which writes the store files directly — no transactions, no locks.
    ``files`` names them and says how they are written (``ImportFiles.importer_args``: the same
    arguments as the command the CSV export gives its user).

    The server for ``cfg.home`` must be stopped (the import needs the store to itself); raises
    :class:`Neo4jServerError` if it runs, or with the importer's report if the import fails.
    Returns the importer's output. Constraints and indexes are not created here: the store creates
    them once the server is up (``Neo4jStore.ensure_schema``).
    """
    install(cfg)
    if _running_pid(cfg) is not None:
        raise Neo4jServerError(
            f"the Neo4j server for {cfg.home} is running; stop it before importing "
            "(`lexgraph neo4j import` does this itself)"
        )
    report = cfg.logs_dir / "import.report"
    args = [
        str(_java(cfg)),
        "-cp",
        f"{cfg.conf_dir}/*:{cfg.lib_dir}/*",
        *(flag for flag in NEO4J_JVM_FLAGS if flag != "-XX:+AlwaysPreTouch"),
        "-Dfile.encoding=UTF-8",
        "-Xmx1g",
        ADMIN_TOOL_CLASS,
        "database",
        "import",
        "full",
        database,
        f"--report-file={report}",
        *files.importer_args(csv_dir),
    ]
    log.info("importing into %r: %s", database, " ".join(args))
    proc = subprocess.run(
        args, env=_env(cfg), capture_output=True, text=True, check=False
    )
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise Neo4jServerError(
            f"neo4j-admin database import failed (exit {proc.returncode}):\n{output.strip()[-3000:]}"
        )
    return output


def status(cfg: ServerConfig) -> dict[str, Any]:
    """State of the server for ``cfg.home``: running, pid, bolt_ready (a Bolt handshake, no
    password needed), bolt_uri, http_url, home."""
    pid = _running_pid(cfg)
    return {
        "running": pid is not None,
        "pid": pid,
        "bolt_ready": pid is not None and _bolt_handshake(cfg.bolt_port),
        "bolt_uri": cfg.bolt_uri,
        "http_url": cfg.http_url,
        "home": str(cfg.home),
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m app.neo4j_server start|stop|status``: prints the status as JSON."""
    parser = argparse.ArgumentParser(
        prog="python -m app.neo4j_server", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=("start", "stop", "status"))
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds to wait (start: 120, stop: 60)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    try:
        cfg = ServerConfig.from_env(require_password=args.command == "start")
        if args.command == "start":
            start(cfg, timeout=args.timeout or 120)
        elif args.command == "stop":
            stop(cfg, timeout=args.timeout or 60)
        result = status(cfg)
    except Neo4jServerError as exc:
        log.error("%s", exc)
        return 1
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
