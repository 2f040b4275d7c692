from tortoise import BaseDBAsyncClient

from api.migrate import dialect_sql

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_UP, postgres=_POSTGRES_UP)


async def downgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_DOWN, postgres=_POSTGRES_DOWN)


_SQLITE_UP = """
        CREATE TABLE IF NOT EXISTS "accounts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "balance_fen" BIGINT NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* An enterprise customer (终端用户); a prospect's account owns no number yet. */;
CREATE TABLE IF NOT EXISTS "users" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "login" VARCHAR(120) NOT NULL UNIQUE,
    "display_name" VARCHAR(100) NOT NULL,
    "password_hash" VARCHAR(200) NOT NULL,
    "role" VARCHAR(16) NOT NULL /* OPERATOR: operator\nCUSTOMER: customer */,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "account_id" INT REFERENCES "accounts" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "api_tokens" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "prefix" VARCHAR(16) NOT NULL,
    "scope" VARCHAR(16) NOT NULL /* USER: user\nTELEPHONY: telephony */,
    "created_at" TIMESTAMP NOT NULL,
    "last_used_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "user_id" INT REFERENCES "users" ("id") ON DELETE CASCADE
) /* A bearer token for scripts or the telephony layer; stored hashed, shown once at creation. */;
CREATE TABLE IF NOT EXISTS "sessions" (
    "id" VARCHAR(64) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
) /* A web session; the cookie holds a random token, the table only its SHA-256. */;
CREATE INDEX IF NOT EXISTS "idx_sessions_expires_6bcc94" ON "sessions" ("expires_at");
CREATE TABLE IF NOT EXISTS "grade_prices" (
    "grade" VARCHAR(16) NOT NULL PRIMARY KEY /* AAAA: aaaa\nABCD: abcd\nAABB: aabb\nABAB: abab\nAAA: aaa\nEIGHTS: eights\nORDINARY: ordinary */,
    "price_fen" BIGINT NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* An operator's price for a 靓号 grade, in fen (the ordinary grade is free: R5). */;
CREATE TABLE IF NOT EXISTS "holiday_overrides" (
    "day" DATE NOT NULL PRIMARY KEY,
    "workday" INT NOT NULL,
    "name" VARCHAR(50) NOT NULL
) /* Operator-entered holiday or make-up workday for years the bundled calendar does not cover. */;
CREATE TABLE IF NOT EXISTS "numbers" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "number" VARCHAR(10) NOT NULL UNIQUE,
    "carrier" VARCHAR(16) NOT NULL /* UNICOM: unicom\nMOBILE: mobile\nTELECOM: telecom */,
    "grade" VARCHAR(16) NOT NULL /* AAAA: aaaa\nABCD: abcd\nAABB: aabb\nABAB: abab\nAAA: aaa\nEIGHTS: eights\nORDINARY: ordinary */,
    "status" VARCHAR(16) NOT NULL /* AVAILABLE: available\nRESERVED: reserved\nAPPLIED: applied\nACTIVE: active\nSUSPENDED: suspended\nRECLAIMED: reclaimed */,
    "status_changed_at" TIMESTAMP NOT NULL,
    "available_from" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "account_id" INT REFERENCES "accounts" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_numbers_carrier_771763" ON "numbers" ("carrier");
CREATE INDEX IF NOT EXISTS "idx_numbers_grade_f3535d" ON "numbers" ("grade");
CREATE INDEX IF NOT EXISTS "idx_numbers_status_754880" ON "numbers" ("status");
CREATE TABLE IF NOT EXISTS "number_events" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "from_status" VARCHAR(16) /* AVAILABLE: available\nRESERVED: reserved\nAPPLIED: applied\nACTIVE: active\nSUSPENDED: suspended\nRECLAIMED: reclaimed */,
    "to_status" VARCHAR(16) NOT NULL /* AVAILABLE: available\nRESERVED: reserved\nAPPLIED: applied\nACTIVE: active\nSUSPENDED: suspended\nRECLAIMED: reclaimed */,
    "actor_label" VARCHAR(120) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "at" TIMESTAMP NOT NULL,
    "actor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "number_id" INT NOT NULL REFERENCES "numbers" ("id") ON DELETE CASCADE
) /* One state transition: who, when, why. Never updated or deleted. */;
CREATE INDEX IF NOT EXISTS "idx_number_even_at_fb45b9" ON "number_events" ("at");
CREATE TABLE IF NOT EXISTS "reservations" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "ended_at" TIMESTAMP,
    "end_reason" VARCHAR(16) /* RELEASED: released\nEXPIRED: expired\nCONTRACTED: contracted\nREVOKED: revoked */,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    "number_id" INT NOT NULL REFERENCES "numbers" ("id") ON DELETE CASCADE,
    "user_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_reservation_expires_cb98ec" ON "reservations" ("expires_at");
CREATE INDEX IF NOT EXISTS "idx_reservation_ended_a_3e71f3" ON "reservations" ("ended_at");
CREATE TABLE IF NOT EXISTS "applications" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* SUBMITTED: submitted\nAPPROVED: approved\nREJECTED: rejected\nWITHDRAWN: withdrawn */,
    "company_name" VARCHAR(200) NOT NULL,
    "credit_code" VARCHAR(18) NOT NULL,
    "legal_rep_name" VARCHAR(50) NOT NULL,
    "contact_name" VARCHAR(50) NOT NULL,
    "contact_phone" VARCHAR(20) NOT NULL,
    "bound_numbers" JSON NOT NULL,
    "reject_reason" VARCHAR(500),
    "reviewed_at" TIMESTAMP,
    "submitted_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    "number_id" INT NOT NULL REFERENCES "numbers" ("id") ON DELETE CASCADE,
    "reservation_id" INT NOT NULL REFERENCES "reservations" ("id") ON DELETE CASCADE,
    "reviewed_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_application_status_594257" ON "applications" ("status");
CREATE TABLE IF NOT EXISTS "documents" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(32) NOT NULL /* BUSINESS_LICENCE: business_licence\nLEGAL_REP_ID_FRONT: legal_rep_id_front\nLEGAL_REP_ID_BACK: legal_rep_id_back\nAPPLICATION_FORM: application_form\nNETWORK_ACCESS_AGREEMENT: network_access_agreement */,
    "filename" VARCHAR(200) NOT NULL,
    "content_type" VARCHAR(50) NOT NULL,
    "size_bytes" INT NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "path" VARCHAR(300) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "replaced_at" TIMESTAMP,
    "application_id" INT NOT NULL REFERENCES "applications" ("id") ON DELETE CASCADE
) /* A stored scan; the bytes live under the data directory, the row keeps path and checksum. */;
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""

_POSTGRES_UP = """
        CREATE TABLE IF NOT EXISTS "accounts" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "balance_fen" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "accounts" IS 'An enterprise customer (终端用户); a prospect''s account owns no number yet.';
CREATE TABLE IF NOT EXISTS "users" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "login" VARCHAR(120) NOT NULL UNIQUE,
    "display_name" VARCHAR(100) NOT NULL,
    "password_hash" VARCHAR(200) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT REFERENCES "accounts" ("id") ON DELETE RESTRICT
);
COMMENT ON COLUMN "users"."role" IS 'OPERATOR: operator\nCUSTOMER: customer';
CREATE TABLE IF NOT EXISTS "api_tokens" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "prefix" VARCHAR(16) NOT NULL,
    "scope" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "user_id" INT REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "api_tokens"."scope" IS 'USER: user\nTELEPHONY: telephony';
COMMENT ON TABLE "api_tokens" IS 'A bearer token for scripts or the telephony layer; stored hashed, shown once at creation.';
CREATE TABLE IF NOT EXISTS "sessions" (
    "id" VARCHAR(64) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_sessions_expires_6bcc94" ON "sessions" ("expires_at");
COMMENT ON TABLE "sessions" IS 'A web session; the cookie holds a random token, the table only its SHA-256.';
CREATE TABLE IF NOT EXISTS "grade_prices" (
    "grade" VARCHAR(16) NOT NULL PRIMARY KEY,
    "price_fen" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "grade_prices"."grade" IS 'AAAA: aaaa\nABCD: abcd\nAABB: aabb\nABAB: abab\nAAA: aaa\nEIGHTS: eights\nORDINARY: ordinary';
COMMENT ON TABLE "grade_prices" IS 'An operator''s price for a 靓号 grade, in fen (the ordinary grade is free: R5).';
CREATE TABLE IF NOT EXISTS "holiday_overrides" (
    "day" DATE NOT NULL PRIMARY KEY,
    "workday" BOOL NOT NULL,
    "name" VARCHAR(50) NOT NULL
);
COMMENT ON TABLE "holiday_overrides" IS 'Operator-entered holiday or make-up workday for years the bundled calendar does not cover.';
CREATE TABLE IF NOT EXISTS "numbers" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "number" VARCHAR(10) NOT NULL UNIQUE,
    "carrier" VARCHAR(16) NOT NULL,
    "grade" VARCHAR(16) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "status_changed_at" TIMESTAMPTZ NOT NULL,
    "available_from" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT REFERENCES "accounts" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_numbers_carrier_771763" ON "numbers" ("carrier");
CREATE INDEX IF NOT EXISTS "idx_numbers_grade_f3535d" ON "numbers" ("grade");
CREATE INDEX IF NOT EXISTS "idx_numbers_status_754880" ON "numbers" ("status");
COMMENT ON COLUMN "numbers"."carrier" IS 'UNICOM: unicom\nMOBILE: mobile\nTELECOM: telecom';
COMMENT ON COLUMN "numbers"."grade" IS 'AAAA: aaaa\nABCD: abcd\nAABB: aabb\nABAB: abab\nAAA: aaa\nEIGHTS: eights\nORDINARY: ordinary';
COMMENT ON COLUMN "numbers"."status" IS 'AVAILABLE: available\nRESERVED: reserved\nAPPLIED: applied\nACTIVE: active\nSUSPENDED: suspended\nRECLAIMED: reclaimed';
CREATE TABLE IF NOT EXISTS "number_events" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "from_status" VARCHAR(16),
    "to_status" VARCHAR(16) NOT NULL,
    "actor_label" VARCHAR(120) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "actor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "number_id" INT NOT NULL REFERENCES "numbers" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_number_even_at_fb45b9" ON "number_events" ("at");
COMMENT ON COLUMN "number_events"."from_status" IS 'AVAILABLE: available\nRESERVED: reserved\nAPPLIED: applied\nACTIVE: active\nSUSPENDED: suspended\nRECLAIMED: reclaimed';
COMMENT ON COLUMN "number_events"."to_status" IS 'AVAILABLE: available\nRESERVED: reserved\nAPPLIED: applied\nACTIVE: active\nSUSPENDED: suspended\nRECLAIMED: reclaimed';
COMMENT ON TABLE "number_events" IS 'One state transition: who, when, why. Never updated or deleted.';
CREATE TABLE IF NOT EXISTS "reservations" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "ended_at" TIMESTAMPTZ,
    "end_reason" VARCHAR(16),
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    "number_id" INT NOT NULL REFERENCES "numbers" ("id") ON DELETE CASCADE,
    "user_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_reservation_expires_cb98ec" ON "reservations" ("expires_at");
CREATE INDEX IF NOT EXISTS "idx_reservation_ended_a_3e71f3" ON "reservations" ("ended_at");
COMMENT ON COLUMN "reservations"."end_reason" IS 'RELEASED: released\nEXPIRED: expired\nCONTRACTED: contracted\nREVOKED: revoked';
CREATE TABLE IF NOT EXISTS "applications" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "company_name" VARCHAR(200) NOT NULL,
    "credit_code" VARCHAR(18) NOT NULL,
    "legal_rep_name" VARCHAR(50) NOT NULL,
    "contact_name" VARCHAR(50) NOT NULL,
    "contact_phone" VARCHAR(20) NOT NULL,
    "bound_numbers" JSONB NOT NULL,
    "reject_reason" VARCHAR(500),
    "reviewed_at" TIMESTAMPTZ,
    "submitted_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    "number_id" INT NOT NULL REFERENCES "numbers" ("id") ON DELETE CASCADE,
    "reservation_id" INT NOT NULL REFERENCES "reservations" ("id") ON DELETE CASCADE,
    "reviewed_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_application_status_594257" ON "applications" ("status");
COMMENT ON COLUMN "applications"."status" IS 'SUBMITTED: submitted\nAPPROVED: approved\nREJECTED: rejected\nWITHDRAWN: withdrawn';
CREATE TABLE IF NOT EXISTS "documents" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(32) NOT NULL,
    "filename" VARCHAR(200) NOT NULL,
    "content_type" VARCHAR(50) NOT NULL,
    "size_bytes" INT NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "path" VARCHAR(300) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "replaced_at" TIMESTAMPTZ,
    "application_id" INT NOT NULL REFERENCES "applications" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "documents"."kind" IS 'BUSINESS_LICENCE: business_licence\nLEGAL_REP_ID_FRONT: legal_rep_id_front\nLEGAL_REP_ID_BACK: legal_rep_id_back\nAPPLICATION_FORM: application_form\nNETWORK_ACCESS_AGREEMENT: network_access_agreement';
COMMENT ON TABLE "documents" IS 'A stored scan; the bytes live under the data directory, the row keeps path and checksum.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""

_SQLITE_DOWN = """
        """

_POSTGRES_DOWN = """
        """

MODELS_STATE = (
    "eJztXftz2joW/lc0/HJ7Z2inISHJpTs7Y4jbcksgY0jvY9nxCFuAN0b2le2k7N387yv5gd"
    "+OzSvGcX9oqaQjy9/R63znSP67sdJkpBofOEnSLGw2OuDvBoYrRH9Es5qgAXXdz2AJJpyp"
    "dlnoFLIT4cwwCZRYZXOoGogmyciQiKKbioZZaQ4DhE1EdKIYCEiWYWorRMC7qXWFpGv6N0"
    "Rz+ne7RX9fts6vfv4EINCJZuhIMn8ygPs0oD1hA2ANYGs1o/JrZH5gDZA1ibZAwYsjPMvC"
    "yl8WEk1tgcwlIvSJ//o3TVawjH4gw/uv/iDOFaTKIXwVmVVgp4vmWrfT+tj8bBdkrzETJU"
    "21VtgvrK/NpYY3pRVHLQuEEYEmYtWbxGKAY0tVXd14OnBa6hdxmhiQkdEcWipTG5N2GuCn"
    "NURxOJqIY34iio2YSj2JAPJukqRh1h0U1jnY2y9YE963zi6uLq7PLy+uaRG7mZuUq2fn0T"
    "4wjqANz3DSeLbzoQmdEjbGPqj2vzFYe0tIknH1ykeQpU2OIuvhmAWtl+Bj64+AY4C7gj9E"
    "FeGFuWSIfvyYAeV3Tuh95YR3tNTP7JEaHbLOWB66WS0nj+Ht4zuDKsQSEucIx2HuKovUDh"
    "wRfLkn7wvvj4ftyb+0WufnV62P55fX7Yurq/b1x02Xjmdl9e1u/wvr3iFVeP3dx18iiOEj"
    "QjMO/w3NMZUVSlZAWDKCv+yKfvB+nGLvpy8oj7C6dqe0DKwn/Vt+POFu79jjVobxl2rjx0"
    "14ltOyU9eR1HeXkXGyqQT81p98Bey/4M/RkLfh1QxzQewn+uUmfzZYm6BlaiLWnkQoB2Zf"
    "L9VD7ZmtG/OHwCTHEmZQeniCRBZDOX73sAxEjISB6Yp9/iYgFdrAxvuAu97f0ypyaN9tdl"
    "mU/+x1dy/V7wSBxcFeu3fEZ2hXUlGEaJdF5NFGYEeYBL+mE5xLcoFFt8OqIu0DLM6vqUpg"
    "sRlLa2lpc1g8a9VaRVMghgv7ldiz2ZM2kCkT7QHhRpLJ4uVl2yy6QvfttFheqwXMECR072"
    "8LgblGgJNvAPqT7v6BiVSkU/WugQrXiHwC1NggSAZLaCyR3ATGkloRQKPbIABNYC/ItO4E"
    "m+WQT6otltpiKc3UEbZYznJZLGcZFstZ3GKxx5DIBkYRlMNS+8H6dbtxCOnLixxAX16k4s"
    "yywjDrBM2VH0Ug9iWq2JUv8/TkqEkR6MiXUYANSdNTJgqebmxtjPu0RczKjmG9ES4z1I37"
    "MS90ALNhpnjCD/i7r6PhHx1/sYsulK+jiNoET4e+WiZ4UOsqNEyRds1t9B6V3YPmy2lcll"
    "3RHiaZmibokS7+2+g5LFlrucxa9ubi2VosZNbE5LZiskum2P3YOGEashisAYkaUAfQGAEc"
    "xjcO7meNIGWBv6F1bDP4Fqhemkzg04a2CHYp+ur0hZHp7Ji5cY+74Rsp00GN6wu4xmbAEL"
    "q0FWB4Pxg0ntP9FYfkBcfIMJwXj9GCXlYzixU0nEK5OcEnNAOuzCebmpM07UFBYKnR1gII"
    "CMSytnKYvKbD3bFHAY3ukoFiGmD8lXvfal8msYB7rXvPvF+6XZ84i9eUiUeZpDOBtWGZro"
    "rqGpboh67Q2rbQeljyOFo/5vg7ESXnMjeOvyMu3RCu0pa4bODubU/8Ops2G/WEHZunjfTt"
    "2ibg5cW9WjqWtUe0XB5RVVsoCdGF6TvOjUDlNp1nrVwe0VaGR7QV84jKiqGrcC0W9TxH5c"
    "rsSyqTB1qHhvGk0TmyqBM6JlhBxA8SpUw0dWtXqSdbZqwbozte4CYjoQM0nbVHI1Pcux9P"
    "RrfMg+qdciiHv1ShFopkKo8JGulqFGyIU5bLoFxEGzMqeCh1eLP9cS2a7mg0CBkz3X4kGH"
    "x4f9vlKfY29LSQ4mzd6hjxmkdgVbgHlYoZmWGh2vPyopkJ/dNwO1qagXN1p4VwXlsz3LdC"
    "5qZAO7vQ702y7M34fOYH6+4Sae2HBlcD9niwYw1RFkRBB8/2IAV8SSe2BBY4KSOiR+Qe6t"
    "31vAzPaqpoj3qtQzOnidWjgp7YFvOVDs+cCmiHpFu/ECijO6JIqJFAugZym1nU64KVE3VW"
    "MP+5f89c/ckAtqR9uAWCqfXLVft8arXP51fArrgJFAzmCIN3zK+tEVnBkKydPKAYYE4Q6g"
    "Ch/XPikf8DPWYHptiucVtOYiNcXoKzwdE/HQDpnynmur0b+nsmyfQ31+2y9NmMpXPs9wyy"
    "327xKeb7X75Oxh1A989L05jikXDTH3LCH52NPl6TyEjnqe2eVfwkfEisSq69Ix+Ft3R5S5"
    "ojLFnTHGWhORI86Zu1MOdR+EMum181VZHhevSICFHkxLUzWiRzAV06hUXNLZ1zFR25a9t7"
    "+14bdujTqYedDV3BB/Te0sGTRh5YElv21ggSw44Om1lYVqmABOksKUMCZA2xS21MILE2xF"
    "fSwz5qh9WUPjB50Kd4rpziWSO9LOvoPrhkNk5fWLtcrRWk5ANSRyTkXwfEPRLy5T/i22gc"
    "aiUK7cnaeXx97XRXX9v29JVkOXAvAklYBfwrQtIn/8BdJHXoykl5B7KmVbzRfO6xvpEor2"
    "23dTBFrliKjFCK2NFbSDdKafi+bEYHxA81te7Dkr4f9nuj2w6gj5G01RTfjrr9Ad8BK22m"
    "qMg5Gm0XYAejaYlyuPnLRHAcRi9VZTgCvhETmlYCHZvzkoGNdKm1+J3rD7guG1DwESr206"
    "dY4Me88J2nOnXYfMT0enc36LMkm6u2U3qT/ncmaMelTPH4fnzHD29YGcMydGrpsFIC3xtw"
    "1NK1K5NUSE0MuUz6FaUlxIutmJPECipIoJwuYZIQGOL1cnFOnMWiiMbj0vW59jJruw7+Sp"
    "9dT5MVrYO/6uCv0iB89OCv44eglG3aKnUMykmCVV/c+orBJ8HBmMqdbsbqSwRqIEQth+cM"
    "I8AsGETfEmJDYekd8LTUmvQvdoXC03L9AQxplQS4PmLm6XKmLjnBPbZ7fTWBWy4Clxk54m"
    "40SKSKrbiQ46z6b5oLobvp3fQcqqDUp8XespppuzUi0ldGahG3TESszOrd1jtziKPF1MI2"
    "tEJnt32JCnq787m7s/zdMYSL8zr19TDlZ+2c6aYge+OL1NxNQtCNYx8UwjQkU6XQ3EMxYm"
    "nxDoUJsdxf1SkbwHkJsVDXevk+Snt07wHXal9FGZwDS3ULZZBESyA5IhxbOskRpfXqULGT"
    "mjmbGUxD7ah7Ezu7+nrHN6FlRoNso+OA3FHiKmoFb61gMYvceJkuDNdQZlZY4Ac8N3a4PJ"
    "W2mBF8/O93fYElObMSTemNhhOB601YIlW8vS1xqMDvo2+OsP01jLLQgK8TIFG2pbW2sk8B"
    "1fr7GTVtcZS1ef+0xfEjpE4V2owQqURs64++7HDBdR5CqA4QKkWAUBCyBO4sgmjW953DSq"
    "y5s5NavpsZ3NlbOKc0vu/e9icTJ9BitlJM0w3QEEbf3QgNoj06FtevvGOHEfQf5FhhzCK+"
    "Ebjfhh3wpJhLmU6SuByWmKStdIiL3z4elatgSMZB7sKWqLWumBTItNOZqSRzUKyCaJ9d5+"
    "na1+ld+zoKtYoWUBUJ0gt37rhkBQHfz+0P4bkEm3RF32IuCcvVYBcAm32Keyu0N4IVhDtX"
    "MF1GLF08lG5GjUNZDFwTEob71/FomAx3TDDqWFAkE/wPqIpxMOu68Y+5hSWGKJhZimoq2P"
    "jAnvfPxmENlSTwGVAhL4MH+rtb7veoPnqDUTfqPmAVdGNxjmyjlekRSAt3jAiW2BFQprBH"
    "/97Ybb7KHRStjy+X2c+2MXW2uZwgIltHRpRa1fX9nW9CzbXntfa8ng6qgYDLYtDGBWt8E/"
    "F1N2Obr8fnxjcqWPu5S3lhRdl68KHcsXUMwYFiCEg4OH5HdKt5nUUU4vjqkwfnzYy6B5yr"
    "HVYQX312iC6gzbJWu99qc+NWU6FufdC4gg1eCUEFQSzTIwpCisvxuRtgmBq7Nd+QIP7kXI"
    "u/NpEBVOURAYtCT+xE5uYGskIQO820btppRHsCDwjpBtChuQQQy0BaIunBsFYJH7w54IPq"
    "0IdyhT480NdKJpxfDnzwZMvsf2l078f9IT8ei4N+jx/2+A6YWYaCkWGIqiIh+l5TPOC/cA"
    "NR4O/E/o34WRgNJx3gu1AVmd1Vic1IuS7X+xYpxiYW99KLHjfpj4bi55Fw695+4YQOiXON"
    "rKZ4yE9+GwnfRK7XY23jvgg8f8uz52Jkss8iiHT/yNoIFwQhbyopSp2ft3Iw5+etVOKcZY"
    "XtrblCKy/oHQ3KlLmrlCrKgvY3qnQHqAJYR+UqiPf+PdGG8l8k2itcgQUmLFSTMwnkjLGE"
    "rfZlke7rS1Sw415e5Oi4lxepHZdlhQFmW6wi8HrlKwjuea5Z+DxjFj5PjHWrz1SnoF/dy4"
    "/pZk6F0paxASHROjag1J7EwK68mDcxJlgv/zmcB+GDFrs6ECp5EKYZdSLEeloyD/s6t9Jw"
    "iCjSspF0qMbJaWaep/HL1CdpTmmMNzPopEdEjMQBnr4pDYhUcF/aarfzsAPtdjo7wPKeoy"
    "tXEYTd4hVE9yzXrv8sY9d/lsq9xBFOj5EOiBw/Ovp1tnt7i4OObRmOuZg9/x/LTiGE"
)
