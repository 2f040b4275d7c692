"""One typed configuration, read from the environment once.

Defaults are the embedded set-up (SQLite and files under ``./data``) so that a newcomer runs the
service with no settings at all; production sets ``DATABASE_URL`` and friends.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Config", "load_config"]


def _flag(env: dict[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    return int(raw) if raw else default


@dataclass(frozen=True)
class Config:
    data_dir: Path
    database_url: str
    secret_key: str
    graphiql: bool = True
    introspection: bool = True
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 3000
    upload_max_bytes: int = 10 * 1024 * 1024
    #: The largest GraphQL request body (uploads may add their files' own limits to it); 413 beyond.
    request_max_bytes: int = 8 * 1024 * 1024
    session_days: int = 14
    cookie_secure: bool = False
    job_interval_seconds: int = 60
    reservation_workdays: int = 2
    media_quota_bytes: int = 200 * 1024 * 1024
    voicemail_retention_days: int = 30
    media_link_seconds: int = 3600
    #: How long a worker's claim on one pending recording lasts (``api/recordings/processing.py``): a
    #: worker that dies mid-job loses it after this, and another worker takes the recording.
    media_claim_seconds: int = 120
    #: How often a worker (or the service's own loop) looks for pending recordings when not woken.
    media_poll_seconds: float = 1.0
    #: argon2id cost of new password hashes (argon2's recommended defaults); tests lower it.
    password_time_cost: int = 3
    password_memory_kib: int = 64 * 1024
    #: The built web app (``npm run build`` in web/, run by scripts/setup).
    web_dist: Path = Path(__file__).resolve().parent.parent / "web" / "dist"
    #: R7: the price of a forwarded minute for accounts without a rate plan.
    default_price_per_minute_fen: int = 30
    #: R8: days a reclaimed number cools down before it is on sale again.
    reclaim_cool_down_days: int = 30
    #: Email notifications: an SMTP server (empty host: email is not sent, messages wait in the outbox).
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: str = ""
    #: "starttls", "ssl" (implicit TLS) or "none" (a local relay only).
    smtp_tls: str = "starttls"
    smtp_from: str = "noreply@localhost"
    #: SMS and voice notifications: the HTTP webhook of a gateway (empty: not sent, they wait).
    sms_webhook_url: str = ""
    voice_webhook_url: str = ""
    webhook_token: str = ""
    notify_max_attempts: int = 6
    notify_retry_seconds: int = 60
    #: The CJK font statements embed in their PDF (Debian: fonts-noto-cjk); a .ttc, .otf or .ttf file.
    statement_font: str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
    #: Sign-in throttle (``api/accounts/throttle.py``): wrong passwords one login may take from anywhere
    #: before it is locked for a doubling wait; failures one address may make before its further
    #: failures are slowed down by ``login_slow_down_seconds`` (a right password is never refused for
    #: its address's failures alone).
    login_account_free_failures: int = 5
    login_address_free_failures: int = 30
    login_slow_down_seconds: float = 2.0
    #: Sign-ups (``api/signups``) one client address may make per hour and per day, and one browser
    #: (its device cookie) per day.
    signups_per_address_hour: int = 5
    signups_per_address_day: int = 20
    signups_per_device_day: int = 3
    #: Numbers held at once by all the accounts reserving from one client address (per account: 5).
    holds_per_address: int = 10
    #: Tests and demos only: the service's clock reads this moment when it starts, then runs on.
    clock_start: dt.datetime | None = None
    #: Where files are stored (``api/storage``): empty for the directory ``data_dir`` itself (the embedded
    #: default), or ``s3://bucket[/prefix]?endpoint=…&region=…`` for S3-compatible object storage.
    storage_url: str = ""
    #: S3 credentials (``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``); empty: boto3's own lookup.
    storage_access_key: str = field(default="", repr=False)
    storage_secret_key: str = field(default="", repr=False)
    #: Lifetime of the store's pre-signed URLs the download routes redirect to (after their own checks).
    storage_link_seconds: int = 300
    #: Flows' HTTP requests (``api/outbound``): the Fernet key of accounts' secrets (empty: derived from
    #: ``secret_key``), the platform's own networks (comma-separated CIDRs, never asked), and an extra CA
    #: file to trust (an intranet CA; tests' self-signed certificates).
    http_secrets_key: str = field(default="", repr=False)
    http_own_networks: str = ""
    http_cafile: str = ""

    @property
    def documents_dir(self) -> Path:
        return self.data_dir / "documents"


def _moment(env: dict[str, str], name: str) -> dt.datetime | None:
    """An ISO 8601 moment with its time zone (a bare local time would mean different moments)."""
    raw = (env.get(name) or "").strip()
    if not raw:
        return None
    try:
        moment = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"{name} must be an ISO 8601 time, e.g. 2026-12-04T10:00:00+08:00") from None
    if moment.tzinfo is None:
        raise ValueError(f"{name} needs a time zone, e.g. 2026-12-04T10:00:00+08:00")
    return moment


def _secret_key(data_dir: Path, env: dict[str, str]) -> str:
    """The key signing download URLs; generated once per data directory when not configured."""
    if env.get("SECRET_KEY"):
        return env["SECRET_KEY"]
    path = data_dir / "secret.key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


def load_config(env: dict[str, str] | None = None) -> Config:
    env = dict(os.environ if env is None else env)
    data_dir = Path(env.get("DATA_DIR") or "data").resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    database_url = env.get("DATABASE_URL") or f"sqlite://{data_dir / 'hotline.sqlite3'}"
    return Config(
        data_dir=data_dir,
        database_url=database_url,
        secret_key=_secret_key(data_dir, env),
        graphiql=_flag(env, "GRAPHIQL", True),
        introspection=_flag(env, "INTROSPECTION", True),
        max_query_depth=_int(env, "MAX_QUERY_DEPTH", 12),
        max_aliases=_int(env, "MAX_ALIASES", 30),
        max_tokens=_int(env, "MAX_TOKENS", 3000),
        upload_max_bytes=_int(env, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024),
        request_max_bytes=_int(env, "REQUEST_MAX_BYTES", 8 * 1024 * 1024),
        session_days=_int(env, "SESSION_DAYS", 14),
        cookie_secure=_flag(env, "COOKIE_SECURE", False),
        job_interval_seconds=_int(env, "JOB_INTERVAL_SECONDS", 60),
        media_quota_bytes=_int(env, "MEDIA_QUOTA_BYTES", 200 * 1024 * 1024),
        voicemail_retention_days=_int(env, "VOICEMAIL_RETENTION_DAYS", 30),
        media_link_seconds=_int(env, "MEDIA_LINK_SECONDS", 3600),
        media_claim_seconds=_int(env, "MEDIA_CLAIM_SECONDS", 120),
        media_poll_seconds=float(env.get("MEDIA_POLL_SECONDS") or 1.0),
        password_time_cost=_int(env, "PASSWORD_TIME_COST", 3),
        password_memory_kib=_int(env, "PASSWORD_MEMORY_KIB", 64 * 1024),
        default_price_per_minute_fen=_int(env, "DEFAULT_PRICE_PER_MINUTE_FEN", 30),
        reclaim_cool_down_days=_int(env, "RECLAIM_COOL_DOWN_DAYS", 30),
        smtp_host=env.get("SMTP_HOST", ""),
        smtp_port=_int(env, "SMTP_PORT", 587),
        smtp_user=env.get("SMTP_USER", ""),
        smtp_password=env.get("SMTP_PASSWORD", ""),
        smtp_tls=env.get("SMTP_TLS", "starttls").strip().lower() or "starttls",
        smtp_from=env.get("SMTP_FROM", "noreply@localhost"),
        sms_webhook_url=env.get("SMS_WEBHOOK_URL", ""),
        voice_webhook_url=env.get("VOICE_WEBHOOK_URL", ""),
        webhook_token=env.get("WEBHOOK_TOKEN", ""),
        notify_max_attempts=_int(env, "NOTIFY_MAX_ATTEMPTS", 6),
        notify_retry_seconds=_int(env, "NOTIFY_RETRY_SECONDS", 60),
        statement_font=env.get("STATEMENT_FONT") or "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        login_account_free_failures=_int(env, "LOGIN_ACCOUNT_FREE_FAILURES", 5),
        login_address_free_failures=_int(env, "LOGIN_ADDRESS_FREE_FAILURES", 30),
        login_slow_down_seconds=float(env.get("LOGIN_SLOW_DOWN_SECONDS") or 2.0),
        signups_per_address_hour=_int(env, "SIGNUPS_PER_ADDRESS_HOUR", 5),
        signups_per_address_day=_int(env, "SIGNUPS_PER_ADDRESS_DAY", 20),
        signups_per_device_day=_int(env, "SIGNUPS_PER_DEVICE_DAY", 3),
        holds_per_address=_int(env, "HOLDS_PER_ADDRESS", 10),
        clock_start=_moment(env, "HOTLINE_CLOCK_START"),
        storage_url=(env.get("STORAGE_URL") or "").strip(),
        storage_access_key=env.get("AWS_ACCESS_KEY_ID", ""),
        storage_secret_key=env.get("AWS_SECRET_ACCESS_KEY", ""),
        storage_link_seconds=_int(env, "STORAGE_LINK_SECONDS", 300),
        http_secrets_key=env.get("HTTP_SECRETS_KEY", ""),
        http_own_networks=env.get("HTTP_OWN_NETWORKS", ""),
        http_cafile=env.get("HTTP_CAFILE", ""),
    )
