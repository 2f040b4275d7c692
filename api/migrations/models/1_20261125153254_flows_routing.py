from tortoise import BaseDBAsyncClient

from api.migrate import dialect_sql

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_UP, postgres=_POSTGRES_UP)


async def downgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_DOWN, postgres=_POSTGRES_DOWN)


_SQLITE_UP = """
        CREATE TABLE IF NOT EXISTS "plan_changes" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "number_id" INT NOT NULL,
    "at" TIMESTAMP NOT NULL
) /* One change of a number's compiled plan; the id is the plan version the telephony layer syncs on. */;
CREATE INDEX IF NOT EXISTS "idx_plan_change_number__bf5555" ON "plan_changes" ("number_id");
        CREATE TABLE IF NOT EXISTS "flows" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "draft" TEXT NOT NULL /* the flow document (JSON) as the editor last saved it */,
    "revision" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE
) /* A flow and its draft. ``revision`` grows with every save, so a stale save can be refused. */;
        CREATE TABLE IF NOT EXISTS "flow_versions" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "account_id" INT NOT NULL,
    "version" INT NOT NULL,
    "document" TEXT NOT NULL,
    "digest" VARCHAR(64) NOT NULL /* the library's flow digest (ignores positions) */,
    "message" VARCHAR(200) NOT NULL,
    "published_by" VARCHAR(120) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "flow_id" INT NOT NULL REFERENCES "flows" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_flow_versio_flow_id_1d1029" UNIQUE ("flow_id", "version")
) /* A published version: frozen, numbered 1, 2, 3 … per flow; never updated. */;
CREATE INDEX IF NOT EXISTS "idx_flow_versio_account_5b9bd8" ON "flow_versions" ("account_id");
        CREATE TABLE IF NOT EXISTS "compiled_plans" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" BIGINT NOT NULL /* id of the PlanChange that produced it */,
    "etag" VARCHAR(80) NOT NULL /* strong ETag, quoted */,
    "plan_json" TEXT NOT NULL,
    "asterisk" TEXT NOT NULL,
    "compiled_status" VARCHAR(16) NOT NULL /* the number status it was compiled for */,
    "updated_at" TIMESTAMP NOT NULL,
    "number_id" INT NOT NULL UNIQUE REFERENCES "numbers" ("id") ON DELETE CASCADE
) /* The current plan of a number: JSON and Asterisk text, compiled once, served many times. */;
CREATE INDEX IF NOT EXISTS "idx_compiled_pl_version_b2cff8" ON "compiled_plans" ("version");
        CREATE TABLE IF NOT EXISTS "number_routing" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "package" VARCHAR(16) NOT NULL /* SWITCHBOARD: switchboard\nTRUNK: trunk */,
    "extra_lines" INT NOT NULL,
    "allowed_categories" JSON NOT NULL,
    "list_mode" VARCHAR(8) NOT NULL /* OFF: off\nBLACK: black\nWHITE: white */,
    "list_entries" JSON NOT NULL,
    "allowed_areas" JSON NOT NULL,
    "refused_areas" JSON NOT NULL,
    "simple" JSON /* the simple routing form last saved, if any */,
    "updated_at" TIMESTAMP NOT NULL,
    "flow_version_id" INT REFERENCES "flow_versions" ("id") ON DELETE RESTRICT,
    "number_id" INT NOT NULL UNIQUE REFERENCES "numbers" ("id") ON DELETE CASCADE
) /* The number-level policies and the published flow version a number runs. */;"""

_POSTGRES_UP = """
        CREATE TABLE IF NOT EXISTS "plan_changes" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "number_id" INT NOT NULL,
    "at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_plan_change_number__bf5555" ON "plan_changes" ("number_id");
COMMENT ON TABLE "plan_changes" IS 'One change of a number''s compiled plan; the id is the plan version the telephony layer syncs on.';
        CREATE TABLE IF NOT EXISTS "flows" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(80) NOT NULL,
    "draft" TEXT NOT NULL,
    "revision" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "flows"."draft" IS 'the flow document (JSON) as the editor last saved it';
COMMENT ON TABLE "flows" IS 'A flow and its draft. ``revision`` grows with every save, so a stale save can be refused.';
        CREATE TABLE IF NOT EXISTS "flow_versions" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "account_id" INT NOT NULL,
    "version" INT NOT NULL,
    "document" TEXT NOT NULL,
    "digest" VARCHAR(64) NOT NULL,
    "message" VARCHAR(200) NOT NULL,
    "published_by" VARCHAR(120) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "flow_id" INT NOT NULL REFERENCES "flows" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_flow_versio_flow_id_1d1029" UNIQUE ("flow_id", "version")
);
CREATE INDEX IF NOT EXISTS "idx_flow_versio_account_5b9bd8" ON "flow_versions" ("account_id");
COMMENT ON COLUMN "flow_versions"."digest" IS 'the library''s flow digest (ignores positions)';
COMMENT ON TABLE "flow_versions" IS 'A published version: frozen, numbered 1, 2, 3 … per flow; never updated.';
        CREATE TABLE IF NOT EXISTS "compiled_plans" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" BIGINT NOT NULL,
    "etag" VARCHAR(80) NOT NULL,
    "plan_json" TEXT NOT NULL,
    "asterisk" TEXT NOT NULL,
    "compiled_status" VARCHAR(16) NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "number_id" INT NOT NULL UNIQUE REFERENCES "numbers" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_compiled_pl_version_b2cff8" ON "compiled_plans" ("version");
COMMENT ON COLUMN "compiled_plans"."version" IS 'id of the PlanChange that produced it';
COMMENT ON COLUMN "compiled_plans"."etag" IS 'strong ETag, quoted';
COMMENT ON COLUMN "compiled_plans"."compiled_status" IS 'the number status it was compiled for';
COMMENT ON TABLE "compiled_plans" IS 'The current plan of a number: JSON and Asterisk text, compiled once, served many times.';
        CREATE TABLE IF NOT EXISTS "number_routing" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "package" VARCHAR(16) NOT NULL,
    "extra_lines" INT NOT NULL,
    "allowed_categories" JSONB NOT NULL,
    "list_mode" VARCHAR(8) NOT NULL,
    "list_entries" JSONB NOT NULL,
    "allowed_areas" JSONB NOT NULL,
    "refused_areas" JSONB NOT NULL,
    "simple" JSONB,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "flow_version_id" INT REFERENCES "flow_versions" ("id") ON DELETE RESTRICT,
    "number_id" INT NOT NULL UNIQUE REFERENCES "numbers" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "number_routing"."package" IS 'SWITCHBOARD: switchboard\nTRUNK: trunk';
COMMENT ON COLUMN "number_routing"."list_mode" IS 'OFF: off\nBLACK: black\nWHITE: white';
COMMENT ON COLUMN "number_routing"."simple" IS 'the simple routing form last saved, if any';
COMMENT ON TABLE "number_routing" IS 'The number-level policies and the published flow version a number runs.';"""

_SQLITE_DOWN = """
        DROP TABLE IF EXISTS "compiled_plans";
        DROP TABLE IF EXISTS "flows";
        DROP TABLE IF EXISTS "flow_versions";
        DROP TABLE IF EXISTS "number_routing";
        DROP TABLE IF EXISTS "plan_changes";"""

_POSTGRES_DOWN = """
        DROP TABLE IF EXISTS "plan_changes";
        DROP TABLE IF EXISTS "flows";
        DROP TABLE IF EXISTS "number_routing";
        DROP TABLE IF EXISTS "flow_versions";
        DROP TABLE IF EXISTS "compiled_plans";"""

MODELS_STATE = (
    "eJztXW1z4jgS/isqvuxMFTOVkNdlrq4KGGeGmwRSQGb37nLlFbYAX4zMWiYZ7m7++0mywe"
    "/G5i3C0X7IMrJatp+WJfXTrdZ/K1NLRyb52NA0a46dSh38t4LhFNEf0UtVUIGzmX+BFThw"
    "aPK60K3EC+GQODbUWGMjaBJEi3RENNuYOYaFWe0GBgg7yJ7ZBkFAmxPHmiIbvHucXyHtmv"
    "6FaET/XtTo78va2dX7TwCCmW2RGdKcXwjw7gasF0wAtgCeT4dUfoGcj+wBdEujT2Dg8QHu"
    "NcfGn3OkOtYYORNk0zv+81+02MA6+oHI8p+zJ3VkIFMP4WvorAFerjqLGS9rY+eGV2SvMV"
    "Q1y5xPsV95tnAmFl7VNly1jBFGNnQQa96x5wxwPDdNTzdLHbhP6ldxHzEgo6MRnJtMbUza"
    "fQC/rKKqne5A7SsDVa3EVLqUCCDvFWkWZt3BYJ2Dvf2YPcKH2un51fn12eX5Na3CH3NVcv"
    "XTvbUPjCvI4ekMKj/5dehAtwbH2AeV/z8Ga2sC7WRcl/UjyNJHjiK7xDEL2mWBj63/BRwC"
    "3Cn8oZoIj50JQ/TkJAPK741e62uj947Wes9uadFP1v2WO96lmnuN4e3jO4QmxBpSRwjHYW"
    "4a49QOHBFc35N3hffJfnvyr7Xa2dlV7eTs8vri/Orq4vpk1aXjl7L6drP9hXXvkCqW/d3H"
    "X7MRw0eFThz+z/SKY0xRsgLCkhH8dU/04/LHMfZ++oJ6F5sLb0jLwHrQvlP6g8bdPbvdlJ"
    "A/TY5fY6CwKzVeuoiUvruMfCerRsBv7cFXwP4J/tHtKBxeizhjm9/Rrzf4R4U9E5w7loqt"
    "FxXqgdF3WbpE7SebN0ZPgUGOFQyh9vQCbV0NXfG7x5wgmyR8mJ7YzbceMiEHNt4HvPn+gT"
    "aRQ/veY4ui/J/L7r4s9TtBYHLgc/eW+HR4IyVFiHZZZD9zBLaEqee3dIRjSS6w6HLYNLRd"
    "gNXwWyorWCPTetkSpRvaRJngYQO6VbPShvj4pWltGi2BGI75K7F7szutepQxsJ4QriRZdM"
    "tr1UyTbmZQs4ZWy2vUgSGCNjWNuBAYWTZwrxNAf1LjCDjIRDOq1wUw4QLZnwC1xWykgwkk"
    "E6RXAZlQIwtYdJUIoAP4eoW2nWDS7fNO0qCTBp0wQ0fYoDvNZdCdZhh0p3GDjn9DKvswiq"
    "AcltoN1q/bjUNIX57nAPryPBVndikM88xGI+NHEYh9iTJ25cs8PTlqcQU68mUUYKJZs5SB"
    "QqHrfo5xmz4RIyFiWK+ERYa68tBXenXATLxHPFBulfuv3c7f6/5kF50oX0cRkqFIh75cDE"
    "VQ6yYkjkq75iZ6j8ruQPNi2t6iK3qJSaambfRMJ/9N9ByWlFoWWcvLsXi4UAuZNTG5jYh+"
    "wRS7GxsnzNIWgzUgIQF1AY3x42F84+DeWDYyxvgbWsQWg2+BCafFNnxZ0RbBLkVfnb4wct"
    "wVc6PfanxWKinDgcR1Da6xETCELn0K0Hm4va38THfn7JMX7CNC3BeP0YLLS9UsVpC4lXJz"
    "gi9oCDyZT5ya0yzryUBgYtGnBRDYEOvW1GXyqi53x24FLLpKBoZDQP9r40Pt4jKJBdxp2z"
    "vm/dLt+sRRXFImS8oknQmUhmW6KsprWKIfM4O2toHWw5KH0fohv78jUXIuc+PwK2LhPuEy"
    "LYlFA3dna+LXWbRx1BNWbEttpC/XVvFAa9dq6VhKj6hYHlHTGhsJwZfpK86VQOkWnae1XB"
    "7RWoZHtBbziOoGmZlwoRb1PEflRPYlieSBnkFCXiw6RhZ1QscES4j4XoK4bcvc2FW6lBUZ"
    "60r3Xuk1Bt1eHVgz9jyW/YhbD/1B9455UJebQMTwlxrUQtEc4zlBI02Lgg1xynQZlItoY0"
    "gF96WO5Wh/WIum2e3ehoyZZjsSK995uGsqFHsOPa1kuEs3GUIveQTWhLePq5iRGRaSnpe1"
    "Zib0NwtuaWkGth0eF8J5bc1w3wqZmz3a2Xvt1iDL3oyPZ36w7jaB6H5ocDlgjwc7SoiyIA"
    "o6eDYHKeBLOrIpsMBGIhU9I2/P87bbiRTWUkl71GvtKTpOrJ4N9MKWmK+0t+hYQNsn3frF"
    "hjq6tw0NVRJI18DVahb1Omb11BmrmD8twtJc/YUALsk3t0DwOP/16uLscX5xNroCvOEqMD"
    "AYIQzeMb+2ZesGhvbCvQYMAkY2QnXQu3ifmBFhT7fZginmLW7KSayExSU4Kw36Xx1A+t8j"
    "bjRbn+nvoabT341mk5UPh6y8wX4PIfvtVX/ESvvL10G/Duj6eeKQR9ztfW53Gr2/11f6eE"
    "0iI52n5j2reKKAkFiZXHsHzhQwn+kb0hxhSUlziEJzJHjSV3NhzkwB+5w2v1qmocNF9xnZ"
    "tqEnzp3RKpkT6MStrFpe7ZyzaNeb2z7wtD9s06fbDtsbOoVP6MN8Bl4s+4kVsWlvgaBNeH"
    "TYcI51kwpokI6SOrSBbiGW88cBGnuG+Ey631ttMZvSGyZ/9CmeK7d61pcuyjy6Cy6Zfadr"
    "5i5PawUp+YDUAQn51wFxh4S8+Ft8K5V9zUShNdlFHl/fRbqr74J7+gSZDrw8KQmzgJ9BJX"
    "3wD6RqkaErR+UdyBpW8Urzub/1lYS4tt3GwRS5YikyQiliW28hXSil4bvejA6I72to3YUl"
    "/dBpt7p3dUBvo1nTR3zXbbZvlTqYWkPDRO7WaF6BbYymNcRw84tEcOxHL2VlOAK+EQc68w"
    "Q6NmeSgZW00Fr83mjfNprsg4LP0OB3f8Q9pa/0vitUpy6bj5he7+9v26yIc9W8pDVof2eC"
    "PC7lEfcf+vdK5zOrQ+ZkRi0dVquntG4b1NLljWkmpCaGLpJ+VW0C8Xgj5iSxgRISKMdLmC"
    "QEhix7uTqy3cmiiMbj0nJfu8jalsFf6aPrcbKiMvhLBn8Jg/DBg78OH4Ii2rAldAzKUYIl"
    "89ruMvgk4BA3YZIv3BPrYjSw6J/1qLas6cwwkX7vtVeOITKyQ2XusEZ2gJY7uvX8BksC10"
    "Z0vDvIp3LyqzlgHTEfCH3M4ZHFCDDLGNEHh5gYrLwOXiZWlf5hqTleJouPoEObtIEXe8A8"
    "qO6UqCe4XbdvTzoGxHIMMONZ3Y5eizSxEcd2mG//TXNs1ErbTs+hBoTehfiW1Uyf27JV+s"
    "rILOLui4iJrN5NvX772LJuI0isQjkBfIkSRlHkC6PIiqOIIVycL5Rph8Rng93hpiAr6ItI"
    "TjAhmMu1DwphGpIpU8j3vpjWtDiawkRr7sOsRAM4L9Ea6lrr85zyr3sHuJY7xWlwDBQqu2"
    "mQnE0gOSLcbTrJEaWLZQjiUY2c1QymQTqA38TKTqYNfRNaZjTIJjoOyB0kXkcqeGMFq1nk"
    "xnq6MNyCyKxwT7lVGn2XyzPpEzOCT/n9vt1jRe6oREta3c6g12gNWCFVPF+WuFTg9+43V5"
    "ifsiIKDfg6gTeiTa3Syj4GVOW5LJK2OMjcvHva4vCRd8cKbUboXSK28jChLRKn5yGEZOCZ"
    "EFmPgpAlcGcRRLPODQ8rUXJnRzV9VzO4s7ew/63/0LxrDwZuoMVwajiOF6DR6373IjRs69"
    "m1uP6muHaYjf6NXCuMWcSfe43fOnXwYjgTnQ6SWAxLTLOmM4iLZ7WPypUwJGMvOdY1aq0b"
    "DgUybddvKskcFCsh2qfXebr2dXrXvo5CbaIxNFUbzQp37rhkCQHfTVaR8FiCHTqjbzCWhO"
    "Uk2AXAZke8b4T2SrCEcOcKpsuIpYuH0g2pcairgfQzYbj/1u92kuGOCUYdC4bmgP8B0yB7"
    "s64rfxnNscYQBcO5YToGJh/Z/f5a2a+hkgQ+AyrkZViC/u6u8XtUH63bbjPqPmANNGNxjm"
    "yhlekRSAt3jAgK7AgQKezRz0e8yWnvQVG5LV5kP9vK1Nkk6UVEVkZGCK1qmRf2TahZel6l"
    "5/V4UA0EXBaDNi4o8U3E11uMDRdF8Y0KSj+3kIlQROvB+3LHyhiCPcUQ2OHg+C3RLWealC"
    "jE8dknD86rEXUHOJc7rCA++2wRXUAfaz7dPlvSZ6+ZEnXrvcYVrPBKCCoIYpkeURBSXI5j"
    "lABxLHYaA9Eg/uQet7BwEAGm8YzAnEJv80Lm5ga6YSO2m2lR5WW29QKeEJoRMIPOBECsA2"
    "2CtCcynyYcpLTHG8nQB7FCH57oayUTzusDH5ayIvtfKs2Hfruj9PvqbbuldFpKHQznxMCI"
    "ENU0NETf6xHfKl8at2pPuVfbn9WbXrczqAPfhWroLAcqdiL1mo3Wt0g1NrB4SS9ajUG721"
    "Fvur07L/uFGzqkjix7+og7yuC3bu+b2mi12LM1vvQU5U5h98XIYcdtqHT9yJ4Rjm2ElkNJ"
    "Uer8rJaDOT+rpRLn7FLY3hoZtPGC3tGgjMhdRagoC9rfqNJdoApgHZUrId6790QT4z9I5T"
    "NcgQkmLCTJmQRyhkxg7eKySPf1JUrYcS/Pc3Tcy/PUjssuhQFmS6wi8C7rlxDcs1yj8FnG"
    "KHyWGOsm91SnoF/epNp0MWdCbcPYgJCojA0Q2pMYWJUX8ybGBOX0n8N5EN5osa0DoZQbYa"
    "pRJ0KspyXzsK+TlebG5F9WjP3i5dUs5mtEa+RmvVhlTiQZDgG6DUfOR/DHH4xCJbTOH3+A"
    "sU1b4/sSAMuNuwAEPtOWiAUgy6drIl4ANIjBEAEbjeYkKf3uXu8keS+xeC/xz+Y82NL5Os"
    "/K+Tp94XwdWzfzTyeO7gD9SOm1KwGR4a0wfpsPEUviHrxjwbzvAXQPP2Y7XCwbmJA4fBxg"
    "40g+2i5rWaX8PgitqGLxxqtV1W2382VZPRqEHA+bIIkTcWbABEl2IO1xuXMq9PAiLcU3Zj"
    "LIGNM3oWYZYyrDyUSzBHOEk+UJFqFWC9k+DQWz8L67LZUI872GiwQhS7GZA4hmm85qUIt5"
    "TOjZfGgaZEJXpJ4krWtb/2FnyrjRdPQKXWrVquAMPM5rJ7VLMEM2X+x+Ajh44EyS2bzj1h"
    "NM5X+6r+12fu8mlX9JA/oVDWiB58jjgzk2PhfANCAhFx0JiOqBWLzcfERARmRKYier830Q"
    "DLoxRiQB8nSCzZcQGXDOAZnG0Ib24hfisUH8ycE7umKl61YCqDXCj24j7/ORP/uOEpgiQu"
    "iapIgyAiKlO0ZnL/FaqyVQYvR7RkRGRK50aO/lWCjJtm000B8bDRNY8+dcCwUk5FpoPQEz"
    "8hy1W7IvS3/vkYGbl3oJdKrNeZfUxDvFDzQv55G/++JdQodKJxAv0UOn05kXzaupsvOuc1"
    "IvA7pc1Oa2zZyFTAxYIwA9VqQOmPeQxxs0iINsgzwBh5okVbC8E7Dod1cF7mmagL7iArBp"
    "icRJmD3eR0YuiEW8pDIETWP8miTBLpKUGjrruMzGYp8jXTbjMaL/hLRT25Y+1wq41D01/F"
    "qrnZ1d1U7OLq8vzq+uLq5PVvqIX8pSTLP9hekmtBiKkw3IgQmHu6ev/5f1hbZ56dNYeAyU"
    "ARxXwZ9ziz3QBqbA7uNM2Ein/jsxZVo6txMSEhl3Yckd6M0iRVAPykjQNwB9tfrISladti"
    "ksJiqyCjjH5i5dgPvEdNAHL5D465WRe5jl62eflgEhG30gx8ZECJIc6+jXtTEuokjg+vpc"
    "OV2MBhb9k5O32DxTzqsqYod5cnZnZoepiQQ7O8ZdpBva3oPbgbq5DG1X7oOJnpEJZpZpaA"
    "Yi3O5lM4ofpcC9Np5FtLKSgT3HKYb1jtqVhrRYhvSMdvxUv9j67BcB8QN6bciL4WiToUU/"
    "2IIOnEqfzpOtr81uo8fOAPHbecSD3kPnG1cufhJjXUXtCBuqJsvTUaDnR6QO5wI4EfoTCF"
    "huJh2i6KJTo+8/tmwjCd30TPDJ0jIdfLatt0E6ePYy6jT1hJX1Y1OogQOOTtZoVHRU6t7c"
    "1AGVe8TNW55RZ2jyLDq/fW0PlDp4mRgO2ohtykM2pXNNsbNYGKIIO0W/maic/Fp2/rUshy"
    "XITkHYZDxbCUrl7Fw53h7Y4sqJCUrl7Fw5xJjOzIRJJl0rvsRW6jjQyePMPHOfGHjGJGMO"
    "p4EdmlVgjKglt8g3wxxaP5Jd3EQVR8cuBrd0bBDvFJaUacyFPdvg6NmUNaFkampowkYhZf"
    "k3mAnWfQsFloW/3hBN26MjS6/dGhTL7yJpcoFpcj+spZLAkQeuVrMIch7CoPGKOePQqLaB"
    "KxCMDPsl4FJlbbq5ng0dGG5CCx5JtiS0WYFDsWHHLi7oEmrB3LMLrBFg4Thvfogb7phQz4"
    "qfKhmnfpCoqIzkO2LMx+XaOVjcSJDGgaDGwVZu8t1NVg1kG9okaaLyrmROUtCvs256Sles"
    "9JmK5TNNXeGnR5+lhx4LFXW26W7Ci4s8uwkvLtJ3E7JrkaGcflQFEPaqlxDd01x7NU8z9m"
    "qepubWL0J7BkQOT0O/zkS5M0LzVSezn/8HTPRM3A=="
)
