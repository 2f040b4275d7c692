"""Sign-up, sign-in, sessions and tokens."""

from __future__ import annotations

from tests.api.support import PASSWORD, Env

ME = "{me{user{login role} account{name} isOperator isTelephony}}"


async def test_sign_up_creates_account_and_signs_in(env: Env) -> None:
    client = env.anonymous()
    body = await client.gql(
        "mutation($c:String!,$l:String!,$p:String!,$n:String!)"
        "{signUp(companyName:$c,login:$l,password:$p,displayName:$n){__typename ... on Viewer{user{login}}}}",
        {"c": "深圳某某科技有限公司", "l": "Alice@Example.com", "p": PASSWORD, "n": "Alice"},
    )
    assert body["data"]["signUp"] == {"__typename": "Viewer", "user": {"login": "alice@example.com"}}
    me = await client.data(ME)
    assert me["me"]["account"]["name"] == "深圳某某科技有限公司"
    assert me["me"]["user"]["role"] == "CUSTOMER"


async def test_sign_up_reports_every_bad_field_in_chinese(env: Env) -> None:
    body = await env.anonymous().gql(
        'mutation{signUp(companyName:"X",login:"a b",password:"short",displayName:""){... on UserErrors{errors{code field message}}}}'
    )
    errors = body["data"]["signUp"]["errors"]
    assert {(e["code"], e["field"]) for e in errors} == {
        ("invalid_login", "login"),
        ("weak_password", "password"),
        ("required", "displayName"),
    }
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e["message"]) for e in errors)


async def test_wrong_password_is_refused_without_saying_which_part(env: Env) -> None:
    await env.customer("bob")
    for login, password in (("bob", "wrong-password"), ("nobody", PASSWORD)):
        body = await env.anonymous().gql(
            "mutation($l:String!,$p:String!){login(login:$l,password:$p){... on UserErrors{errors{code message}}}}",
            {"l": login, "p": password},
        )
        assert body["data"]["login"]["errors"] == [
            {"code": "invalid_credentials", "message": "登录名或密码错误"}
        ]


async def test_logout_ends_the_session(env: Env) -> None:
    client = await env.customer("carol")
    assert (await client.data(ME))["me"]["user"]["login"] == "carol"
    await client.data("mutation{logout}")
    assert (await client.data(ME))["me"]["user"] is None


async def test_anonymous_callers_must_sign_in(env: Env) -> None:
    body = await env.anonymous().gql("{numbers{edges{node{number}}}}")
    assert body["errors"][0]["message"] == "请先登录"


async def test_user_token_acts_as_its_user_and_revocation_stops_it(env: Env) -> None:
    client = await env.customer("dave")
    created = await client.data(
        'mutation{createApiToken(name:"script"){... on CreatedApiToken{secret token{id}}}}'
    )
    secret = created["createApiToken"]["secret"]
    token_id = created["createApiToken"]["token"]["id"]
    async with env.client(authorization=f"Bearer {secret}") as http:
        response = await http.post("/graphql", json={"query": ME})
        assert response.json()["data"]["me"]["user"]["login"] == "dave"
        await client.data(
            "mutation($id:ID!){revokeApiToken(id:$id){... on ApiToken{revokedAt}}}", {"id": token_id}
        )
        response = await http.post("/graphql", json={"query": ME})
        assert response.status_code == 401
        assert response.json()["errors"][0]["message"] == "访问令牌无效或已撤销"


async def test_telephony_token_is_refused_customer_and_operator_operations(env: Env) -> None:
    operator = await env.operator()
    created = await operator.data(
        'mutation{createServiceToken(name:"asterisk-1"){... on CreatedApiToken{secret token{scope}}}}'
    )
    assert created["createServiceToken"]["token"]["scope"] == "TELEPHONY"
    secret = created["createServiceToken"]["secret"]
    async with env.client(authorization=f"Bearer {secret}") as http:
        for query in (
            "{numbers{edges{node{number}}}}",
            "{availableNumbers{edges{node{number}}}}",
            "{accounts{edges{node{name}}}}",
            'mutation{importNumbers(text:"4001000000"){__typename}}',
            'mutation{createApiToken(name:"x"){__typename}}',
        ):
            body = (await http.post("/graphql", json={"query": query})).json()
            assert body["errors"][0]["message"] == "话务系统令牌不能执行此操作", query
        me = (await http.post("/graphql", json={"query": ME})).json()
        assert me["data"]["me"]["isTelephony"] is True


async def test_customers_cannot_create_service_tokens(env: Env) -> None:
    client = await env.customer("erin")
    body = await client.gql('mutation{createServiceToken(name:"x"){__typename}}')
    assert body["errors"][0]["message"] == "仅限运营人员使用"


async def test_cookie_is_ignored_on_forgeable_form_posts(env: Env) -> None:
    client = await env.customer("frank")
    response = await client.http.post(
        "/graphql",
        files={"operations": (None, '{"query":"{me{user{login}}}"}'), "map": (None, "{}")},
    )
    # Without the cookie nobody is signed in, and a multipart request from nobody is refused unread.
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    response = await client.http.post(
        "/graphql",
        files={"operations": (None, '{"query":"{me{user{login}}}"}'), "map": (None, "{}")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["data"]["me"]["user"]["login"] == "frank"


CHANGE = """mutation($c:String!,$n:String!){changePassword(currentPassword:$c,newPassword:$n){__typename
  ... on User{login} ... on UserErrors{errors{code field message}}}}"""
WHO = "{me{user{login}}}"
NEW_PASSWORD = "a-new-password-400"


async def _signs_in(env: Env, login: str, password: str) -> bool:
    body = await env.anonymous().data(
        "mutation($l:String!,$p:String!){login(login:$l,password:$p){__typename}}",
        {"l": login, "p": password},
    )
    return bool(body["login"]["__typename"] == "Viewer")


async def test_changing_the_password_signs_out_the_other_sessions_only(env: Env) -> None:
    here = await env.customer("liming")
    assert here.user is not None
    elsewhere = await env.login(here.user)
    result = (await here.data(CHANGE, {"c": PASSWORD, "n": NEW_PASSWORD}))["changePassword"]
    assert result == {"__typename": "User", "login": "liming"}
    assert (await here.data(WHO))["me"]["user"] == {"login": "liming"}
    assert (await elsewhere.data(WHO))["me"]["user"] is None
    assert not await _signs_in(env, "liming", PASSWORD)
    assert await _signs_in(env, "liming", NEW_PASSWORD)


async def test_a_refused_password_change_says_why_and_changes_nothing(env: Env) -> None:
    here = await env.customer("zhao")
    assert here.user is not None
    elsewhere = await env.login(here.user)
    for current, new, code, field in [
        ("not-the-password", NEW_PASSWORD, "invalid_credentials", "currentPassword"),
        (PASSWORD, "short", "weak_password", "newPassword"),
        (PASSWORD, "x" * 1000, "password_too_long", "newPassword"),
        (PASSWORD, PASSWORD, "same_password", "newPassword"),
    ]:
        result = (await here.data(CHANGE, {"c": current, "n": new}))["changePassword"]
        assert result["__typename"] == "UserErrors"
        [error] = result["errors"]
        assert (error["code"], error["field"]) == (code, field)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])  # Chinese for the user
    assert await _signs_in(env, "zhao", PASSWORD)
    assert (await elsewhere.data(WHO))["me"]["user"] == {"login": "zhao"}


async def test_only_a_signed_in_user_changes_a_password(env: Env) -> None:
    body = await env.anonymous().gql(CHANGE, {"c": PASSWORD, "n": NEW_PASSWORD})
    assert body["errors"][0]["message"] == "请先登录"
