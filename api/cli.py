"""The command line: ``python -m api serve|migrate|create-operator|import-numbers|…``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import os
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tortoise import Tortoise

from api.accounts.passwords import configure_hashing
from api.config import Config, load_config
from api.db import tortoise_config
from api.errors import UserError, UserErrors

if TYPE_CHECKING:
    from api.numbers.lifecycle import Actor

__all__ = ["main"]

DEMO_OPERATOR = ("operator", "operator-demo-400", "演示运营")
DEMO_CUSTOMER = ("customer", "customer-demo-400", "演示客户", "演示科技有限公司")
DEMO_NUMBERS = "4006000000-4006000199\n4008880000-4008880099\n4001230000-4001230099\n"
# The demo customer's own number, in service from the start so a newcomer can route and assign flows to
# it, and an opening balance above the 15-day threshold so the standing jobs leave it running (R8).
DEMO_ACTIVE_NUMBER = "4006000001"
DEMO_OPENING_BALANCE_FEN = 50_000


@contextlib.asynccontextmanager
async def _orm(config: Config) -> AsyncIterator[None]:
    configure_hashing(config)
    await Tortoise.init(config=tortoise_config(config.database_url))
    try:
        yield
    finally:
        await Tortoise.close_connections()


def _run(action: Callable[[Config], Coroutine[Any, Any, int]]) -> int:
    try:
        return asyncio.run(action(load_config()))
    except UserErrors as many:
        for error in many.errors:
            print(f"错误 error: {error.message}", file=sys.stderr)
        return 2
    except UserError as error:
        print(f"错误 error: {error.message}", file=sys.stderr)
        return 2


async def _migrate(config: Config) -> int:
    from api.migrate import migrate

    applied = await migrate(config.database_url)
    print(f"applied {len(applied)} migration(s): {', '.join(applied) or 'already up to date'}")
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password:
        return str(args.password)
    if os.environ.get("HOTLINE_PASSWORD"):
        return os.environ["HOTLINE_PASSWORD"]
    return getpass.getpass("password: ")


async def _create_operator(config: Config, args: argparse.Namespace) -> int:
    from api.accounts.models import Role
    from api.accounts.service import create_user

    async with _orm(config):
        user = await create_user(
            login=args.login,
            password=_password(args),
            display_name=args.name,
            role=Role.OPERATOR,
            account=None,
        )
    print(f"operator {user.login} created (id {user.id})")
    return 0


async def _import_numbers(config: Config, args: argparse.Namespace) -> int:
    from api.accounts.models import Role, User
    from api.numbers.import_files import sheet_text
    from api.numbers.importing import import_numbers
    from api.numbers.lifecycle import Actor

    if args.file == "-":
        text = sys.stdin.read()
    elif args.file.lower().endswith((".csv", ".xlsx", ".xls")):
        text = sheet_text(args.file, Path(args.file).read_bytes())
    else:
        text = Path(args.file).read_text(encoding="utf-8")
    async with _orm(config):
        actor = Actor(label="cli")
        if args.operator:
            user = await User.filter(login=args.operator.lower(), role=Role.OPERATOR).first()
            if user is None:
                raise UserError("not_found", f"未找到运营账号 {args.operator}")
            actor = Actor(user)
        result = await import_numbers(text, actor)
    print(f"imported {len(result.imported)} number(s); {len(result.skipped_existing)} already present")
    return 0


async def _service_token(config: Config, args: argparse.Namespace) -> int:
    from api.accounts.auth import create_api_token
    from api.accounts.models import TokenScope

    async with _orm(config):
        _, secret = await create_api_token(
            name=args.name, scope=TokenScope.TELEPHONY, user=None, created_by=None
        )
    print(secret)
    return 0


async def _demo(config: Config) -> int:
    """Migrate, then create the demo operator, customer and numbers unless they exist already."""
    from api.accounts.models import Role, User
    from api.accounts.service import create_account_with_user, create_user
    from api.numbers.importing import import_numbers
    from api.numbers.lifecycle import Actor

    await _migrate(config)
    async with _orm(config):
        operator = await User.filter(login=DEMO_OPERATOR[0]).first()
        if operator is None:
            operator = await create_user(
                login=DEMO_OPERATOR[0],
                password=DEMO_OPERATOR[1],
                display_name=DEMO_OPERATOR[2],
                role=Role.OPERATOR,
                account=None,
            )
        customer = await User.filter(login=DEMO_CUSTOMER[0]).first()
        if customer is None:
            _, customer = await create_account_with_user(
                company_name=DEMO_CUSTOMER[3],
                login=DEMO_CUSTOMER[0],
                password=DEMO_CUSTOMER[1],
                display_name=DEMO_CUSTOMER[2],
            )
        result = await import_numbers(DEMO_NUMBERS, Actor(operator))
        if customer.account_id is not None:
            await _demo_service(customer.account_id, Actor(operator))
    print(f"demo data ready ({len(result.imported)} numbers imported now)")
    print(f"  operator login: {DEMO_OPERATOR[0]} / {DEMO_OPERATOR[1]}")
    print(f"  customer login: {DEMO_CUSTOMER[0]} / {DEMO_CUSTOMER[1]}")
    return 0


async def _demo_service(account_id: int, actor: Actor) -> None:
    """Put the demo number in the demo customer's service with an opening balance, once.

    The number walks the ordinary life cycle (reserved, applied, active) so its audit log reads like a
    real one; the recharge is idempotent by its reference.
    """
    from tortoise.transactions import in_transaction

    from api.billing.recharges import RechargeMethod, recharge
    from api.numbers.lifecycle import change_status
    from api.numbers.models import Number
    from api.numbers.numbering import NumberStatus as S

    number = await Number.get(number=DEMO_ACTIVE_NUMBER)
    if number.status == S.AVAILABLE:
        async with in_transaction() as conn:
            steps = ((S.AVAILABLE, S.RESERVED), (S.RESERVED, S.APPLIED), (S.APPLIED, S.ACTIVE))
            for source, target in steps:
                extra: dict[str, Any] = {"account_id": account_id} if source == S.AVAILABLE else {}
                await change_status(
                    number.id,
                    from_status=source,
                    to_status=target,
                    actor=actor,
                    reason="演示数据:开通演示号码",
                    using=conn,
                    **extra,
                )
    # Databases made before the reference was worded for people hold the old one: credit only once.
    from api.billing.models import LedgerEntry

    if not await LedgerEntry.filter(account_id=account_id, reference="other:demo-opening-balance").exists():
        await recharge(
            account_id, DEMO_OPENING_BALANCE_FEN, RechargeMethod.OTHER, "演示开户余额", actor="演示数据"
        )


async def _reconcile(config: Config) -> int:
    """Check every account's balance against the sum of its ledger; exit 1 when any differs."""
    from api.billing.ledger import reconcile

    async with _orm(config):
        differences = await reconcile()
    for d in differences:
        print(
            f"account {d.account_id}: balance {d.balance_fen} fen, ledger {d.ledger_fen} fen "
            f"(difference {d.balance_fen - d.ledger_fen})"
        )
    print(f"{len(differences)} account(s) differ from their ledger")
    return 1 if differences else 0


async def _storage_migrate(config: Config, args: argparse.Namespace) -> int:
    """Copy DATA_DIR's stored files to the store ``--to`` names; exit 1 unless every file arrived whole."""
    from api.storage import LocalStore, open_store
    from api.storage.transfer import copy_store

    source = LocalStore(Path(args.source).resolve() if args.source else config.data_dir)
    try:
        target = open_store(args.to, config.data_dir, config.storage_access_key, config.storage_secret_key)
    except ValueError as error:
        print(f"--to: {error}", file=sys.stderr)
        return 2
    if isinstance(target, LocalStore):
        print("--to must name object storage (s3://bucket?endpoint=…)", file=sys.stderr)
        return 2
    create_bucket = getattr(target, "create_bucket", None)
    if create_bucket is not None and await asyncio.to_thread(create_bucket):
        print(f"created the bucket of {target.location}")
    print(f"copying {source.location} to {target.location}", flush=True)
    report = await copy_store(source, target)
    for key in report.damaged:
        print(f"damaged (content differs from the hash in its name, not copied): {key}")
    for key, reason in sorted(report.failed.items()):
        print(f"failed: {key}: {reason}")
    print(report.summary())
    if report.ok:
        print(f"every file is in {target.location} with its hash checked; set STORAGE_URL={args.to}")
    return 0 if report.ok else 1


async def _storage_sweep(config: Config, args: argparse.Namespace) -> int:
    """List (or with --delete remove) the stored files no row references."""
    import datetime as dt

    from api.orphans import sweep_orphans
    from api.storage import object_store

    store = object_store(config)
    async with _orm(config):
        report = await sweep_orphans(store, grace=dt.timedelta(hours=args.grace_hours), delete=args.delete)
    for key in report.orphans:
        print(f"{'removed' if args.delete and key not in report.restored else 'orphan'}: {key}")
    for key in report.restored:
        print(f"kept (an upload referenced it meanwhile): {key}")
    print(
        f"checked {report.checked} file(s) in {store.location}: {len(report.orphans)} orphan(s)"
        f"{f', {report.removed} removed' if args.delete else ' (run with --delete to remove them)'}, "
        f"{len(report.recent)} unreferenced but younger than {args.grace_hours} h (left alone)"
    )
    return 0


async def _worker(config: Config, args: argparse.Namespace) -> int:
    import logging

    from api.recordings.processing import work

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    async with _orm(config):
        done = await work(config, concurrency=args.concurrency, once=args.once)
    if args.once:
        print(f"processed {done} recording(s)", flush=True)
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app

    config = load_config()
    if config.clock_start is not None:
        from api.clock import start_clock_at

        start_clock_at(config.clock_start)
        print(f"clock starts at {config.clock_start.isoformat()} (HOTLINE_CLOCK_START)", flush=True)
    if args.migrate:
        asyncio.run(_migrate(config))
    print(f"400 Hotline API on http://{args.host}:{args.port}/graphql (GraphiQL in a browser)", flush=True)
    uvicorn.run(
        create_app(config, run_jobs=not args.no_jobs, process_media=not args.no_worker),
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        access_log=args.access_log,
    )
    return 0


def _export_schema(args: argparse.Namespace) -> int:
    """The public schema and, beside it, the node definitions the web editor's forms are generated from."""
    from api.schema import export_sdl
    from ivr_flows.nodes.export import node_types_json

    schema = Path(args.output)
    files = {schema: export_sdl(), schema.with_name("node-types.json"): node_types_json()}
    if args.check:
        stale = [t for t, text in files.items() if not t.exists() or t.read_text(encoding="utf-8") != text]
        for target in stale:
            print(f"{target} is stale: run `python -m api export-schema`", file=sys.stderr)
        if stale:
            return 1
        print(f"{', '.join(map(str, files))} are up to date")
        return 0
    for target, text in files.items():
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m api", description="400 Hotline Platform service.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the HTTP service (GraphQL at /graphql)")
    serve.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8400")))
    serve.add_argument("--migrate", action="store_true", help="apply migrations first")
    serve.add_argument("--no-jobs", action="store_true", help="do not run life-cycle jobs in this process")
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="leave pending recordings to `python -m api worker` processes (default: this process works too)",
    )
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--access-log", action=argparse.BooleanOptionalAction, default=True)

    sub.add_parser("migrate", help="apply database migrations (aerich)")

    worker = sub.add_parser(
        "worker", help="process reported recordings and voicemail (any number of these processes)"
    )
    worker.add_argument("--concurrency", type=int, default=2, help="recordings in hand at once (default 2)")
    worker.add_argument("--once", action="store_true", help="stop when nothing is pending")

    op = sub.add_parser("create-operator", help="create an operator (provider staff) login")
    op.add_argument("--login", required=True)
    op.add_argument("--name", required=True, help="display name")
    op.add_argument("--password", help="default: $HOTLINE_PASSWORD or a prompt")

    imp = sub.add_parser(
        "import-numbers", help="import 400 numbers: a text file (one per line or ranges A-B), CSV or XLSX"
    )
    imp.add_argument("file", help="a .txt, .csv or .xlsx file, or - for standard input")
    imp.add_argument("--operator", help="login recorded as the actor in the audit log")

    tok = sub.add_parser("create-service-token", help="print a new token for the telephony layer")
    tok.add_argument("--name", required=True)

    sub.add_parser("reconcile", help="check every balance against its ledger; exit 1 on a difference")

    sub.add_parser("demo", help="migrate and create demo operator, customer and numbers (idempotent)")

    storage = sub.add_parser("storage", help="stored files (media, recordings, documents, sounds)")
    storage_sub = storage.add_subparsers(dest="storage_command", required=True)
    copy = storage_sub.add_parser(
        "migrate", help="copy DATA_DIR's files to object storage, checking every hash (resumable)"
    )
    copy.add_argument("--to", required=True, help="s3://bucket?endpoint=…&region=… (AWS_* credentials)")
    copy.add_argument("--from", dest="source", help="the data directory to copy (default: DATA_DIR)")
    sweep = storage_sub.add_parser("sweep", help="find stored files no row references (orphans)")
    sweep.add_argument("--delete", action="store_true", help="remove them (default: only list them)")
    sweep.add_argument(
        "--grace-hours", type=float, default=1.0, help="leave files younger than this alone (default 1)"
    )

    exp = sub.add_parser(
        "export-schema", help="write the public GraphQL schema (SDL) and the editor's node definitions"
    )
    exp.add_argument("--output", default="schema.graphql")
    exp.add_argument("--check", action="store_true", help="exit 1 if the file differs from the code")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    match args.command:
        case "serve":
            return _serve(args)
        case "migrate":
            return _run(_migrate)
        case "worker":
            return _run(lambda c: _worker(c, args))
        case "create-operator":
            return _run(lambda c: _create_operator(c, args))
        case "import-numbers":
            return _run(lambda c: _import_numbers(c, args))
        case "create-service-token":
            return _run(lambda c: _service_token(c, args))
        case "demo":
            return _run(_demo)
        case "reconcile":
            return _run(_reconcile)
        case "storage" if args.storage_command == "sweep":
            return _run(lambda c: _storage_sweep(c, args))
        case "storage":
            return _run(lambda c: _storage_migrate(c, args))
        case "export-schema":
            return _export_schema(args)
    return 2
