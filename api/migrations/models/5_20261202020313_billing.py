from tortoise import BaseDBAsyncClient

from api.migrate import dialect_sql

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_UP, postgres=_POSTGRES_UP)


async def downgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_DOWN, postgres=_POSTGRES_DOWN)


_SQLITE_UP = """
        CREATE TABLE IF NOT EXISTS "rate_plans" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(50) NOT NULL UNIQUE,
    "price_per_minute_fen" INT NOT NULL,
    "increment_seconds" INT NOT NULL /* 60: per started minute; 6: per 6 s */,
    "minimum_fen" INT NOT NULL /* least charge of an answered call */,
    "created_at" TIMESTAMP NOT NULL
) /* What forwarded minutes cost (R7): a price per minute, billed per started increment, a minimum. */;
        CREATE TABLE IF NOT EXISTS "job_leases" (
    "name" VARCHAR(64) NOT NULL PRIMARY KEY,
    "holder" VARCHAR(64) NOT NULL,
    "lease_until" TIMESTAMP NOT NULL,
    "last_finished_at" TIMESTAMP
) /* A job's lease: taken by a conditional UPDATE, so exactly one process holds it at a time. */;
        CREATE TABLE IF NOT EXISTS "line_years" (
    "paid_lines" INT NOT NULL,
    "paid_until" TIMESTAMP NOT NULL,
    "number_id" INT NOT NULL PRIMARY KEY REFERENCES "numbers" ("id") ON DELETE CASCADE
) /* R12: the extra 总机 lines of a number paid for the current line year, and when that year ends. */;
CREATE INDEX IF NOT EXISTS "idx_line_years_paid_un_5351b0" ON "line_years" ("paid_until");
        CREATE TABLE IF NOT EXISTS "account_billing" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "notify_email" VARCHAR(120) NOT NULL,
    "notify_phone" VARCHAR(20) NOT NULL,
    "missed_call_numbers" JSON NOT NULL /* numbers whose unanswered calls are texted to notify_phone */,
    "warned" INT NOT NULL,
    "suspended_at" TIMESTAMP,
    "suspended_numbers" JSON NOT NULL,
    "rate_plan_id" INT REFERENCES "rate_plans" ("id") ON DELETE RESTRICT,
    "account_id" INT NOT NULL UNIQUE REFERENCES "accounts" ("id") ON DELETE CASCADE
) /* An account's billing settings and where it stands against the R8 thresholds. */;
CREATE INDEX IF NOT EXISTS "idx_account_bil_suspend_c9ea05" ON "account_billing" ("suspended_at");
        CREATE TABLE IF NOT EXISTS "call_records" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "call_id" VARCHAR(64) NOT NULL UNIQUE,
    "number_text" VARCHAR(10) NOT NULL,
    "caller" VARCHAR(32) NOT NULL,
    "caller_area" VARCHAR(16) NOT NULL,
    "caller_province" VARCHAR(16) NOT NULL,
    "caller_category" VARCHAR(16) NOT NULL,
    "started_at" TIMESTAMP NOT NULL,
    "answered_at" TIMESTAMP,
    "ended_at" TIMESTAMP NOT NULL,
    "disposition" VARCHAR(20) NOT NULL /* ANSWERED: answered\nBUSY: busy\nNO_ANSWER: no_answer\nREFUSED_LIST: refused_list\nREFUSED_AREA: refused_area\nREFUSED_CATEGORY: refused_category\nVOICEMAIL: voicemail\nSUSPENDED: suspended\nFAILED: failed */,
    "attempts" JSON NOT NULL,
    "answered_phone" VARCHAR(20) NOT NULL,
    "media_ref" VARCHAR(100) NOT NULL /* recording or voicemail */,
    "talk_seconds" INT NOT NULL,
    "billed_seconds" INT NOT NULL,
    "charge_fen" BIGINT NOT NULL,
    "report_sha256" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "number_id" INT NOT NULL REFERENCES "numbers" ("id") ON DELETE RESTRICT
) /* A reported call; never updated. ``report_sha256`` tells a retry from a different report. */;
CREATE INDEX IF NOT EXISTS "idx_call_record_account_e2a3bd" ON "call_records" ("account_id", "started_at");
CREATE INDEX IF NOT EXISTS "idx_call_record_number__34b349" ON "call_records" ("number_id", "started_at");
CREATE INDEX IF NOT EXISTS "idx_call_record_account_7accfe" ON "call_records" ("account_id", "created_at");
        CREATE TABLE IF NOT EXISTS "notifications" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "channel" VARCHAR(8) NOT NULL /* EMAIL: email\nSMS: sms\nVOICE: voice */,
    "recipient" VARCHAR(120) NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "template" VARCHAR(32) NOT NULL,
    "dedupe_key" VARCHAR(120) NOT NULL UNIQUE,
    "state" VARCHAR(8) NOT NULL /* PENDING: pending\nSENT: sent\nFAILED: failed */,
    "attempts" INT NOT NULL,
    "next_attempt_at" TIMESTAMP NOT NULL,
    "last_error" VARCHAR(500) NOT NULL,
    "sent_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE
) /* One message on one channel. ``dedupe_key`` is unique, so the event behind it notifies once. */;
CREATE INDEX IF NOT EXISTS "idx_notificatio_state_90bfdc" ON "notifications" ("state", "next_attempt_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_account_7ff075" ON "notifications" ("account_id", "created_at");
        CREATE TABLE IF NOT EXISTS "statements" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "month" DATE NOT NULL /* the first day of the month */,
    "opening_fen" BIGINT NOT NULL,
    "recharges_fen" BIGINT NOT NULL,
    "call_charges_fen" BIGINT NOT NULL,
    "fees_fen" BIGINT NOT NULL,
    "adjustments_fen" BIGINT NOT NULL,
    "closing_fen" BIGINT NOT NULL,
    "calls" INT NOT NULL,
    "billed_seconds" BIGINT NOT NULL,
    "per_number" JSON NOT NULL,
    "fees" JSON NOT NULL,
    "issued_at" TIMESTAMP NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_statements_account_1294d9" UNIQUE ("account_id", "month")
) /* Totals of one calendar month (Asia\/Shanghai); corrections go into a later month as adjustments. */;
        CREATE INDEX "idx_ledger_entr_account_b23e45" ON "ledger_entries" ("account_id", "created_at");
        -- Until now ledger entries did not move the balance (always 0): it becomes the ledger's sum.
        UPDATE "accounts" SET "balance_fen" = "balance_fen" + COALESCE((SELECT SUM(l."amount_fen") FROM "ledger_entries" l WHERE l."account_id" = "accounts"."id"), 0);"""

_POSTGRES_UP = """
        CREATE TABLE IF NOT EXISTS "rate_plans" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(50) NOT NULL UNIQUE,
    "price_per_minute_fen" INT NOT NULL,
    "increment_seconds" INT NOT NULL,
    "minimum_fen" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "rate_plans"."increment_seconds" IS '60: per started minute; 6: per 6 s';
COMMENT ON COLUMN "rate_plans"."minimum_fen" IS 'least charge of an answered call';
COMMENT ON TABLE "rate_plans" IS 'What forwarded minutes cost (R7): a price per minute, billed per started increment, a minimum.';
        CREATE TABLE IF NOT EXISTS "job_leases" (
    "name" VARCHAR(64) NOT NULL PRIMARY KEY,
    "holder" VARCHAR(64) NOT NULL,
    "lease_until" TIMESTAMPTZ NOT NULL,
    "last_finished_at" TIMESTAMPTZ
);
COMMENT ON TABLE "job_leases" IS 'A job''s lease: taken by a conditional UPDATE, so exactly one process holds it at a time.';
        CREATE TABLE IF NOT EXISTS "line_years" (
    "paid_lines" INT NOT NULL,
    "paid_until" TIMESTAMPTZ NOT NULL,
    "number_id" INT NOT NULL PRIMARY KEY REFERENCES "numbers" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_line_years_paid_un_5351b0" ON "line_years" ("paid_until");
COMMENT ON TABLE "line_years" IS 'R12: the extra 总机 lines of a number paid for the current line year, and when that year ends.';
        CREATE TABLE IF NOT EXISTS "account_billing" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "notify_email" VARCHAR(120) NOT NULL,
    "notify_phone" VARCHAR(20) NOT NULL,
    "missed_call_numbers" JSONB NOT NULL,
    "warned" BOOL NOT NULL,
    "suspended_at" TIMESTAMPTZ,
    "suspended_numbers" JSONB NOT NULL,
    "rate_plan_id" INT REFERENCES "rate_plans" ("id") ON DELETE RESTRICT,
    "account_id" INT NOT NULL UNIQUE REFERENCES "accounts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_account_bil_suspend_c9ea05" ON "account_billing" ("suspended_at");
COMMENT ON COLUMN "account_billing"."missed_call_numbers" IS 'numbers whose unanswered calls are texted to notify_phone';
COMMENT ON TABLE "account_billing" IS 'An account''s billing settings and where it stands against the R8 thresholds.';
        CREATE TABLE IF NOT EXISTS "call_records" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "call_id" VARCHAR(64) NOT NULL UNIQUE,
    "number_text" VARCHAR(10) NOT NULL,
    "caller" VARCHAR(32) NOT NULL,
    "caller_area" VARCHAR(16) NOT NULL,
    "caller_province" VARCHAR(16) NOT NULL,
    "caller_category" VARCHAR(16) NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "answered_at" TIMESTAMPTZ,
    "ended_at" TIMESTAMPTZ NOT NULL,
    "disposition" VARCHAR(20) NOT NULL,
    "attempts" JSONB NOT NULL,
    "answered_phone" VARCHAR(20) NOT NULL,
    "media_ref" VARCHAR(100) NOT NULL,
    "talk_seconds" INT NOT NULL,
    "billed_seconds" INT NOT NULL,
    "charge_fen" BIGINT NOT NULL,
    "report_sha256" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "number_id" INT NOT NULL REFERENCES "numbers" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_call_record_account_e2a3bd" ON "call_records" ("account_id", "started_at");
CREATE INDEX IF NOT EXISTS "idx_call_record_number__34b349" ON "call_records" ("number_id", "started_at");
CREATE INDEX IF NOT EXISTS "idx_call_record_account_7accfe" ON "call_records" ("account_id", "created_at");
COMMENT ON COLUMN "call_records"."disposition" IS 'ANSWERED: answered\nBUSY: busy\nNO_ANSWER: no_answer\nREFUSED_LIST: refused_list\nREFUSED_AREA: refused_area\nREFUSED_CATEGORY: refused_category\nVOICEMAIL: voicemail\nSUSPENDED: suspended\nFAILED: failed';
COMMENT ON COLUMN "call_records"."media_ref" IS 'recording or voicemail';
COMMENT ON TABLE "call_records" IS 'A reported call; never updated. ``report_sha256`` tells a retry from a different report.';
        CREATE TABLE IF NOT EXISTS "notifications" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "channel" VARCHAR(8) NOT NULL,
    "recipient" VARCHAR(120) NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "template" VARCHAR(32) NOT NULL,
    "dedupe_key" VARCHAR(120) NOT NULL UNIQUE,
    "state" VARCHAR(8) NOT NULL,
    "attempts" INT NOT NULL,
    "next_attempt_at" TIMESTAMPTZ NOT NULL,
    "last_error" VARCHAR(500) NOT NULL,
    "sent_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_state_90bfdc" ON "notifications" ("state", "next_attempt_at");
CREATE INDEX IF NOT EXISTS "idx_notificatio_account_7ff075" ON "notifications" ("account_id", "created_at");
COMMENT ON COLUMN "notifications"."channel" IS 'EMAIL: email\nSMS: sms\nVOICE: voice';
COMMENT ON COLUMN "notifications"."state" IS 'PENDING: pending\nSENT: sent\nFAILED: failed';
COMMENT ON TABLE "notifications" IS 'One message on one channel. ``dedupe_key`` is unique, so the event behind it notifies once.';
        CREATE TABLE IF NOT EXISTS "statements" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "month" DATE NOT NULL,
    "opening_fen" BIGINT NOT NULL,
    "recharges_fen" BIGINT NOT NULL,
    "call_charges_fen" BIGINT NOT NULL,
    "fees_fen" BIGINT NOT NULL,
    "adjustments_fen" BIGINT NOT NULL,
    "closing_fen" BIGINT NOT NULL,
    "calls" INT NOT NULL,
    "billed_seconds" BIGINT NOT NULL,
    "per_number" JSONB NOT NULL,
    "fees" JSONB NOT NULL,
    "issued_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_statements_account_1294d9" UNIQUE ("account_id", "month")
);
COMMENT ON COLUMN "statements"."month" IS 'the first day of the month';
COMMENT ON TABLE "statements" IS 'Totals of one calendar month (Asia/Shanghai); corrections go into a later month as adjustments.';
        COMMENT ON COLUMN "ledger_entries"."kind" IS 'RINGBACK_FEE: ringback_fee\nRECHARGE: recharge\nADJUSTMENT: adjustment\nCALL_CHARGE: call_charge\nLINE_FEE: line_fee\nSMS_FEE: sms_fee';
        CREATE INDEX IF NOT EXISTS "idx_ledger_entr_account_b23e45" ON "ledger_entries" ("account_id", "created_at");
        -- Until now ledger entries did not move the balance (always 0): it becomes the ledger's sum.
        UPDATE "accounts" SET "balance_fen" = "balance_fen" + COALESCE((SELECT SUM(l."amount_fen") FROM "ledger_entries" l WHERE l."account_id" = "accounts"."id"), 0);"""

_SQLITE_DOWN = """
        DROP INDEX IF EXISTS "idx_ledger_entr_account_b23e45";
        DROP TABLE IF EXISTS "account_billing";
        DROP TABLE IF EXISTS "notifications";
        DROP TABLE IF EXISTS "rate_plans";
        DROP TABLE IF EXISTS "statements";
        DROP TABLE IF EXISTS "job_leases";
        DROP TABLE IF EXISTS "line_years";
        DROP TABLE IF EXISTS "call_records";"""

_POSTGRES_DOWN = """
        DROP INDEX IF EXISTS "idx_ledger_entr_account_b23e45";
        COMMENT ON COLUMN "ledger_entries"."kind" IS 'RINGBACK_FEE: ringback_fee';
        DROP TABLE IF EXISTS "rate_plans";
        DROP TABLE IF EXISTS "statements";
        DROP TABLE IF EXISTS "line_years";
        DROP TABLE IF EXISTS "job_leases";
        DROP TABLE IF EXISTS "notifications";
        DROP TABLE IF EXISTS "call_records";
        DROP TABLE IF EXISTS "account_billing";"""

MODELS_STATE = (
    "eJztXWtz2ziy/SsofZmkSslN7NjxKltbJTtKohlb8pXkzM6OtmiIhCSOKVBDUHa0e+e/Xz"
    "RISnybpF4Uja2tTEKiQeo0CHSfbjT+W5uZGjHY26aqmgtq1xrovzWKZ4T/JXyrjmp4Pl/f"
    "gAs2HhmiLXYaiYt4xGwLq9DZGBuM8EsaYaqlz23dpNC6SRGhNrHmls4IUhfMNmfEQq+Gi4"
    "9EveB/YjLmf56d8L+fn5x+fP0JYTS3TDYnqv0TQ+7TkPlEGaImoovZiMsvif0WXkAzVf4G"
    "Op3s4VkLqv+5IIptTog9JRZ/4u//5pd1qpEfhHn/nD8oY50YWgBfXYMOxHXFXs7FtTa1v4"
    "iG8DNGimoaixldN54v7alJV611Ry0TQomFbQLd29YCAKcLw3B14+nAedN1E+cVfTIaGeOF"
    "AWoDaecF1tdqitLpDpR+a6AotYhKPQkf8u4l1aQwHHQYHPDrJ/AKb07ef/j44eL0/MMFby"
    "Jec3Xl41/Oo9fAOIICns6g9pe4j23stBAYr0EV/43AejXFVjyuXvsQsvyVw8h6OKZB611Y"
    "Y7v+AvYB7gz/UAxCJ/YUEH33LgXK783e1bdm7xVv9RoeafJP1vmWO+6tE+ce4L3Gd4QNTF"
    "WijAmNwnypTxIHcEjw+ZG8Lbzf7XYk/+3k5PT048m70/OLsw8fP55dvFsN6eittLF92f4K"
    "wzugCm+8r/FXLQL4KNiOwv+Z37H1GYlXQFAyhL/mir71/nKMo5//QK1LjaU7paVgPWjftP"
    "qD5s0tPG7G2J+GwK85aMGdE3F1Gbr66jz0naw6Qb+2B98Q/BP9q9tpCXhNZk8s8cR1u8G/"
    "avBOeGGbCjWfFKz5Zl/vqofaX7BujB98kxxcGGH14QlbmhK4sx4eC0YsFvNhumJffukRAw"
    "tgo2PAXe/veBcZtO++dlmU/5c33L2r60HgWxzE2r0hPh3RSUUR4kOWWI8CgQ1h6q17OsK5"
    "JBNY3Bw2dHUbYDXXPVUVrLFhPm2I0hfeRVXhMYg2IZbCXRVLJxvidC36avGullWFa0Y0HW"
    "+G0g100bbJrKoYWUQ1LY13s/FM7vZTVaBUbBiKg9aGUF3xnhy4qooVNW19vJ1Fr+Prqqpw"
    "MZv/oBlxmbHiWPW9fqoEFDg05omZ5OIEb/koCN0w3NkoHtAuJQOT/5HB7nLIvct1jxW06c"
    "VaqTBi2+lrQXbYxNLZ93VYEdRg+M1OZqEBOcMUT8RbQncgvLLa9YH5QODZUdbcu1dPpc3n"
    "umJDs6zEORoRbBELCSE0Ni3k3GeI/9WeEmQTg8y5ypbIwEtifULMNi2ioSlmU6LVEZuaTx"
    "SZVCUI20hwQrzvGNp8l096njT/XTAZiq7V/i35c8mfH4Q/f5+JP3+fwp+/j/Ln4nNS4BvJ"
    "g3JQajtYH3YYB5A+/5AB6PMPiTjDrSDMc4uM9R95IF5LVHEon2cZyWGC2zeQz8MAM9WcJ0"
    "wULbqYCYzb/I0g5hPBeiVcZqhrd/1Wr4FgHRrSQeu6dfut2/mtsV73wmvmYRQhA0LJ0Fcr"
    "IBSgCzGzFT40i+g9LLsFzZfTwC+7oj1MUjVtkUe++BfRc1BSarnMWvbm4tFSyeXWROQK5V"
    "WUTLHb8XGCQfF8sPokJKAOoJF0hCC+UXC/mBbRJ/QXsowYgy8h8YBftvDTirbwDyn+0/kP"
    "JrZjMTf7V83PrVrCdCBxfQbXyAwYQJe/BercXV/X/krOnslFQ+ekCK/NiU6/YN1YWKQWQx"
    "MG7tfTqEIDWipjp2lGurBHVEJtBEJEQ4yPmjc6ZcgcI5MSZE8t07YNgh7IsoEweiUeUUeq"
    "oYMUX734g9hrNMe6VQfWD1PvYpQv3N2jhnTIB/vcRjoVvCNQVyPMCGImIo/EWqLmbRsydl"
    "XeGjFCmGjGONBIsPtv0WAqnox0xp/d/9Z8c3J2Xgd5bNtkNufDZ0jFGzH0yhzbhEIKMGbs"
    "ybQ0BF+Txh9um6LfJ8ukEzQyf7xG2CKImrZHfPL345YDtjbNC+Zvmoe4cJtLUiiBFErmOv"
    "0fU0bDwC9SmRTWrRlawrN0poCifmlAuoKcRJWclpFhquBg8jlWN/JqOyIsHdSy6TpHBvIu"
    "bag+X9cd5CPmk3cr1XJiTqPMIdYnMkKuzCex5Kum+aATNDX523LLwMJUM2dOYLTuhELhUd"
    "zQMbiJYTPPwogLqm61792FUZOtjVinWBobzxsbkqdPVkV1eXryY67z3gpoPSi5H63v8/s7"
    "EiVnMoT2TzCW7hOuEsNYNnC3RjEexn4TqMcYb542ki231W62Z822ZCzlBu1yJZgJni2Pxb"
    "kSqJzR+f4kU4LZSUqC2UkkwUzT2dzASyVvIl9YrsypOWVK6PN44tw5fRHBCiK+kxIElmkU"
    "zjzzZMuMda172+o1B91eA5lzeB/TGtKru/6gewMJaV4JkzC7cJj0M517KKqtP8Zo5NLkYG"
    "OasFz65ULaGHHBXanDm+3369FcdrvXAWfmsh2q9NC5u7lscewF9LyR7phusgCE5BGgC7cK"
    "UT4nMygkE1medTPxutTVhp6mr2jWcSGc1dcMjq2Au9njg73Xvhqk+ZvR+Wy9DWqTMgrrTV"
    "fVgD26d0RClLrf1hfr2WC37TqsdGRLYI4yOAp53HxfslMMp/WYbWfyMY6oQ1XEOU6sHnXy"
    "BCbmgSrjHDVoe65pcixY7ZKa/mphjdxaukpqMQS17249jaaeQDtlDg2zF0D1XPufGBKSYo"
    "s1RsPF3z6enQ4XZ6fjj0h0XIfEwjGh6BWkA4hKLNhaOvcgo3FsEdJAvbPXsbVPd/SYDVh1"
    "0WNR/mYlXF4yuNbk/2sgzP83pM3Lq8/87yNV439vXl7C9dEIrjfh7yMMf3ebD2mr/fXboN"
    "9A3NeY2mxIu73P7U6z91tjpY9Dkj7JnL4YWflLggbEqhQG3XNN0MVcK0gJBSUlJVQWSigm"
    "62C1FpYgI++baegaXnYfiWXpWuzaGW6SuoBOncaK6bbOuIp23bXtjSjwDaVHnH5gA8EMP5"
    "A3izl6Mq0HuATL3pJgy9kcMFpQDfYpqJjPkhq2kGYSJnL5VXiH6Eq620dtsJryB8Z/9AlR"
    "Phy3WSDwpZdlHd0G7w7f6TNrl6u1nOELn9QegxeHAXGLwYvyV5ep1Xa1EgVssrMscdGz5L"
    "DomYiKlmQ5cCsix6wC61rJyZO/ryjzTtN8fvdz1rKq1H6rSq3GQeYvfyVRXk+vcBpKpiyU"
    "lCSUSA0YzM2mJHyfd6p94ruaaLfhV9912lfdmwbij1HN2ZDedC/b160Gmpkj3SBOjR7RAC"
    "r08BblSJAoE92xG71Ule8IVnFdxBDZGatdraRLrcXvzfZ18xI+KPyIdfH0Ie21+q3e9xbX"
    "qRMHgZ3Szdvb6zZcEiy/uHI1aH8HQZHRM6T9u/5tq/MZ2rAFm3O/B1r1WlfXTe73is5UA3"
    "OHQyuTfhV1iumkEI8S20EF6ZTjpU9iUmq8Ua6MLWexyKPxqLTcv1pmbcu0ueTZ9Tg5Upk2"
    "J9PmSoPw3tPm9p+8U7Zpq9TZO0cJljzPSp6uI0/X2TdWuZh5X86FgePSLXKf5XFlzuZQcu"
    "nW7a8a625gBBo6JQpEZLeB1zXv7De3rwpiZZkLe0uH6zjmRW/dYUXgKhQdc6ysxBDZygh7"
    "Lk7my9rOkCBBCRInUPEXx5TpcL2BnqZmnf8BBYaepsu3qANVFJGbCgQJDY5NqsVkQWzeX5"
    "Y4nftLHRuZu90yWLfXYB0QWspmlHeoi0K8936mgxfNe9vmhnoOdFDqPdUvWc38vU1L4T+Z"
    "xFRpTA7Bh8TKrN6ikfhdFOCwCGZmrgona4kK5jllS3RKy3SKIJyfw5dF1MofoXGmm5xM/V"
    "pE8vQx6ZZ+QzojpgGZKm3K2FX0Iym3LXfwY50seWQAZw1+BIbW84dgiK97C7hW+/wL/xxY"
    "qqMv/AGTGN4jFE9J5j3CIZwdJwmvBym/JXOGD0dDyIyNF2H2yQrJL0LLwJEU0bFPbi8Jdl"
    "LBhRWspDEfz3OJwR7KTBn3WtetZt8h+gz+xsD+tf552+7BJWdW4leuup1Br3k1gItc8cJm"
    "cXjC791fHGFxPmdZOMLDZMqVbWmVLvgxoCpP9JScxl7W5u1zGvtPlT1WaFNyZWOxlcfQbn"
    "BGRBa2SGaKlqJomR+yGGIthGgysRZW4h533wOz5iPaJLG2T2LtJexm7d9d3rQHAydFYzTT"
    "bdtN7eh1v7u5HZb56LhjP7ccJ80ifxDHRQN3+XOv+WungZ50e6rxGZSWw01Tzdkc0/yne4"
    "TlKpjMsZOzJlTuyus2BzJpD38iA+0XqyDa7y+yDO2L5KF9EYbaIBMMGwXmuQd3VLKCgG+n"
    "YlBwLqE2X+4LzCVBOQl2DrDnHKpCaK8EKwh3pjS8lCy8aBLeiJuamuIrLRWE++d+txMPd0"
    "QwHHXQVRv9HzJ0tjPXu/b38YKqgCgaLXTD1il7C8/7R223Xkwc+ABUIAThgf7qpvnPsD6u"
    "rruX4dgCdHAZyZAEQys1XJCUKBkSLHGUoEwJk+u67LkDcCFRWeSizEG4latTpIRNSFamTZ"
    "Ra1bLm84tQswzLyrDs8aDqS9XMB21UUOIbi69rjI2WefENC8ogeCnLGpVtBO8qVisTDHaU"
    "YGAF0+o3RLeaRY/CEEdXnyw4r2bULeBc7ZyD6OqzQeoBf63FbPPaZ5/dbio0rHeadLDCKy"
    "bjwI9lcrpBQHEZjkhDzDbhpBWmYvrJOUplaROGDP2RoAWH3hIXIcyNNN0isA9qWRfXLPMJ"
    "PRAyZ2iO7SnCVEPqlKgPbDGLOSRthw/KlBexTsOQyRB7T4Z44D8rnoJ+PhXCky1zRKZ2ed"
    "dvd1r9vnLdvmp1rloNNFownRLGFD7sCP9dQ3rd+tq8VnqtW6X9WfnS63YGDbQOquoa1Dim"
    "dqjdZfPql1AzmGrcAhpXzUG721G+dHs3biUNd4iPTWs2pJ3W4Ndu7xeleXUF79b82mu1bl"
    "rwXEpsOFxH4RYlvCOeWIR4k0teMv30JAOXfnqSSKXDraAHNtZ55znjpX6ZMg+VUuVd8PHG"
    "le4AlQPrsFwF8d5+bJrp/yGKWPNyLDBBIUnXxNA1bIpPzs7zDN+1RAUH7vmHDAP3/EPiwI"
    "VbQYDB6MoDr9e+guCeZpqFT1Nm4dPY7De5BTsB/eoWzefGnIHVgtkCAVGZLVDq2GLQ8cy+"
    "9EcF5fKfIZwQ3JexaUihkvtm6uGwQmSkxTOzh6lw88UQX1aEDxPX62lc2Ji3yMyDQWNBLe"
    "k2Q5qFx/ZbdH8PpCrjbe7v0cTivYmdCghK7y4Rw4+8J2YiDOV6DSIuIBVTNCLIIuMFi6vu"
    "u9MnyfM5Dz011VNYsPKfy7s3Q/oiix19kWxGX0SsaPEhRdEdkB8Jo3YlUGZ4a8B/iwnDI/"
    "bRK0j2fY2wc/A57IAxLWRgZotZAWaVbCRempHV+ucgYF9F8pFXNtZ1t/PVax5OUo6mVbDY"
    "ZTk1oYLFB5h2aPy8L/X0Iv3GF+ZAyBzUF6FmmYMq083K5hdmSDfLkkzCfRi2eQ0L8Pe+Oz"
    "1VCPOdppP4IUvwoH2IpjvSil+LWRzq+WJk6GzKLVJXkre1zP/AATZOth2/w02tkzo6RcPF"
    "ybuTczQnljB2PyHqP90mzonecu8xjvPvzs92Br/7EMdj9rnT0oHepwNd4jXy+GCOzM85MP"
    "VJSKMjBlHNl6uXmY/wyZSZktiKdb4LgkHTJ4TFQJ5MsK0lygy44IAMfWRha/kTc9kg8ebo"
    "FbdYud3KEPdGxDlx7HU28mfXOQMzwhi3SfIowydSuQN6dpK9tTKBYrPjU/IzQnKVQ3snB0"
    "5Jtq3QRH9sNIzP5s9oC/kkpC30PAEzdsO2G7IvXvT3yMDNSr34BlVx3iWxME8e2qXK5wvv"
    "incJnPYdQ7yETwNPZl5Ut6UCB5FnpF4G3FxUF5YFwUIQQ+YYYZcVaSCIHorsgyaziaWzB2"
    "Rzl6SOvCchk393deSc04n4T1wiWJZYlITZ4XOez2OQxMs+iZdEhuBSnxySJNhGEVNdg4EL"
    "PhZ8jtxsphPC/4n5oLZMbaHmCKm7avjbycnp6ceTd6fnF2cfPn48u3i30kf0VppiLttfQT"
    "cBYyhKNhAbx5wkn2z/e+1L7fPytzHpBLUGeFJHfy5MeKECrsD280xgplP+iC2plsztBITK"
    "jHtpyR3sriJ5UPfLSNALgL6yPtKKWSdtEYuIllkFgmNzTBfkvDGf9NETZmt7Zewck3n46t"
    "QyIaTQB3JsTERJimcdvV0b4SLypLE/X0unS8nA5H9k5C2KV9I5qCK2WEdne272tU7JbwRb"
    "tRgXe3WvnuZeG7yVsuTNMrrWvfcnDSft9gdviYaL83enI/7nx1OMoC/m94HRHOti2RASnq"
    "cMzRA8si6846cpoY63AdcQoVqMp72/x27geMv5avd+OKhWERrPAXJQaH8c9btSgxwCdUFt"
    "3chrTwUl5dm4ZTOn5NJf1aU/GJWIWf8jYYtkI8B9ccvXNhPH7si9McgjMdDcNHRV5ysxrK"
    "6w8K4TFEXChkuGrldpa0ETOPUt9Ss59LKt3epDYkrM82WwfOJ7TNhgT7qtTkcm/2Br+XCv"
    "9fmcfvXtstvswfFg636GdNC76/wilEsfykGpCLs6t2EVkpKWVdiywgafooimqPz3T0xLj0"
    "M3+ZCYeGl5Ukw6zVvgpBj4Mcos8fC15+emQAd7nJ3M8TjvrNT98qXBveXxkF5ei9J6I0OU"
    "0/v1W3vQanC/WLdJoUBTljhTcpgpckwbIMr99rzfTFhOfi1b/1q8aQnDAUlF5rOVoFTO1p"
    "XjFsPIr5yIoFTO1pXD9NnciFlkkrWylthIHfvJSRMxROeNketMAg078xVnqCN9zD25ZbYV"
    "Zt/6kYHFIqo4CiYskuLs8gYFUp2DkvKEk9Iee3T0bMozWeRKYlZioWzy7HvLSzZ8c+WUB7"
    "/eAE3b4zNLr301yFfoTdLkJabJ1xmttRiO3He3nkaQi+xFVTTMGCfn2kaOgD8y/ZMvmwr6"
    "dI6B0DWkO7WsRBK5R2jDBZtjAycyL7kJtYTMrCVVGTJplDffxwO3TKinpU5XjFPfS0J0St"
    "29cqzHh43lbp3bze0kSOegpM7BRmHy7S1WbkGlS90wEoK6oRapi5ZX9mPka/x81RqKXDm+"
    "dLiSiBEbfHnmJU5ZBHKDwYzR+LUJHwbcvYfVo3fB/8N1MTWNuCyubXY+pEN6f88xp0S7v4"
    "f1jHfkZXURNMIGGFlItUzGCEOa+cRvmOj0DC0XfM0TRygZBEOVHCHEn2np0BKPTLfWLMHq"
    "dEhFD/Ci1LT1MQSiYd/WJ3R/zxZsTvgHB15/6BVWP85rIl5q/ePdjYnoFZ8KGBlSnQb6c2"
    "/f37+uB98SI4vwVd6aQNVbtpgRsYxnPQRKhrv3Ge4W42WpkBmOy6tKKXobkpPVCbJUJ3BR"
    "A9s1X4nhkFzl0M4EdgrWUahnOmMiKm0Y3kyVh9JOED/ecIO3zZxP0XwyRwuKKXsS9dfgN/"
    "IVxSJi6y+sAiYKD7jyseDOohrjr5kmX4tovFbXQiFFjrjUrjS4urJfm/ay270OoH7ZDu8l"
    "u7u5bPE5TKiAN9LtgKfmiwj5bIi87kRYdi/HoMjs22Ixh4hxlysKGCd8vBNmaeOzAJgoNJ"
    "Hz2PuQmAwJxbAlZalcefQ+R0pQaDUQtxAR6vG+vPIsxzV0swYiwp/tVmNBiWW2cwaDNiiy"
    "fRTRoNwltjfbMEm0CbFa1LaWtbg9k77b9dRtk6KhP88wS0Fol7l5RckE23Dq9/09nolfPy"
    "b0/v41Mi2EkWrBkSahGs1wy0Emthj0lnp2SDVdI7O5aROqLpUHsnSoLWdUiRLSrsqcDZkW"
    "4ZcFQ4dt7u8sBIVGESCz5P+2LLF1A/F+xGlPqqETOOJ5NZbRK2+fJveVkK65B56vWa4x96"
    "T4F/LaPf7JIgC5tnruWAeeUGwNFY8EupBgqGgzpKIPoOHsJ10lcMaU+zW9delBBx00Mx/5"
    "S46WIdR4X6JjxgcJH7vcq8PC+Emulx0czCEcI6Wzw+19ZRLluVT7Lau90nq+KGVQrszFD2"
    "vezNCAeUB8W5/cmrnuNTE3ZCMkDlPl6YEjEs/sPZ+f78mWugJLr935CqfdK19arQYCDcCi"
    "x0cXGdJeC3ybr3DdnRqHtPn557v+wDnOHmt/LJg9E3PrVfP6WvGaC5rNk7hud1pO72Lfv+"
    "i5f9N3LrEZgysZh0DwVOCTDBwjnHJfj+cY4VaolLUPmlidx3+QIbEyq7swnbuDQsqrVTYP"
    "1gGhMiNdewLbxGciMMhKriPydvIWzfi0hxvvT4oM+/eZdPE+RRfvo7oIWw05NBIjWma9FA"
    "0f7QJ1Wdw6Ef0qsbClYaEO/UXJM8aOgAApxkFtjy1ZUYAxVImfHkzmSVYUW0aO5FdYqfni"
    "DO8ORZF1urAJ5LDCUR+9j6/BU5lb3JkXRIRzuy6ybSDB1SldaAGroFM+L4M5XOcSvJ0+W8"
    "yixMnuHyeTcsrl6R/2BOrDQhuwos6yGFFnyTbUWbQuMHwoCv8qFOdDiadTkot0JYjL9TaG"
    "C1nNNwoj/FFanqIdsbL7Q/k8Z+2O2vm7RmCudYbHJ3TuXD5HLBdrtTUduNN8zmEekiptyR"
    "QODWzadWl42FICSbO+vKbDgC79tOcMzqP103Ik4Uc8jQ2PeImm1Vcj4r3TM15ugDlr22RW"
    "i3EP1jdT/QPBvik6b5fNQUhGZAvxOGmJ79MSfzHhnHUoZ0jb33vKba/L58YG0h8tZW6Zs7"
    "k9pN+77avWTbN9rXzttfj02/naQI8mN4hhE4DCZ1biVWbMHS/IcrLlSfLJlieRky0P60Id"
    "2pDf8eEqFnnUyVPqcRPPfx6RTnYF/TZOH4J7vdb/3rV7rc8NyI5XILVD52bmkN62Op/Ftw"
    "DZr1wtQ9q85Z/Pd2jJFxXLfIRWvdbPrasBXLPIH0QteFDO9msqOm+jQD2lfFHMiGAh/ZXM"
    "RgnTD9n4hzQCIuHjKeQdhET3kkovvYMc3oFfz7CZJqrg5GOQvPYl/ozEO76xzTdsTog6RY"
    "5hwBpuUQY4NxAONLDIG7ak/BrTM7IeaXrfyRnkC0s4W8nE1BfDxEknwMcIh5Q2BukjNBxS"
    "9PC5e3d53UK3vdZVu992tzWsPjhxEy6ttxH1Ws3rMPlK8IOijcb58A5ISaCzAA0poI9EEb"
    "XJ8wMeK10Q+ONZYLaB+xN+VNgUn5yd57GkglIlNoMLmlHnWby782Tv7jzi3S0M/FQA6JBY"
    "BX297UONi0GNJdS5oZ57LnFutKOSEvAMgDP9P0QZLe244t1pGfVBuTLHfmviLUVkzDBgBw"
    "1f2CE2NtYNki8iuec8emYuLJUU+BQigmX+EkQt4sWc21IaFBsSuvK2GoE/9boIR7T972RG"
    "bAwUeVQPKQU0fDL73wReQBV4oenm21vLVAmU/miKf3q/4lVGTex7L3gJ8rBLZuHLNOyS+l"
    "dHR+DJOusvQs3utuICag5KSja+zFqWeyp2k+q2CkmNljnL0UQEZUEauWVlzzU7EkbyFvC9"
    "Y5mK45ds+GYuShP5eAP48tdAnbvr60NtCRJ5fX23ZG8tKfFv1aD+fPIf87d9doPQLbHeuM"
    "MPmY/EsrivJUgYUULEpGN9sgAWxtUf9/mZzZfFCUF/Lkwb19dZVVBJhFDo93V0Y9DuHiM3"
    "BJUrDVHoqwhTGRIs8RIrnthIGLplZirXGZCrj0jR8DLPZpe0Ll6EyrZmjkqf/bm1XXpzsk"
    "5jmrORx2KThQTLXUiwR1TT0hJO6VjfTLV/La9ZRtv3FzK3ER7bxBKl9ERUBYrZTExKGuj+"
    "fk2a3d8jxhc598wIca7G0imsN8Vsyi1ZPliWIqHQLbbH3yNqBO/hebG7drzdHaJ0FVdnat"
    "08WSlvv/vnnVOh4jNwU/aABMVKHzj+8O4dct5Z7HUtuKMgW4AsJT4WDo9Vfs/Uah+Ub/uT"
    "U9CukWfT8Y43dngTU44PwCdSZgWUKhYMH17MaZrpIDsSFcR4+zUW3YIKRU6eCEjux6Pbxl"
    "6z1fFgotjwiEyc+kUvy8MretzI3o8akT58QQ2/sD04NZeXFw7Kxt+z3KywqxVMpnUfPeDV"
    "T+vO62nvOSQiEyRfxgp+TJlz8ki4DZQMllZahYjniZ2Ybkqcbc7NpUGrM+CGVWOdGjGkV3"
    "f9Qfem1WsgdcFsc+a48YenekoTDivHare1aLJLCOeCNSAjUZU5jfsOH0YH8Bag7aw6qiiy"
    "gc82Q1x2b7mMV9gwnFBtLSaI67tbT4viCmbfCWlmPgjOInNT1LIF4dB5bHBMmXPfdU7v75"
    "FNxDnS4vCzJRpb5oz/Q9PH4gAW2+0u7ly43T3o+TzGcPlFH2nMW/4eHBfhm/JktHLEe8sQ"
    "6ipR1fTtMyrVD6gXjiluO3ouA4o7Dig6cCmYz9b5UV6J7Q/qWm0/I3knCQhEVI991HOe2h"
    "YjKgHPCrjK8ZiYVq5iADGiEvBnAT+u3ATJc9cLZpu7J0oU0HNIVGYklFnPJck5kZ/yDqMZ"
    "OnPOk94gkhHsosw2d63Z6f/aEiXLvYloSC/v+r810GjBlkPa6SpOE967qThtoFT5l7t+67"
    "Ny3e4PIP4xXjA+vqFc0/pes9dqru+BVby+d8U1/bXb+21937MrfGcIBHJn+3d9qKIOL8oW"
    "bC4+qCH9wpvBpTFvUyy5+STbMcQppxBHQi22TaDmcXT0JJfC8svsvxRW7e/jBVVhRHCl64"
    "atU/YWnvePXVld+66BtVpj5xzZXG5GVLJyRu/2vwBnQzz/svMgHRAqL8jr3U7ItNYTVJGp"
    "ZyfZ5jY2HgocphcWK+15bgeL9DqnpRaANioowY2kg4nj+eKPIEzLxwvKVQbXPSfjBaJnee"
    "bsiGCZTd3ShEpk7mMRw/DoHEmZciVTrsqNqky52nXKVY/PIr321UDmXG0752qN7GGSrjqm"
    "rY91Fbu/PJJ2FbhfT0u8or6WGTOvupSgGWEMCrWZlP+fwAHXlBLjrahnoS3mBCp2399DnQ"
    "tH6XXETLG9jDxCCtSITLnukW4j5/lQFo6PtWjy1Q6fNaRD2kQMuDwLqQbWZ5CzpS3WDxwt"
    "0QwCvBNRueP+npIftuKSZU69jrFpgTLRk25PuTD4WIJ4xQa6uwU7YEhfYQSHgJPXzms9mX"
    "AqmSjhztxMMngFeD1si7dmXJUILChRA4R3akH1D81905/Y6vX4D+Y4ARGJJ3wUi18lehDP"
    "Q3MMz8icZgbnXIqPPfQrZSbZ/s2NlEwyZ/AXjQ34xMvsLNVcBt5j32/6DcRmzGXnXWa+CO"
    "l1kcGbukg+aDZ6VKaqz3USZ6mkua0+oTJroWgaQyZK930Kp/s+SuqyxQhOc82Ds0+kvIRu"
    "YdY8G22exptHMB6ZWkxOTvKBoF77SozhNN9/Fyd8wvJquCtu1hHtl6kE6LtOpVzbh3lgDk"
    "pVLvt6N/OznTiWn7dKVsJ7nKfds9Dzxt+iZ6n3W51BA4xzexsJAVs2UJKzAZI5wORkgOMN"
    "aWyP/gs5RxFc0yn0GHHJo5eaRzcwsxViWWauLQ9BqcqZn2eZzM+zFPPzLGp+whRaJFN5LS"
    "azV8v8JcnA44tQsww8yhBZyeI4uYua7y2O0wfPZ0bEm0eCOOub9bQIDvOaZQzfDEyb34Bj"
    "eEQ0BfNVXcMWmpnUnqJXTabj/+lPMZ1Msf76E1JNyyIiOxdKliMOsokwAhbCE8EMYe2PBb"
    "PFO0RDOHt4XmwB9KDWhWykCLoMXuwzeOHoIHbxT8jK9QTS1vzyTFyi6PlYt5iNNLz0Drpa"
    "/YjNCmrytT1kMJtzQnlv+fMWQ4JVWm73nrvo5ICy/EqIiEo1FFaDKJZRWBNx0lIZhZUxJk"
    "WU4JeS4BcG32cZ5ddBjLBURfFJyTBZoeU5JChVsNG6kCf2sWpfJcz3tgcpbUwfchtS5Yb1"
    "nFhKUhZv8i7foJTc5xsgVLexzxdMmDwK8dpLVWxdFTpji0KhhoCgjDTISMMR6FRGGo4h0n"
    "DoLSM/m6Nr2BdQi4k0rO7V0wINf5gjRWwtyFyhl0v8xJztCBwv/EAo7KmI2ychNkeQH7w/"
    "YyniBO4mCTQ1+Y9zd0dgsS0irkLv7h70/NaJxBiC+G/kq0mpRuq2r1zG4bY2MSdHFkB5+Y"
    "qSriUql52z/T3j4sNS+MSmx+w8STeoQqLSpCq1SSXy1sY61WHHWQHzOU5eZmWVTeMRY+8w"
    "FkmTWLo6jbNH3Dup1ghet3nOEklW7Aaru8wQ2EGGwCOxWGLpw3hofSIV3BNzcnaWZaPX2V"
    "nyRi+4FwoS8Y8qB8Ju8wqiu5sTt01qx24JTWYCfSL7JwMPs1BujfY76GL21/8DK9c9Ww=="
)
