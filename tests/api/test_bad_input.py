"""The bad-input catalogue: every operation refuses hostile or malformed input with a clear code.

One row per input: the GraphQL document, its variables, who sends it and what must come back — a
``UserErrors`` code (or a top-level error's ``extensions.code`` for fields returning a plain type),
``VALIDATION`` for a GraphQL request error, or ``HTTP <status>`` for a request refused before GraphQL.
For every row: no masked ``INTERNAL`` error, no 5xx, and not one row written or changed. After the
whole catalogue the service must still answer a normal query.

To grow it, add rows to ``CASES`` (a new operation brings its own). Variables may be a function of
the fixture's ids (``Ids``) when the input needs a real flow, number or reservation.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import graphql
from tortoise import Tortoise

from api.numbers.importing import import_numbers
from api.numbers.lifecycle import Actor
from api.numbers.models import Number
from tests.api.routing_support import active_number, service_token, telephony
from tests.api.support import Client, Env

VALIDATION = "VALIDATION"
PAGE_OR_INVALID_CURSOR = "a page or invalid_cursor"
MB = 1_000_000
ERR = "... on UserErrors{errors{code field message}}"
TOO_BIG_ID = "9223372036854775808"


def b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


def nested_text(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"a": 1}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


@dataclass(frozen=True)
class Ids:
    flow: str
    number: str
    reservation: str
    account: str


Variables = dict[str, Any] | Callable[[Ids], dict[str, Any]]


@dataclass(frozen=True)
class Case:
    """One bad input and the answer it must get."""

    name: str
    document: str | Callable[[Ids], str]
    variables: Variables = field(default_factory=dict)
    expect: str = VALIDATION  # a code, VALIDATION, PAGE_OR_INVALID_CURSOR, or "HTTP 400"
    role: str = "customer"  # anonymous, customer, operator or telephony
    raw_body: bytes | Callable[[], bytes] | None = None  # sent as the body instead of document + variables
    content_type: str = "application/json"  # of a raw body
    path: str | None = None  # a GET of this path instead of a GraphQL request


FLOWS = "query($a:String,$f:Int){flows(first:$f,after:$a){totalCount}}"
AVAILABLE = "query($a:String){availableNumbers(after:$a){totalCount}}"
RESERVATIONS = "query($a:String){reservations(after:$a){totalCount}}"
SIMULATE = f"query($f:ID!,$c:SimulatedCallInput!){{simulateFlow(flowId:$f,call:$c){{__typename {ERR}}}}}"
WHAT = f"query($n:ID!,$c:SimulatedCallInput!){{whatHappens(numberId:$n,call:$c){{__typename {ERR}}}}}"
HOLIDAYS = "query($y:Int!){holidayOverrides(year:$y){day}}"
IMPORT = f'mutation($d:JSON!){{importFlow(name:"导入",document:$d){{__typename {ERR}}}}}'
SAVE = f"mutation($id:ID!,$d:JSON!){{saveFlowDraft(id:$id,document:$d,baseRevision:1){{__typename {ERR}}}}}"
UPLOAD = f"""mutation($f:Upload!){{uploadMedia(kind:IVR_PROMPT,name:"提示",file:$f,idempotencyKey:"k-1"){{
  __typename {ERR}}}}}"""
SUBMIT = f"""mutation($r:ID!,$c:CompanyInput!,$d:DocumentsInput!){{
  submitApplication(reservationId:$r,company:$c,documents:$d){{__typename {ERR}}}}}"""
ACCOUNTS = "query($s:String){accounts(search:$s){totalCount}}"
LOGIN = f"mutation($l:String!,$p:String!){{login(login:$l,password:$p){{__typename {ERR}}}}}"
SIGN_UP = f"""mutation($l:String!){{signUp(companyName:"某公司",login:$l,password:"long-enough-1",
  displayName:"张三"){{__typename {ERR}}}}}"""
RESERVE = f"mutation($id:ID!){{reserveNumber(numberId:$id){{__typename ... on Reservation{{id}} {ERR}}}}}"
CREATE_FLOW = f"mutation($n:String!){{createFlow(name:$n){{__typename {ERR}}}}}"
RENAME_FLOW = f'mutation($id:ID!){{renameFlow(id:$id,name:"新名"){{__typename {ERR}}}}}'
TOKEN = f"mutation($n:String!){{createApiToken(name:$n){{__typename {ERR}}}}}"
CALLER_LIST = (
    f"mutation($n:ID!,$t:String!){{setCallerList(numberId:$n,mode:BLACK,text:$t){{__typename {ERR}}}}}"
)
TEXT_PROMPT = (
    f'mutation($t:String!){{createTextPrompt(kind:IVR_PROMPT,name:"提示",text:$t){{__typename {ERR}}}}}'
)
RETENTION = f"mutation($d:Int!){{setVoicemailRetention(days:$d){{__typename {ERR}}}}}"
IMPORT_NUMBERS = f"mutation($t:String!){{importNumbers(text:$t){{__typename {ERR}}}}}"
PRICE = f"mutation($p:Int!){{setGradePrice(grade:AAAA,priceFen:$p){{__typename {ERR}}}}}"
HOLIDAY = (
    f'mutation($n:String!){{setHolidayOverride(day:"2027-02-05",workday:false,name:$n){{__typename {ERR}}}}}'
)
RECHARGE = f"""mutation($a:ID!,$f:Int!,$r:String!){{rechargeAccount(accountId:$a,amountFen:$f,
  method:BANK_TRANSFER,reference:$r){{__typename {ERR}}}}}"""
ADJUST = f"""mutation($a:ID!,$f:Int!,$r:String!,$k:String!){{adjustBalance(accountId:$a,amountFen:$f,
  reason:$r,idempotencyKey:$k){{__typename {ERR}}}}}"""


CONTACTS = f"""mutation($a:ID!,$e:String!,$p:String!){{setBillingContacts(accountId:$a,email:$e,phone:$p){{
  __typename {ERR}}}}}"""
RATE_PLAN = f"""mutation($n:String!,$p:Int!,$i:Int!,$m:Int!){{createRatePlan(name:$n,pricePerMinuteFen:$p,
  incrementSeconds:$i,minimumFen:$m){{__typename {ERR}}}}}"""
REPORT_CALL = f"mutation($c:CallReportInput!){{reportCall(call:$c){{__typename {ERR}}}}}"
REPORT_CALLS = f"mutation($c:[CallReportInput!]!){{reportCalls(calls:$c){{__typename {ERR}}}}}"
ALLOWANCE = "query($n:String!){callAllowance(number:$n){seconds}}"
CALL_LIST = "query($c:String,$s:DateTime){callRecords(caller:$c,since:$s){totalCount}}"
SIGNUP_GROUPS = "query($d:Int!,$m:Int!,$f:Int!){signupGroups(days:$d,minSignups:$m,first:$f){key}}"
CLEAN_UP = f"mutation($a:[ID!]!,$r:String!){{cleanUpSignups(accountIds:$a,reason:$r){{__typename {ERR}}}}}"


UPLOAD_HEAD = (
    b'--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n'
    + json.dumps({"query": UPLOAD, "variables": {"f": None}}).encode()
    + b'\r\n--b\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.f"]}\r\n'
    + b'--b\r\nContent-Disposition: form-data; name="0"; filename="a.wav"\r\n\r\n'
)


def plan(**fields: Any) -> dict[str, Any]:
    return {"n": "标准资费", "p": 30, "i": 60, "m": 0} | fields


def report(**fields: Any) -> dict[str, Any]:
    base = {
        "callId": "c-1",
        "number": "4006228300",
        "caller": "13912345678",
        "startedAt": "2026-12-01T10:00:00+08:00",
        "answeredAt": "2026-12-01T10:00:05+08:00",
        "endedAt": "2026-12-01T10:01:05+08:00",
        "disposition": "ANSWERED",
    }
    return {"c": base | fields}


def money(**fields: Any) -> Callable[[Ids], dict[str, Any]]:
    return lambda ids: {"a": ids.account, "f": 100, "r": "ref-1", "k": "key-1"} | fields


COMPANY = {
    "companyName": "珠海某某科技有限公司",
    "creditCode": "91350100M000100Y43",
    "legalRepName": "张三",
    "contactName": "李四",
    "contactPhone": "13800138000",
    "boundNumbers": ["0756-3331234"],
}


def call(**fields: Any) -> Callable[[Ids], dict[str, Any]]:
    return lambda ids: {"f": ids.flow, "n": ids.number, "c": fields}


#: Cursors no connection hands out, whatever its key (ids, 400 numbers): not base64, not printable, or
#: holding text that is neither an id nor a 400 number.
FORGED_CURSORS: dict[str, str] = {
    "letters": b64("abc"),
    "a negative id": b64("-1"),
    "an id of 20 digits": b64("9" * 20),
    "Arabic-Indic digits": b64("١٢"),
    "full-width digits": b64("４００１２３４５６７"),
    "a superscript digit": b64("²"),
    "digits with underscores": b64("1_0"),
    "digits with a space": b64(" 12"),
    "a 400 number with a letter": b64("400123456x"),
    "a NUL byte": b64("4001234567\x00"),
    "empty text": b64(""),
    "not base64": "not a cursor!",
    "10k characters": "A" * 10_000,
}
#: Cursors that are a position for some keys (an id) and forged for others (a 400 number has ten digits):
#: a page or ``invalid_cursor``, never an internal error.
PLAUSIBLE_CURSORS: dict[str, str] = {"an 11-digit number": b64("40012345678"), "id 0": b64("0")}
#: How to reach an object of each type that has a connection field (a new one must be added here),
#: given the fixture's ids, and values for the connection fields' required arguments.
REACH: dict[str, Callable[[Ids], tuple[str, dict[str, Any]]]] = {
    "Query": lambda ids: ("{}", {}),
    "Account": lambda ids: ("account(id:$reach){{{}}}", {"reach": ("ID!", ids.account)}),
}
REQUIRED_ARGUMENTS: dict[str, Callable[[Ids], str]] = {"flowId": lambda ids: ids.flow}


def connection_fields() -> list[tuple[str, str, graphql.GraphQLField]]:
    """(type, field, definition) of every connection in the exported schema (a test keeps it current)."""
    schema = graphql.build_schema((Path(__file__).parents[2] / "schema.graphql").read_text())
    found = []
    for type_ in schema.type_map.values():
        if not isinstance(type_, graphql.GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for name, definition in type_.fields.items():
            target = graphql.get_named_type(definition.type)
            if isinstance(target, graphql.GraphQLObjectType) and {"edges", "pageInfo"} <= set(target.fields):
                found.append((type_.name, name, definition))
    return found


def _required(definition: graphql.GraphQLField) -> list[str]:
    return [
        name
        for name, arg in definition.args.items()
        if graphql.is_non_null_type(arg.type) and (arg.ast_node is None or arg.ast_node.default_value is None)
    ]


def forged_cursor_case(
    owner: str, name: str, definition: graphql.GraphQLField, shown: str, cursor: str, expect: str
) -> Case:
    """The connection ``owner.name`` asked for the page after a forged cursor, by an operator (who may
    read every connection) with the fixture's ids for whatever the field requires."""
    assert "after" in definition.args, f"{owner}.{name} is a connection without an after argument"
    assert owner in REACH, f"add to REACH how to reach a {owner}: its {name} connection takes cursors"
    missing = [a for a in _required(definition) if a not in REQUIRED_ARGUMENTS]
    assert not missing, f"add to REQUIRED_ARGUMENTS a value for {owner}.{name}({', '.join(missing)})"

    def variables(ids: Ids) -> dict[str, Any]:
        _, reach = REACH[owner](ids)
        return (
            {"after": cursor}
            | {k: v for k, (_, v) in reach.items()}
            | {a: REQUIRED_ARGUMENTS[a](ids) for a in _required(definition)}
        )

    def document(ids: Ids) -> str:
        wrapper, reach = REACH[owner](ids)
        args = ",".join(f"{a}:${a}" for a in ("after", *_required(definition)))
        declared = ",".join(
            ["$after:String", *(f"${k}:{t}" for k, (t, _) in reach.items())]
            + [f"${a}:{definition.args[a].type}" for a in _required(definition)]
        )
        return f"query({declared}){{{wrapper.format(f'{name}({args}){{pageInfo{{hasNextPage}}}}')}}}"

    return Case(f"{owner}.{name} after a cursor of {shown}", document, variables, expect, "operator")


CASES: list[Case] = [
    # Forged cursors, on every connection of the schema.
    *(
        forged_cursor_case(owner, name, definition, shown, cursor, expect)
        for owner, name, definition in connection_fields()
        for cursors, expect in (
            (FORGED_CURSORS, "invalid_cursor"),
            (PLAUSIBLE_CURSORS, PAGE_OR_INVALID_CURSOR),
        )
        for shown, cursor in cursors.items()
    ),
    Case("numbers after an 11-digit number", AVAILABLE, {"a": b64("40012345678")}, "invalid_cursor"),
    Case("numbers after a 400 number of no carrier", AVAILABLE, {"a": b64("4002123456")}, "invalid_cursor"),
    Case("numbers after a number with dashes", AVAILABLE, {"a": b64("400-123-4567")}, "invalid_cursor"),
    # Page cursors and sizes (the shared pagination helper).
    Case("cursor beyond any id", FLOWS, {"a": b64("9" * 20)}, "invalid_cursor"),
    Case("cursor not base64", FLOWS, {"a": "not a cursor!"}, "invalid_cursor"),
    Case("negative id cursor", RESERVATIONS, {"a": b64("-1")}, "invalid_cursor"),
    Case("cursor with a NUL byte", AVAILABLE, {"a": b64("400\x00")}, "invalid_cursor"),
    Case("cursor of 10k characters", AVAILABLE, {"a": "A" * 10_000}, "invalid_cursor"),
    Case("page size too large", FLOWS, {"f": 1000}, "invalid_page_size"),
    Case("page size negative", FLOWS, {"f": -1}, "invalid_page_size"),
    Case("page size beyond Int", FLOWS, {"f": 2**31}, VALIDATION),
    # Dates out of range.
    Case("simulated call in year 10000", SIMULATE, call(at="9999-12-31T23:59:59-12:00"), "invalid_call"),
    Case("simulated call before year 1", SIMULATE, call(at="0001-01-01T00:00:00+14:00"), "invalid_call"),
    Case("simulated call in 1900", SIMULATE, call(at="1900-01-01T10:00:00"), "invalid_call"),
    Case("not a date", SIMULATE, call(at="2026-13-45T00:00:00"), VALIDATION),
    Case("what happens in year 10000", WHAT, call(at="9999-12-31T23:59:59-12:00"), "invalid_call"),
    *(Case(f"holidays of year {y}", HOLIDAYS, {"y": y}, "invalid_year") for y in (0, -1, 10000, -(2**31))),
    Case("holidays of year 2**31", HOLIDAYS, {"y": 2**31}, VALIDATION),
    # Flow documents.
    Case("import nested 5000 deep as text", IMPORT, {"d": nested_text(5000)}, "invalid_document"),
    Case("import nested 50 deep", IMPORT, {"d": nested(50)}, "invalid_document"),
    Case("import a list", IMPORT, {"d": "[1,2]"}, "invalid_document"),
    Case("import 3 MB of text", IMPORT, {"d": " " * (3 * MB)}, "document_too_large"),
    Case(
        "import nested 5000 deep as JSON",
        IMPORT,
        raw_body=b'{"query":'
        + json.dumps(IMPORT).encode()
        + b',"variables":{"d":'
        + nested_text(5000).encode()
        + b"}}",
        expect="HTTP 400",
    ),
    Case(
        "save nested 5000 deep as text",
        SAVE,
        lambda ids: {"id": ids.flow, "d": nested_text(5000)},
        "invalid_document",
    ),
    Case("save nested 50 deep", SAVE, lambda ids: {"id": ids.flow, "d": nested(50)}, "invalid_document"),
    # A string where a file is expected.
    Case("upload a string", UPLOAD, {"f": "abc"}, "not_a_file"),
    Case(
        "upload a string literal",
        f'mutation{{uploadMedia(kind:IVR_PROMPT,name:"提示",file:"abc",idempotencyKey:"k-2"){{__typename {ERR}}}}}',
        {},
        "not_a_file",
    ),
    Case(
        "application documents as strings",
        SUBMIT,
        lambda ids: {
            "r": ids.reservation,
            "c": COMPANY,
            "d": {
                k: "abc" for k in ("businessLicence", "legalRepIdFront", "legalRepIdBack", "applicationForm")
            },
        },
        "not_a_file",
    ),
    # Searches.
    Case("account search of 50,001 characters", ACCOUNTS, {"s": "x" * 50_001}, "too_long", "operator"),
    Case("account search with a NUL byte", ACCOUNTS, {"s": "a\x00"}, "invalid_search", "operator"),
    Case(
        "number search with letters",
        '{availableNumbers(search:{prefix:"abc"}){totalCount}}',
        {},
        "invalid_digits",
    ),
    # Simulated callers and phones.
    Case("caller of 1 MB", SIMULATE, call(caller="1" * MB), "invalid"),
    Case("caller with NUL bytes", SIMULATE, call(caller="138\x0012345678"), "invalid"),
    Case("caller of letters", SIMULATE, call(caller="anonymous"), "invalid"),
    Case("phone of 1 MB", SIMULATE, call(phones=[{"number": "1" * MB}]), "invalid"),
    Case("phone with a NUL byte", SIMULATE, call(phones=[{"number": "\x00"}]), "invalid"),
    Case(
        "phone in Hong Kong",
        SIMULATE,
        call(phones=[{"number": "+852 9123 4567", "state": "answer"}]),
        "not_mainland",
    ),
    Case("phone a 400 number", SIMULATE, call(phones=[{"number": "4006228300"}]), "not_bindable"),
    Case("1 MB of key presses", SIMULATE, call(digits="1" * MB), "invalid_call"),
    Case("negative active calls", SIMULATE, call(activeCalls=-1), "invalid_call"),
    Case("what happens, caller of 1 MB", WHAT, call(caller="1" * MB), "invalid"),
    Case("what happens, phone with NUL", WHAT, call(phones=[{"number": "1380013800\x00"}]), "invalid"),
    # Sign-in and sign-up.
    Case(
        "login of 121 characters", LOGIN, {"l": "x" * 121, "p": "secret-pass"}, "invalid_login", "anonymous"
    ),
    Case(
        "login of 1 MB with newlines",
        LOGIN,
        {"l": "a\nb" * (MB // 3), "p": "x"},
        "invalid_login",
        "anonymous",
    ),
    Case("password of 1 MB", LOGIN, {"l": "someone", "p": "p" * MB}, "password_too_long", "anonymous"),
    Case("sign-up login of 1 MB", SIGN_UP, {"l": "x" * MB}, "invalid_login", "anonymous"),
    Case("sign-up login with NUL", SIGN_UP, {"l": "new\x00user"}, "invalid_login", "anonymous"),
    Case("sign-up groups of 0 days", SIGNUP_GROUPS, {"d": 0, "m": 2, "f": 50}, "out_of_range", "operator"),
    Case(
        "sign-up groups of 10⁹ days", SIGNUP_GROUPS, {"d": 10**9, "m": 2, "f": 50}, "out_of_range", "operator"
    ),
    Case(
        "sign-up groups, page of 10⁶", SIGNUP_GROUPS, {"d": 7, "m": 2, "f": 10**6}, "out_of_range", "operator"
    ),
    Case(
        "clean-up without a reason",
        CLEAN_UP,
        lambda ids: {"a": [ids.account], "r": " "},
        "required",
        "operator",
    ),
    Case(
        "clean-up reason of 1 MB",
        CLEAN_UP,
        lambda ids: {"a": [ids.account], "r": "x" * MB},
        "too_long",
        "operator",
    ),
    Case("clean-up of no account", CLEAN_UP, {"a": [], "r": "批量注册"}, "invalid_selection", "operator"),
    Case(
        "clean-up of 100,000 ids",
        CLEAN_UP,
        {"a": ["1"] * 100_000, "r": "批量注册"},
        "invalid_selection",
        "operator",
    ),
    Case(
        "clean-up id beyond bigint", CLEAN_UP, {"a": [TOO_BIG_ID], "r": "批量注册"}, "invalid_id", "operator"
    ),
    Case(
        "clean-up of a paying account",
        CLEAN_UP,
        lambda ids: {"a": [ids.account], "r": "批量注册"},
        "has_paid_activity",
        "operator",
    ),
    # Ids.
    Case("reserve a number id beyond bigint", RESERVE, {"id": TOO_BIG_ID}, "invalid_id"),
    Case("reserve a number id of letters", RESERVE, {"id": "abc"}, "invalid_id"),
    Case("rename flow id -1", RENAME_FLOW, {"id": "-1"}, "invalid_id"),
    Case("flow id beyond bigint", "query($id:ID!){flow(id:$id){id}}", {"id": TOO_BIG_ID}, "invalid_id"),
    Case("number id with exponent", "query($id:ID!){number(id:$id){id}}", {"id": "1e5"}, "invalid_id"),
    Case(
        "number id in Arabic-Indic digits", "query($id:ID!){number(id:$id){id}}", {"id": "١٢"}, "invalid_id"
    ),
    Case("number id with underscores", "query($id:ID!){number(id:$id){id}}", {"id": "1_0"}, "invalid_id"),
    # Oversized strings.
    Case("flow name of 1 MB", CREATE_FLOW, {"n": "流" * MB}, "too_long"),
    Case("token name of 1 MB", TOKEN, {"n": "x" * MB}, "required"),
    Case(
        "caller list of 1 MB", CALLER_LIST, lambda ids: {"n": ids.number, "t": "1" * MB}, "list_entry_invalid"
    ),
    # Black/white list entries no caller can match (R15).
    *(
        Case(
            f"caller list entry {entry}",
            CALLER_LIST,
            lambda ids, e=entry: {"n": ids.number, "t": e},
            "list_entry_invalid",
        )
        for entry in ("01380013800", "0138001380", "01912345678", "01112345678", "010123456789", "*1234")
    ),
    Case("text prompt of 1 MB", TEXT_PROMPT, {"t": "您好" * (MB // 2)}, "text_too_long"),
    Case("import 1 MB of garbage numbers", IMPORT_NUMBERS, {"t": "x" * MB}, "invalid_line", "operator"),
    Case("holiday name of 1 MB", HOLIDAY, {"n": "节" * MB}, "too_long", "operator"),
    # Integers out of range.
    Case("negative price", PRICE, {"p": -1}, "invalid_price", "operator"),
    Case("voicemail kept 0 days", RETENTION, {"d": 0}, "invalid_retention"),
    Case("voicemail kept 10 years", RETENTION, {"d": 3650}, "invalid_retention"),
    # Money: recharges and adjustments.
    Case("recharge of 0 fen", RECHARGE, money(f=0), "invalid_amount", "operator"),
    Case("recharge of -1 fen", RECHARGE, money(f=-1), "invalid_amount", "operator"),
    Case("recharge of a billion yuan", RECHARGE, money(f=2**31 - 1), "invalid_amount", "operator"),
    Case("recharge reference of 1 MB", RECHARGE, money(r="x" * MB), "required", "operator"),
    Case("recharge reference with NUL", RECHARGE, money(r="a\x00b"), "required", "operator"),
    Case("recharge of an unknown account", RECHARGE, money(a="99999"), "not_found", "operator"),
    Case("recharge account id of letters", RECHARGE, money(a="abc"), "invalid_id", "operator"),
    Case("recharge by a customer", RECHARGE, money(), "FORBIDDEN"),
    Case("adjustment of 0 fen", ADJUST, money(f=0), "invalid_amount", "operator"),
    Case("adjustment without a reason", ADJUST, money(r="  "), "required", "operator"),
    Case("adjustment reason of 1 MB", ADJUST, money(r="因" * MB), "required", "operator"),
    Case("adjustment key of 1 MB", ADJUST, money(k="k" * MB), "required", "operator"),
    # Billing contacts.
    Case(
        "contact email of 1 MB",
        CONTACTS,
        lambda ids: {"a": ids.account, "e": "a" * MB, "p": ""},
        "invalid_email",
    ),
    Case(
        "contact email without a domain",
        CONTACTS,
        lambda ids: {"a": ids.account, "e": "a@b", "p": ""},
        "invalid_email",
    ),
    Case(
        "contact phone in Hong Kong",
        CONTACTS,
        lambda ids: {"a": ids.account, "e": "", "p": "+852 2123 4567"},
        "invalid_phone",
    ),
    Case(
        "contact phone of 1 MB",
        CONTACTS,
        lambda ids: {"a": ids.account, "e": "", "p": "1" * MB},
        "invalid_phone",
    ),
    # Rate plans.
    Case("rate plan name of 1 MB", RATE_PLAN, plan(n="资" * MB), "required", "operator"),
    Case("rate plan price of -1", RATE_PLAN, plan(p=-1), "invalid_price", "operator"),
    Case("rate plan increment of 7 s", RATE_PLAN, plan(i=7), "invalid_increment", "operator"),
    Case("rate plan minimum beyond Int", RATE_PLAN, plan(m=2**31), VALIDATION, "operator"),
    # Call reports and allowances (the telephony token).
    Case("call id of 1 MB", REPORT_CALL, report(callId="c" * MB), "invalid_call_id", "telephony"),
    Case("call id with NUL", REPORT_CALL, report(callId="c\x001"), "invalid_call_id", "telephony"),
    Case(
        "call to a non-400 number", REPORT_CALL, report(number="02012345678"), "invalid_number", "telephony"
    ),
    Case(
        "call to a 400 number not in service",
        REPORT_CALL,
        report(number="4001234567"),
        "number_not_in_service",
        "telephony",
    ),
    Case(
        "call ending before it starts",
        REPORT_CALL,
        report(endedAt="2026-12-01T09:00:00+08:00"),
        "invalid_time",
        "telephony",
    ),
    Case(
        "call lasting two days",
        REPORT_CALL,
        report(endedAt="2026-12-03T10:00:00+08:00"),
        "invalid_time",
        "telephony",
    ),
    Case(
        "call time without a zone",
        REPORT_CALL,
        report(startedAt="2026-12-01T10:00:00"),
        "invalid_time",
        "telephony",
    ),
    Case(
        "unanswered call with an answer time",
        REPORT_CALL,
        report(disposition="BUSY"),
        "invalid_disposition",
        "telephony",
    ),
    Case("caller of 1 MB", REPORT_CALL, report(caller="1" * MB), "invalid_caller", "telephony"),
    Case(
        "10,000 forwarding attempts",
        REPORT_CALL,
        report(attempts=[{"phone": "13800138000", "outcome": "BUSY"}] * 10_000),
        "too_many_attempts",
        "telephony",
    ),
    Case("batch of 501 calls", REPORT_CALLS, {"c": [report()["c"]] * 501}, "batch_too_large", "telephony"),
    Case("allowance of a non-400 number", ALLOWANCE, {"n": "1" * MB}, "invalid_number", "telephony"),
    Case("call list caller of 1 MB", CALL_LIST, {"c": "1" * MB}, "invalid_caller"),
    Case("call list since year 1", CALL_LIST, {"s": "0001-01-01T00:00:00+00:00"}, "invalid_time"),
    # Requests refused before GraphQL, and file routes.
    Case(
        "JSON body of 100 MB",
        "",
        raw_body=lambda: b'{"query":"{me{isOperator}}","x":"' + b"x" * (100 * MB) + b'"}',
        expect="HTTP 413",
        role="anonymous",
    ),
    Case(
        "upload of 50 MB before signing in",
        "",
        raw_body=lambda: UPLOAD_HEAD + b"\x00" * (50 * MB) + b"\r\n--b--\r\n",
        content_type="multipart/form-data; boundary=b",
        expect="HTTP 401",
        role="anonymous",
    ),
    Case("body not UTF-8", "", raw_body=b'{"query":"{me{isOperator}}","x":"\xff"}', expect="HTTP 400"),
    Case(
        "variables nested 100,000 deep",
        "",
        raw_body=b'{"query":"{me{isOperator}}","variables":{"v":' + nested_text(100_000).encode() + b"}}",
        expect="HTTP 400",
        role="anonymous",
    ),
    Case("media id beyond bigint", "", path=f"/media/{TOO_BIG_ID}/wav", expect="HTTP 404", role="anonymous"),
    Case(
        "recording id beyond bigint",
        "",
        path=f"/recordings/{TOO_BIG_ID}/wav",
        expect="HTTP 404",
        role="anonymous",
    ),
    Case("document id beyond bigint", "", path=f"/documents/{TOO_BIG_ID}", expect="HTTP 404"),
    # Signed-link expiries: ASCII digits only ("²" and "①" pass str.isdigit(), then int() refuses them).
    *(
        Case(
            f"{kind} link expiring at {shown}",
            "",
            path=f"/{kind}/1/wav?expires={raw}&signature=x",
            expect="HTTP 404",
            role="anonymous",
        )
        for kind in ("media", "recordings")
        for shown, raw in (("²", "%C2%B2"), ("①", "%E2%91%A0"), ("5,000 digits", "9" * 5000))
    ),
    # The web app's files: names no file can have are simply not found.
    Case("web file with a NUL byte", "", path="/favicon.svg%00.html", expect="HTTP 404", role="anonymous"),
    Case("GraphiQL page with a NUL byte", "", path="/graphiql.html%00", expect="HTTP 404", role="anonymous"),
    Case("asset name of 5,000 characters", "", path=f"/assets/{'a' * 5000}.js", expect="HTTP 404"),
    Case(
        "calls CSV, number id beyond bigint", "", path=f"/calls.csv?numberId={TOO_BIG_ID}", expect="HTTP 400"
    ),
    Case("calls CSV, time of garbage", "", path="/calls.csv?since=yesterday", expect="HTTP 400"),
    Case("calls CSV, unknown disposition", "", path="/calls.csv?disposition=x", expect="HTTP 400"),
]


async def _snapshot() -> dict[str, list[str]]:
    """Every row of every table, to prove a refused request wrote nothing."""
    tables: dict[str, list[str]] = {}
    for model in Tortoise.apps["models"].values():
        if model._meta.db_table == "aerich":
            continue
        rows = await model.all().values()
        tables[model._meta.db_table] = sorted(repr(sorted(r.items())) for r in rows)
    return tables


def _codes(body: dict[str, Any]) -> list[str]:
    """Every user-error code in a GraphQL response: in ``UserErrors`` results and top-level errors."""
    codes = [str((e.get("extensions") or {}).get("code")) for e in body.get("errors") or []]
    for result in (body.get("data") or {}).values():
        if isinstance(result, dict) and result.get("__typename") == "UserErrors":
            codes += [e["code"] for e in result["errors"]]
    return codes


async def _send(client: Client, case: Case, ids: Ids) -> tuple[int, dict[str, Any] | None]:
    """The status and JSON body of the case's request; an exception escaping the app counts as a 500."""
    try:
        if case.path is not None:
            response = await client.http.get(case.path)
        elif case.raw_body is not None:
            body = case.raw_body() if callable(case.raw_body) else case.raw_body
            response = await client.http.post(
                "/graphql", content=body, headers={"content-type": case.content_type}
            )
            del body
        else:
            variables = case.variables(ids) if callable(case.variables) else case.variables
            document = case.document(ids) if callable(case.document) else case.document
            response = await client.http.post("/graphql", json={"query": document, "variables": variables})
    except Exception:
        return 500, None
    try:
        return response.status_code, response.json()
    except ValueError:
        return response.status_code, None


def _verdict(case: Case, status: int, body: dict[str, Any] | None) -> str | None:
    """What is wrong with the answer to ``case``, or None."""
    if status >= 500:
        return f"HTTP {status}"
    if body is not None and "INTERNAL" in json.dumps(body):
        return f"masked internal error: {body}"
    if case.expect.startswith("HTTP "):
        return None if status == int(case.expect[5:]) else f"HTTP {status}, expected {case.expect}"
    if body is None:
        return f"no JSON body (HTTP {status})"
    if case.expect == PAGE_OR_INVALID_CURSOR:
        page = not body.get("errors") and body.get("data")
        return None if page or "invalid_cursor" in _codes(body) else f"neither a page nor refused: {body}"
    if case.expect == VALIDATION:
        request_error = body.get("data") is None and all("path" not in e for e in body.get("errors") or [{}])
        return None if request_error and body.get("errors") else f"not a request error: {body}"
    codes = _codes(body)
    return None if case.expect in codes else f"codes {codes}, expected {case.expect!r}"


async def test_bad_input_catalogue(env: Env) -> None:
    customer, operator = await env.customer("acme"), await env.operator()
    number = await active_number(customer)
    flow = (await customer.data('mutation{createFlow(name:"流程"){... on Flow{id}}}'))["createFlow"]["id"]
    await import_numbers("4006000001", Actor(label="test"))
    held = await Number.get(number="4006000001")
    reserved = await customer.data(RESERVE, {"id": str(held.id)})
    account = (await customer.data("{me{account{id}}}"))["me"]["account"]["id"]
    ids = Ids(flow=flow, number=number, reservation=reserved["reserveNumber"]["id"], account=account)
    clients = {
        "anonymous": env.anonymous(),
        "customer": customer,
        "operator": operator,
        "telephony": telephony(env, await service_token(env)),
    }
    await clients["telephony"].gql("{me{isTelephony}}")  # its first use stamps the token's last use

    failures = []
    for case in CASES:
        before = await _snapshot()
        status, body = await _send(clients[case.role], case, ids)
        problem = _verdict(case, status, body)
        if problem is None and await _snapshot() != before:
            problem = "rows were written"
        if problem is not None:
            failures.append(f"{case.name}: {problem[:300]}")
    assert not failures, "\n".join(failures)

    # The service still answers after the whole catalogue.
    assert (await customer.data("{me{user{login}}}")) == {"me": {"user": {"login": "acme"}}}
    assert (await operator.data("{accounts{totalCount}}"))["accounts"]["totalCount"] == 1
