"""What the operator console reads and does beyond the basics: flows with their accounts, numbers imported
from a spreadsheet, a hold's application state, who booked a recharge, and each account's numbers and
standing in the list."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

from api.accounts.models import Account
from api.billing.rates import billing_of
from api.clock import utcnow
from api.numbers.importing import import_numbers
from api.numbers.lifecycle import Actor
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from tests.api.support import Client, Env, gql_upload
from tests.api.test_applications import files, reserved, submit
from tests.api.test_cli import run as run_cli
from tests.sqlcount import count_statements

CREATE_FLOW = "mutation($n:String!){createFlow(name:$n){... on Flow{id}}}"
FLOWS = """query($a:ID,$s:String,$n:Int){flows(accountId:$a,search:$s,first:$n){totalCount
  edges{node{name account{id name}}}}}"""
IMPORT_FILE = """mutation($f:Upload!){importNumbersFile(file:$f){__typename
  ... on ImportNumbersResult{importedCount skippedExisting} ... on UserErrors{errors{code field message}}}}"""
RECHARGE = """mutation($a:ID!,$r:String!){rechargeAccount(accountId:$a,amountFen:5000,method:BANK_TRANSFER,
  reference:$r){... on RechargeReceipt{number operatorName replayed}}}"""
ACCOUNTS = """query($s:String,$n:Int){accounts(search:$s,first:$n){edges{node{name numberCount stage stageName
  balanceState balanceStateName}}}}"""


async def _account_id(client: Client) -> str:
    return (await client.data("{me{account{id}}}"))["me"]["account"]["id"]


# ------------------------------------------------------------------------------------------- flows


async def test_operators_see_each_flows_account_and_narrow_the_list_by_account_or_name(env: Env) -> None:
    acme = await env.customer("acme", "甲公司")
    beta = await env.customer("beta", "乙公司")
    await acme.data(CREATE_FLOW, {"n": "总机菜单"})
    await beta.data(CREATE_FLOW, {"n": "售后热线"})
    await beta.data(CREATE_FLOW, {"n": "夜间留言"})
    op = await env.operator()
    everything = (await op.data(FLOWS))["flows"]
    assert {(e["node"]["name"], e["node"]["account"]["name"]) for e in everything["edges"]} == {
        ("总机菜单", "甲公司"),
        ("售后热线", "乙公司"),
        ("夜间留言", "乙公司"),
    }
    beta_id = await _account_id(beta)
    only_beta = (await op.data(FLOWS, {"a": beta_id}))["flows"]
    assert only_beta["totalCount"] == 2
    assert {e["node"]["name"] for e in only_beta["edges"]} == {"售后热线", "夜间留言"}
    by_company = (await op.data(FLOWS, {"s": "甲公"}))["flows"]
    assert [e["node"]["name"] for e in by_company["edges"]] == ["总机菜单"]
    by_name = (await op.data(FLOWS, {"s": "留言"}))["flows"]
    assert [e["node"]["account"]["name"] for e in by_name["edges"]] == ["乙公司"]
    # A customer asking for another account's flows still sees only its own.
    assert (await acme.data(FLOWS, {"a": beta_id}))["flows"]["totalCount"] == 0
    too_long = await op.gql(FLOWS, {"s": "长" * 201})
    assert [e["extensions"]["code"] for e in too_long["errors"]] == ["too_long"]


async def test_a_page_of_flows_reads_its_accounts_in_one_query(env: Env) -> None:
    op = await env.operator()
    for i in range(12):
        client = await env.customer(f"flows{i}")
        await client.data(CREATE_FLOW, {"n": f"流程{i}"})

    async def statements(n: int) -> int:
        with count_statements() as counter:
            data = await op.data(FLOWS, {"n": n})
        assert len(data["flows"]["edges"]) == n
        return counter.count

    assert await statements(2) == await statements(12)


# ------------------------------------------------------------------------------------ import a file


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def _import_file(client: Client, name: str, data: bytes) -> dict[str, object]:
    body = await gql_upload(client, IMPORT_FILE, {"f": None}, {"f": (name, data)})
    assert "errors" not in body, body
    return body["data"]["importNumbersFile"]


async def _stored(*numbers: str) -> set[str]:
    return set(await Number.filter(number__in=numbers).values_list("number", flat=True))


async def test_an_xlsx_sheet_imports_numbers_ranges_and_start_end_columns(env: Env) -> None:
    op = await env.operator()
    sheet = _xlsx(
        [
            ["号码", "备注"],
            [4006100001, "数字格式的单元格"],
            ["400-610-0002"],
            [],
            [4006100010, 4006100012],
            ["4006100020-4006100021", None],
        ]
    )
    done = await _import_file(op, "号码清单.xlsx", sheet)
    assert done == {"__typename": "ImportNumbersResult", "importedCount": 7, "skippedExisting": []}
    numbers = ["4006100001", "4006100002", "4006100010", "4006100011", "4006100012", "4006100020"]
    assert await _stored(*numbers, "4006100021") == {*numbers, "4006100021"}


async def test_a_csv_file_imports_whether_saved_as_utf8_or_gbk(env: Env) -> None:
    op = await env.operator()
    utf8 = "\ufeff起始号码,结束号码\r\n4006200001,4006200003\r\n4006200009\r\n".encode()
    assert (await _import_file(op, "numbers.csv", utf8))["importedCount"] == 4
    gbk = "号码,备注\r\n4006200101,客服专线\r\n".encode("gbk")
    assert (await _import_file(op, "numbers.csv", gbk))["importedCount"] == 1
    assert await _stored("4006200001", "4006200003", "4006200009", "4006200101") == {
        "4006200001",
        "4006200003",
        "4006200009",
        "4006200101",
    }


async def test_bad_rows_of_a_file_are_named_by_row_and_nothing_is_imported(env: Env) -> None:
    op = await env.operator()
    sheet = _xlsx([["号码"], [4006300001], [40063], ["4006300010", "4006300005"], [4006300002]])
    refused = await _import_file(op, "bad.xlsx", sheet)
    assert refused["__typename"] == "UserErrors"
    errors = refused["errors"]
    assert isinstance(errors, list)
    assert [(e["field"], e["code"]) for e in errors] == [("file", "invalid_line"), ("file", "invalid_line")]
    assert errors[0]["message"].startswith("第3行「40063」:")
    assert errors[1]["message"].startswith("第4行「4006300010 ~ 4006300005」:号段的结束号码小于起始号码")
    assert await _stored("4006300001", "4006300002") == set()


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def _damaged_xlsx() -> bytes:
    """A real XLSX whose worksheet was cut off halfway (a broken download, say)."""
    source = zipfile.ZipFile(io.BytesIO(_xlsx([[4006000001], [4006000002]])))
    return _zip(
        {
            i.filename: source.read(i.filename)[: len(source.read(i.filename)) // 2]
            if i.filename == "xl/worksheets/sheet1.xml"
            else source.read(i.filename)
            for i in source.infolist()
        }
    )


async def test_files_that_are_not_a_csv_or_xlsx_sheet_are_refused_in_chinese(env: Env) -> None:
    op = await env.operator()
    cases = {
        ("bomb.xlsx", _zip({"xl/sharedStrings.xml": bytes(120 * 1024 * 1024)})): "表格内容过大,请分批导入",
        ("word.xlsx", _zip({"word/document.xml": b"<w/>"})): "文件不是有效的 XLSX 表格",
        ("cut.xlsx", _damaged_xlsx()): "文件不是有效的 XLSX 表格",
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600): "不支持旧版 Excel(.xls)文件",
        ("fake.xlsx", b"PK\x03\x04not really a zip"): "文件不是有效的 XLSX 表格",
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"): "文件格式无法识别",
        ("empty.csv", b""): "文件是空的",
        ("blank.csv", "号码\r\n\r\n".encode()): "没有可导入的号码",
    }
    for (name, data), message in cases.items():
        refused = await _import_file(op, name, data)
        assert refused["__typename"] == "UserErrors", name
        errors = refused["errors"]
        assert isinstance(errors, list)
        assert errors[0]["field"] == "file" and message in errors[0]["message"], (name, errors)
    text_instead = await op.gql(IMPORT_FILE, {"f": "4006000001"})
    assert text_instead["data"]["importNumbersFile"]["errors"][0]["code"] == "not_a_file"
    customer = await env.customer("acme")
    body = await gql_upload(customer, IMPORT_FILE, {"f": None}, {"f": ("a.csv", b"4006400001\n")})
    assert body.get("errors") and await _stored("4006400001") == set()


def test_the_cli_imports_an_xlsx_file_and_refuses_an_old_xls(tmp_path: Path) -> None:
    assert run_cli("migrate", data_dir=tmp_path).returncode == 0
    sheet = tmp_path / "numbers.xlsx"
    sheet.write_bytes(_xlsx([["号码"], [4006500001, 4006500002], ["4006500009"]]))
    imported = run_cli("import-numbers", str(sheet), data_dir=tmp_path)
    assert imported.stdout.strip() == "imported 3 number(s); 0 already present", imported.stderr
    old = tmp_path / "numbers.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    refused = run_cli("import-numbers", str(old), data_dir=tmp_path)
    assert refused.returncode == 2 and "不支持旧版 Excel(.xls)文件" in refused.stderr


# ------------------------------------------------------------------------------------- reservations


async def test_a_hold_shows_the_state_of_the_application_filed_on_it(env: Env) -> None:
    client, rid = await reserved(env, "acme", "4006000001")
    op = await env.operator()
    query = "query($id:ID!){reservation(id:$id){active applicationStatus}}"
    assert (await op.data(query, {"id": rid}))["reservation"] == {"active": True, "applicationStatus": None}
    app = await submit(client, rid, files())
    assert app["status"] == "SUBMITTED"
    assert (await op.data(query, {"id": rid}))["reservation"] == {
        "active": True,
        "applicationStatus": "SUBMITTED",
    }
    listed = await op.data("{reservations(active:true){edges{node{id applicationStatus}}}}")
    assert listed["reservations"]["edges"] == [{"node": {"id": rid, "applicationStatus": "SUBMITTED"}}]


# ---------------------------------------------------------------------------------------- recharges


async def test_a_recharge_receipt_names_the_operator_who_booked_it(env: Env) -> None:
    acme = await env.customer("acme")
    account_id = await _account_id(acme)
    op = await env.operator()  # display name 运营
    first = (await op.data(RECHARGE, {"a": account_id, "r": "BANK-1"}))["rechargeAccount"]
    assert first["operatorName"] == "运营" and not first["replayed"]
    # The same payment booked again by someone else still names who booked it first.
    other = await env.operator("operator2")
    await Account.filter(id=int(account_id)).update(name="acme公司")
    from api.accounts.models import User

    await User.filter(login="operator2").update(display_name="王会计")
    again = (await other.data(RECHARGE, {"a": account_id, "r": "BANK-1"}))["rechargeAccount"]
    assert again == {**first, "replayed": True}
    second = (await other.data(RECHARGE, {"a": account_id, "r": "BANK-2"}))["rechargeAccount"]
    assert second["operatorName"] == "王会计"


async def test_an_earlier_recharge_receipt_can_be_read_again_as_it_was_handed_out(env: Env) -> None:
    acme = await env.customer("acme")
    account_id = await _account_id(acme)
    op = await env.operator()
    first = (await op.data(RECHARGE, {"a": account_id, "r": "BANK-1"}))["rechargeAccount"]
    await op.data(RECHARGE, {"a": account_id, "r": "BANK-2"})
    ledger = await op.data(
        "query($a:ID!){ledgerEntries(accountId:$a){edges{node{id reference}}}}", {"a": account_id}
    )
    ids = {e["node"]["reference"]: e["node"]["id"] for e in ledger["ledgerEntries"]["edges"]}
    query = """query($e:ID!){rechargeReceipt(entryId:$e){number accountName amountFen method reference
      balanceAfterFen operatorName}}"""
    again = (await op.data(query, {"e": ids["bank_transfer:BANK-1"]}))["rechargeReceipt"]
    # The balance right after the first recharge, not the balance now.
    assert again == {
        "number": first["number"],
        "accountName": "acme公司",
        "amountFen": 5000,
        "method": "BANK_TRANSFER",
        "reference": "BANK-1",
        "balanceAfterFen": 5000,
        "operatorName": "运营",
    }
    second = (await op.data(query, {"e": ids["bank_transfer:BANK-2"]}))["rechargeReceipt"]
    assert second["balanceAfterFen"] == 10000
    # The customer may print its own receipt too; another customer finds nothing.
    own = (await acme.data(query, {"e": ids["bank_transfer:BANK-1"]}))["rechargeReceipt"]
    assert own == again
    other = await env.customer("other")
    assert (await other.data(query, {"e": ids["bank_transfer:BANK-1"]}))["rechargeReceipt"] is None


# ----------------------------------------------------------------------------------------- accounts


async def test_the_account_list_shows_numbers_held_stage_and_balance_state(env: Env) -> None:
    await import_numbers("4006600001-4006600003", Actor(label="test"))
    await env.customer("prospect", "甲意向公司")
    await env.customer("holder", "乙预占公司")
    await env.customer("live", "丙开通公司")
    await env.customer("stopped", "丁停机公司")
    ids = {a.name: a.id for a in await Account.filter(name__endswith="公司")}
    assignments = {
        "4006600001": ("乙预占公司", NumberStatus.RESERVED),
        "4006600002": ("丙开通公司", NumberStatus.ACTIVE),
        "4006600003": ("丁停机公司", NumberStatus.SUSPENDED),
    }
    for number, (name, status) in assignments.items():
        await Number.filter(number=number).update(account_id=ids[name], status=status)
    await Account.filter(id=ids["丙开通公司"]).update(balance_fen=10_000)
    stopped = await billing_of(ids["丁停机公司"])
    stopped.suspended_at = utcnow()
    await stopped.save()

    op = await env.operator()
    rows = {
        e["node"]["name"]: e["node"] for e in (await op.data(ACCOUNTS, {"s": "公司"}))["accounts"]["edges"]
    }
    seen = {
        name: (r["numberCount"], r["stageName"], r["balanceState"], r["balanceStateName"])
        for name, r in rows.items()
    }
    assert seen == {
        "甲意向公司": (0, "未选号", "LOW", "余额不足(≤35元)"),
        "乙预占公司": (1, "已预占", "LOW", "余额不足(≤35元)"),
        "丙开通公司": (1, "已开通", "NORMAL", "正常"),
        "丁停机公司": (1, "已开通", "SUSPENDED", "欠费停机"),
    }


async def test_a_page_of_accounts_reads_its_numbers_and_standing_in_a_fixed_number_of_queries(
    env: Env,
) -> None:
    await import_numbers("4006700000-4006700039", Actor(label="test"))
    accounts = [await Account.create(name=f"批量{i}公司") for i in range(40)]
    for i, number in enumerate(await Number.filter(number__startswith="400670").order_by("number")):
        number.account_id = accounts[i].id
        number.status = NumberStatus.ACTIVE
        await number.save()
    op = await env.operator()

    async def statements(n: int) -> int:
        with count_statements() as counter:
            data = await op.data(ACCOUNTS, {"s": "批量", "n": n})
        assert len(data["accounts"]["edges"]) == n
        assert all(e["node"]["numberCount"] == 1 for e in data["accounts"]["edges"])
        return counter.count

    small, large = await statements(5), await statements(40)
    assert small == large
    assert large <= 6
