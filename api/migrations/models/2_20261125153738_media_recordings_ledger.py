from tortoise import BaseDBAsyncClient

from api.migrate import dialect_sql

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_UP, postgres=_POSTGRES_UP)


async def downgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_DOWN, postgres=_POSTGRES_DOWN)


_SQLITE_UP = """
        CREATE TABLE IF NOT EXISTS "ledger_entries" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "amount_fen" BIGINT NOT NULL /* negative: a charge; positive: a credit */,
    "kind" VARCHAR(32) NOT NULL /* RINGBACK_FEE: ringback_fee */,
    "description" VARCHAR(200) NOT NULL,
    "reference" VARCHAR(100) NOT NULL /* what the entry is for, e.g. media:12 */,
    "idempotency_key" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_ledger_entr_account_261006" UNIQUE ("account_id", "idempotency_key")
) /* A charge (negative ``amount_fen``) or a credit; never updated. */;
        CREATE TABLE IF NOT EXISTS "media_items" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(24) NOT NULL /* RINGBACK: ringback\nIVR_PROMPT: ivr_prompt\nVOICEMAIL_GREETING: voicemail_greeting */,
    "name" VARCHAR(80) NOT NULL,
    "review_status" VARCHAR(16) NOT NULL /* NOT_REQUIRED: not_required\nPENDING: pending\nAPPROVED: approved\nREJECTED: rejected */,
    "reject_reason" VARCHAR(500),
    "reviewed_at" TIMESTAMP,
    "text" TEXT /* text-to-speech prompts: the text, for re-synthesis */,
    "duration_seconds" REAL NOT NULL,
    "peak_dbfs" REAL NOT NULL,
    "active_level_dbfs" REAL,
    "wav_sha256" VARCHAR(64) NOT NULL,
    "ulaw_sha256" VARCHAR(64) NOT NULL,
    "alaw_sha256" VARCHAR(64) NOT NULL,
    "preview_sha256" VARCHAR(64) NOT NULL,
    "size_bytes" BIGINT NOT NULL /* bytes of all delivered files */,
    "source_sha256" VARCHAR(64) NOT NULL /* the upload's bytes (or the text) */,
    "metadata" JSON NOT NULL /* audio.ProcessedAudio.metadata() */,
    "idempotency_key" VARCHAR(100),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    "reviewed_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_media_items_account_12e2bc" UNIQUE ("account_id", "idempotency_key")
);
CREATE INDEX IF NOT EXISTS "idx_media_items_review__db8311" ON "media_items" ("review_status");
CREATE INDEX IF NOT EXISTS "idx_media_items_wav_sha_b3d183" ON "media_items" ("wav_sha256");
        CREATE TABLE IF NOT EXISTS "media_settings" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "quota_bytes" BIGINT /* null: the configured default */,
    "voicemail_retention_days" INT /* null: the configured default */,
    "updated_at" TIMESTAMP NOT NULL,
    "account_id" INT NOT NULL UNIQUE REFERENCES "accounts" ("id") ON DELETE CASCADE
) /* Per-account overrides of the configured defaults (storage quota, voicemail retention). */;
        CREATE TABLE IF NOT EXISTS "recordings" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "number_text" VARCHAR(10) NOT NULL /* the 400 number called */,
    "kind" VARCHAR(16) NOT NULL /* VOICEMAIL: voicemail\nCALL: call */,
    "call_id" VARCHAR(100) NOT NULL,
    "caller" VARCHAR(32) NOT NULL,
    "started_at" TIMESTAMP NOT NULL /* when the call began */,
    "ended_at" TIMESTAMP,
    "duration_seconds" REAL NOT NULL /* of the audio */,
    "wav_sha256" VARCHAR(64) NOT NULL,
    "preview_sha256" VARCHAR(64) NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "deleted_at" TIMESTAMP,
    "deletion_reason" VARCHAR(16) /* RETENTION: retention\nCUSTOMER: customer */,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    "number_id" INT NOT NULL REFERENCES "numbers" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_recordings_kind_ffc848" UNIQUE ("kind", "call_id")
) /* Kept after its audio is gone: ``deleted_at`` says when and why, the hashes stay for the record. */;
CREATE INDEX IF NOT EXISTS "idx_recordings_started_77eb05" ON "recordings" ("started_at");
CREATE INDEX IF NOT EXISTS "idx_recordings_wav_sha_b28de2" ON "recordings" ("wav_sha256");
CREATE INDEX IF NOT EXISTS "idx_recordings_deleted_b27333" ON "recordings" ("deleted_at");"""

_POSTGRES_UP = """
        CREATE TABLE IF NOT EXISTS "ledger_entries" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "amount_fen" BIGINT NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "description" VARCHAR(200) NOT NULL,
    "reference" VARCHAR(100) NOT NULL,
    "idempotency_key" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_ledger_entr_account_261006" UNIQUE ("account_id", "idempotency_key")
);
COMMENT ON COLUMN "ledger_entries"."amount_fen" IS 'negative: a charge; positive: a credit';
COMMENT ON COLUMN "ledger_entries"."kind" IS 'RINGBACK_FEE: ringback_fee';
COMMENT ON COLUMN "ledger_entries"."reference" IS 'what the entry is for, e.g. media:12';
COMMENT ON TABLE "ledger_entries" IS 'A charge (negative ``amount_fen``) or a credit; never updated.';
        CREATE TABLE IF NOT EXISTS "media_items" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(24) NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "review_status" VARCHAR(16) NOT NULL,
    "reject_reason" VARCHAR(500),
    "reviewed_at" TIMESTAMPTZ,
    "text" TEXT,
    "duration_seconds" DOUBLE PRECISION NOT NULL,
    "peak_dbfs" DOUBLE PRECISION NOT NULL,
    "active_level_dbfs" DOUBLE PRECISION,
    "wav_sha256" VARCHAR(64) NOT NULL,
    "ulaw_sha256" VARCHAR(64) NOT NULL,
    "alaw_sha256" VARCHAR(64) NOT NULL,
    "preview_sha256" VARCHAR(64) NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "source_sha256" VARCHAR(64) NOT NULL,
    "metadata" JSONB NOT NULL,
    "idempotency_key" VARCHAR(100),
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "deleted_at" TIMESTAMPTZ,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    "reviewed_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_media_items_account_12e2bc" UNIQUE ("account_id", "idempotency_key")
);
CREATE INDEX IF NOT EXISTS "idx_media_items_review__db8311" ON "media_items" ("review_status");
CREATE INDEX IF NOT EXISTS "idx_media_items_wav_sha_b3d183" ON "media_items" ("wav_sha256");
COMMENT ON COLUMN "media_items"."kind" IS 'RINGBACK: ringback\nIVR_PROMPT: ivr_prompt\nVOICEMAIL_GREETING: voicemail_greeting';
COMMENT ON COLUMN "media_items"."review_status" IS 'NOT_REQUIRED: not_required\nPENDING: pending\nAPPROVED: approved\nREJECTED: rejected';
COMMENT ON COLUMN "media_items"."text" IS 'text-to-speech prompts: the text, for re-synthesis';
COMMENT ON COLUMN "media_items"."size_bytes" IS 'bytes of all delivered files';
COMMENT ON COLUMN "media_items"."source_sha256" IS 'the upload''s bytes (or the text)';
COMMENT ON COLUMN "media_items"."metadata" IS 'audio.ProcessedAudio.metadata()';
        CREATE TABLE IF NOT EXISTS "media_settings" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "quota_bytes" BIGINT,
    "voicemail_retention_days" INT,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT NOT NULL UNIQUE REFERENCES "accounts" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "media_settings"."quota_bytes" IS 'null: the configured default';
COMMENT ON COLUMN "media_settings"."voicemail_retention_days" IS 'null: the configured default';
COMMENT ON TABLE "media_settings" IS 'Per-account overrides of the configured defaults (storage quota, voicemail retention).';
        CREATE TABLE IF NOT EXISTS "recordings" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "number_text" VARCHAR(10) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "call_id" VARCHAR(100) NOT NULL,
    "caller" VARCHAR(32) NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "ended_at" TIMESTAMPTZ,
    "duration_seconds" DOUBLE PRECISION NOT NULL,
    "wav_sha256" VARCHAR(64) NOT NULL,
    "preview_sha256" VARCHAR(64) NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "deleted_at" TIMESTAMPTZ,
    "deletion_reason" VARCHAR(16),
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    "number_id" INT NOT NULL REFERENCES "numbers" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_recordings_kind_ffc848" UNIQUE ("kind", "call_id")
);
CREATE INDEX IF NOT EXISTS "idx_recordings_started_77eb05" ON "recordings" ("started_at");
CREATE INDEX IF NOT EXISTS "idx_recordings_wav_sha_b28de2" ON "recordings" ("wav_sha256");
CREATE INDEX IF NOT EXISTS "idx_recordings_deleted_b27333" ON "recordings" ("deleted_at");
COMMENT ON COLUMN "recordings"."number_text" IS 'the 400 number called';
COMMENT ON COLUMN "recordings"."kind" IS 'VOICEMAIL: voicemail\nCALL: call';
COMMENT ON COLUMN "recordings"."started_at" IS 'when the call began';
COMMENT ON COLUMN "recordings"."duration_seconds" IS 'of the audio';
COMMENT ON COLUMN "recordings"."deletion_reason" IS 'RETENTION: retention\nCUSTOMER: customer';
COMMENT ON TABLE "recordings" IS 'Kept after its audio is gone: ``deleted_at`` says when and why, the hashes stay for the record.';"""

_SQLITE_DOWN = """
        DROP TABLE IF EXISTS "recordings";
        DROP TABLE IF EXISTS "media_items";
        DROP TABLE IF EXISTS "ledger_entries";
        DROP TABLE IF EXISTS "media_settings";"""

_POSTGRES_DOWN = """
        DROP TABLE IF EXISTS "ledger_entries";
        DROP TABLE IF EXISTS "recordings";
        DROP TABLE IF EXISTS "media_settings";
        DROP TABLE IF EXISTS "media_items";"""

MODELS_STATE = (
    "eJztXW2T2riy/isqvmxSRVIJk3lZcutWMcRJ2DAwh2Gye87hlEfYArxjbFYyM2HPzX+/km"
    "zA72MbwwiP9kM2sd2yeVov3U+3Wv+tzW0dmeRtS9PspeXUmuC/NQvOEf1L+FYd1OBisb3B"
    "LjhwbPJnofsQvwjHxMFQY41NoEkQvaQjomFj4Ri2xZ5uWQBZDsILbBAEtCVx7DnC4NVoeY"
    "60C/onRBP652mD/v2scXL++iOAYIFtskCa8wsB3tuA/WgRYNnAWs7HVH6FnLfsA3Rbo19g"
    "WNMDvGtpGX8tkerYU+TMEKZv/Pd/6GXD0tEPRNb/XNyrEwOZegBfQ2cN8Ouqs1rwax3L+c"
    "wfZD9jrGq2uZxb24cXK2dmW5unDVctU2QhDB3EmnfwkgFuLU3T081aB+6Xbh9xP9Eno6MJ"
    "XJpMbUza/YDttZqq9vpD9UYZqmototK1hA9575JmW6w7GKxzsF8/ZZ/wpvH+w/mHi5OzDx"
    "f0Ef6ZmyvnP91Xb4FxBTk8vWHtJ78PHeg+wTHegsr/H4G1PYM4Htf18yFk6SeHkV3jmAbt"
    "+sIW2+0IOAS4c/hDNZE1dWYM0XfvUqD83hq0v7YGr+hTr9krbTpk3bHc82413HsM7y2+Y2"
    "hCS0PqBFlRmC+NaWIHDgk+3ZPLwvvdfnvyr43Gycl5493J2cXph/Pz04t3my4dvZXWty87"
    "X1j3Dqhi3d+3+GsYMXxU6ETh/0TvOMYcxSsgKBnCX/dE367/coy9n/5AvW+ZK29KS8F62L"
    "lSboatq2v2ujkhf5kcv9ZQYXca/OoqdPXVWWicbBoBv3eGXwH7J/hXv6dweG3iTDF/4/a5"
    "4b9q7Jvg0rFVy35Uoe6bfddX16j9ZOvG5N43ybELY6jdP0Ksq4E72+6xJAiTmIHpiX3+Nk"
    "Am5MBG+4C33t/SJjJo3/tsUZT/c93d11e3ncC3OPC1e0d8eryRiiJEuyzCDxyBHWEabFs6"
    "wrkkE1jUHDYNrQywWtuWqgrWxLQfd0TpM22iqvCYSJ8irFJXBRtoR5y6vC2FNrWqKlxzpB"
    "twN5SuWBMdB82rihFGmo112szOM7nXTpWAYsaU3bCTzKvgrVC/UwlynHRc+xYa2vSPjN3w"
    "xtdgRawKBue8MQ8BPIcWnPKvZM0x4c0KaAzte8TeHWWg1vfqqRTUwlAd9lhWEgqMEcQIAy"
    "4EJjYG7n0C6F+dGQIOMtGCqmwFTLhC+CMgjo2RDmaQzJBeB2RmP1rApl4tgA7g/hVtO4aC"
    "2uebJAElCShhZoMgAfU+EwH1PoWAeh8loPgYUtnAyINyUKocrJ+3GweQPvuQAeizD4k4s1"
    "tBmBcYTYwfeSDeSlSxK59l6clhhsjXkc/CABPNXiRMFIq1nHOMO/SLGGkawXojLDLUtdsb"
    "ZdAEjJIaWUOlq1x/7ff+2dwuduGF8nkUIRnVZOirxagG/G1IHJV2zSJ6D8uWoHkxrXrRFb"
    "3GJFXTGD3Qxb+InoOSUssia3k9F49Xai63JiJXKDApmGLL8XGCUaV8sPokJKAuoJF4XhDf"
    "KLifbYyMqfUNrSLG4EuI3NHLGD5uaAt/l6I/nf5g5LgWc+um3fqk1BKmA4nrE7hGZsAAuv"
    "QrQO+22639TA4/5+JSc/KCN4gQ94dHaMH1rXoaK0jchzJzgo9oDDyZj5ya02z73kBgZtOv"
    "BRBgaOn23GXy6i53x14FbGolA8Mh4OZr603j9CyOBSy17ZJ5v2S/PnYWl5TJmjJJZgKlY5"
    "msiuo6lujHwqCtFdB6UPIwWj/k+DsSJWdyNw5vEQs3hKtkEosGbmk28fMYbRz1GIttrY1k"
    "c22Tv/ikrZaMpYyIihURNe2pEZMsnmxxbgQqZ3S+b2SKiDZSIqKNSERUN8jChCs1b+Q5LC"
    "dyLEmkCPQCEvJo0zkybxA6IlhBxPey6QTbZuFQ6VpWZKxr/Wtl0Br2B01gL9j32HhktW9v"
    "hv0rFkFdb1oTI15qUA9Fc4yHGI1c2hRsaCUsl365kDbGVHBf6ljP9of1aC77/W7AmbnshP"
    "b29G6vLhWKPYeePmS4ppvc8iN5BNaEt+80n5MZFJKRlyfdTLjd3Lyjp+nbJn1cCGf1NYN9"
    "K+BuDmhnH3TawzR/MzqfbZN1d9k4s00Nrgbs0WRHCVEaRP4AT3GQfLGkI1sCc2x8VNED8m"
    "o07Lr9UWEtVbRHPdceyOPE6sFAj8zEfKa9kEcN2oF3sR0LVvukpr9gqKNrbGioFkNQ++7W"
    "02jqKXtOXbAHs5e8Wbv2vxDAJflGIAhGy1/PT09Gy9OTyTngDdeBYYEJssArlgPA995BvH"
    "LvAYOACUaoCQanr2Or3ezpNTuw6rzFovzNRlhcMrjWov81AaT/jazWZfsT/ftY0+nfW5eX"
    "7Pp4zK632N/HkP3de3xkKZ0vX4c3TUB9jZlDRlZ/8KnTaw3+2dzo4zlJn2ROn/es/EVgAm"
    "JVCoMeuArMcqEXpISCkpISEoUSisk62KyFGavA7HPZ/Gqbhg5X/QeEsaHHrp3hR1IX0Jn7"
    "sGp7T2dcRfve2vaGl3RjG2Tddtg+2jm8R2+WC/Bo43t2iS17KwQx4Zl046Wlm1RAg3SW1C"
    "EGuo1YPTcHaOwboivpfl+1w2pKXxg/6BOifO7jaSNdlHW0DN6djdMn1i5PaznDFz6pAwYv"
    "ngfEEoMX4m+HrtX2tRIFbLLTLHHR0+Sw6CmPigqyHHg1sGJWgW11rOTJ31eGS6b5HFUkJW"
    "1atTaazzzWNxLi+naFE08y5Z2kpJ1EtilDaigl4fu0G+0T39fUWoYnfdvrtPtXTUBfo9nz"
    "kXXVv+x0lSaY22PDRO42cv4A20ROnxAjJUIkgmM/eqkqw+GLIznQWcZQ1xkLMmykhdbi91"
    "an27pkAwo+QIO/fWQNlBtl8F2hOnUjH4jp9fq622GXOK/Pr7SHne9MkOfwjKyb25trpfeJ"
    "PUOWZEE9HfbUQGl3W9TT5Y1pJqQuhi6SflVtBq1pIeYktoEKEijHS5jEJNGse7k6we5ikU"
    "fjUWlZA0BkbctEueTZ9ThZUZkoJxPlhEH44Ilyh0/XEW3aEjpf5yjBkjXLZQXlZ62gvDBh"
    "XNJA7rrJbXu+MEykX3vtVWMtCW17Wjpep9kVLXcZGGwbrAhcheIW7mqYGLzYLJZPRTB8+b"
    "QZQtcWAoxCQPTDoUUMdr0JHmd2nf7B6r08zlZvQY82iYGXpMFCza7toMfEp3dvT0ZQxIqg"
    "MJZB3Y2HDDVRiIw8zNh/0WQkdWd303OgAaG3tr5kNdPvtrFKfzIy88RFQ2Iiq7doeHQfdR"
    "AwgsTOVWhiK1HBdJNs+SZpCScRhPMTq7KWlfi0uTvd5KRPtyKSPI3JenP9g1yYBmSqlBu/"
    "L0o6KeEoNyOd+URH0QDOykgHutbTxXP56C4B12rXzfXPgUKVzPWz2DEkR4jkTiY5wry6zN"
    "U8qpmznsI0yEj5i7DsZC3aF6FlRoMU0bFP7iCJTVLBhRWsppEbT9OFwRZEZoUHSldp3bhc"
    "nkm/mBF8yh/XnQG75M5K9Eq73xsOWu0hu0gVz80Slwr83v/mCvOje0ShAZ8nQ0m0pVV62c"
    "eAqjzsR9IWB1mby6ctDp+ieKzQpuQoxmIrT6jaoRp/FkJIZugJUR7KD1kMdxZCNO0w+qAS"
    "JXd2VMt3PYU7ewkbBW9uL686w6GbaDGeG47jJWgM+t+9DA1sP7ge12+K64dh9CdyvTDmEX"
    "8atH7vNcGj4cx0OklaYnhimj1fQCv/UQlhuQqmZOylcL9GvXXDoUAmbY9OJJn9YhVE+/1F"
    "lq59kdy1L8JQm2gKTRWjRe7OHZWsIODllF8JziWWQ1f0AnNJUE6CnQPsBYWqENobwQrCnS"
    "mZLiWXLppKN6bOoa766vQE4f7tpt+LhzsiGA4sGJoD/g+YBtmbd137n8nS0hiiYLw0TMew"
    "yFv2vv+t7ddRiQOfARWIMqxBf3XV+iOsj3a3fxkOH7AGLiN5jszQSo0IJKU7hgQFDgSIlP"
    "a4LXKdO8YWEpX1A0SOs21cnSLVQUKyMjNCaFXLArovQs0y8iojr8eDqi/hMh+0UUGJbyy+"
    "njE2XuXFNywo49xCVowRrQfvKxwrcwj2lEOAg8nxO6JbzXoyYYijq08WnDczagk4VzutIL"
    "r67JBdQD9rOd+9rNQnr5kKdeu95hVs8IpJKvBjmZxREFBchvOmAHFsdmwF0aD10T2XYuUg"
    "AkzjAYElhR7ziyzMDXQDI7abaVXn17D9CO4RWhCwgM4MQEsH2gxp92Q5jzlxao8vkqkPYq"
    "U+3NOfFU84P534sJYVOf5Su7y96fSUmxu122krvbbSBOMlMSxEiGoaGqK/a2R1lS+trjpQ"
    "rtXOJ/XzoN8bNsE2hGrorFis5YSeu2y1v4UeYxOLV/Si3Rp2+j31c39w5VW/cFOH1ImN5y"
    "Orpwx/7w++qa12m31b68tAUa4U9l4LOexcEpXaj+wb4RQjtJ5K8lLnJ40MzPlJI5E4Z7eC"
    "/tbEoI3njI76ZUTuKkJlWdD+RpXuApUD67BcBfEuPxJNjL+Ryle4HAtMUEiSMzHkDJnBxu"
    "lZnu67lahgxz37kKHjnn1I7LjsVhBgZmLlgXf9fAXBPck0C5+kzMInsbluck91AvrVrT5O"
    "jTkTagVzAwKiMjdA6EiizyrPF02MCMrlP0PwILjRYtcAQiU3wtTDQYRIT4vnYZ+nKs1nk4"
    "+sCPvFr9fTmK8JfSIz68Ue5kSS4RCgYzhx3oK7O0ahEvrM3R2YYtoa35cAWG3cFSDwgbZE"
    "bABZPV0T8QtAgxYYI4DRZEniyu/u9U2S9xKL9xL/ENODmc4XWSzni2TD+SJiN/OhE0V3iH"
    "4k9NqNgMjw1hi/zaeINXEPXrFk3tcAuqdEsx0uNgYmJA6fB9g8ko22SzOrlD+GAYsqkm+8"
    "saq6/d6X9ePhJORo2gSJXYhTEyZIfABpj+bOe6GnF+kpvjCXQeaYvgg1yxxTmU4mmieYIZ"
    "0sS7II9VrI7mUomIf33W2pQpjvNV3ED1mCz+xDNN11Vv1azOJCL5Zj0yAzapF6kvRZbP/N"
    "zpRxs+noHWpqNergBIyWjXeNM7BAmBu7H4HlP3Amzm0uufUYV/nf7s92O7/3ktp/pAP9jA"
    "60wGvk8cEcmZ9zYOqTkEZHDKK6LxcvMx/hkxGZkijFOt8HwaAbU0RiIE8m2LYSIgPOOSDT"
    "GGOIV78Qjw3iXw5eUYuV2q0EUG+EH91GXmcjf/adJTBHhFCbJI8yfCKVO0ZnL/laGxMoNv"
    "s9JSMjJFc5tPdyLJRk2wpN9MdGw/hs/oy2kE9C2kJPEzATL1C7I/uyjvceGbhZqRdfpyrO"
    "uyQW3sl/8ns1j/zdF+8SOFQ6hngJHzqdzLxo3pMqO+86I/UypOaitsSYBQuZGLAnAHqsSB"
    "Ow6CHPN2gRB2GD3AOHuiR1sH4TsOm4qwP3NE1Af+IKsGWJREmYPb5HZi6IRbwkMgSXxvQ5"
    "SYIyipQaOuu4zMdiw5GazdYU0X9C2qmxrS+1HCF1Tw2/NhonJ+eNdydnF6cfzs9PL95t9B"
    "G9laaYy84XppuAMRQlG5ADYw53T7b/188L7fPSr7GtKVCGcFoHfy1t9kEFXIHy80zYTKf+"
    "GVsyLZnbCQiJjLuw5A70VpE8qPtlJOgFQN9YH2nFqpM2hUVERVYB59hc0wW4X0wnffAIyd"
    "ZembiHWT5/9WmZEFJogBwbEyFIcayjt2sjXESexPWna+X0LTS06R8ZeYvilXKeVREl1skp"
    "z80OUhMxfnaEu0h2tL0Px75nMznartwbEz0gEyxs09AMRLjfy1aUbZYCj9p4HtHGSwZ4aS"
    "U41iW1Kx1psRzpBe34iXGxp6tf+MQPGLUhj4ajzcY2HbA5Azi1G7pOtr9e9lsDdgbItp2R"
    "NRzc9r5x5Vr3YthV1I/AUDVZnY4cPT8kdbgQwDuhh4DPczPpFEWNTo3+/qmNjTh0kyvBx0"
    "vLcvDpvl6BcvDsx6jzxBNWnp6bAg0ccHayJ5O8s1L/8+cmoHIj67LLK+qMTV5F5/evnaHS"
    "BI8zw0GF2KYsZFMy1xQ5i4Uhiiwn75gJy8nRUvpoWU9LkJ2CUGQ+2whK5ZSuHG8PbH7lRA"
    "SlckpXDjHmCzNmkUnWylZiJ3Uc6ORx5p65Xww8Z5Ixh3PfDs06MCbUk1tlW2EOrR/JLhZR"
    "xdGxi/4tHQXynYKSsoy5sGcbHD2b8kQqmZqYmlAopSz7BjPBum+uxLLg6A3QtAM6sww67W"
    "G++i6SJheYJt+mtdRiOHLf3XoaQc5TGDT+YMY8NKpt4Ar4M8N+8YVUWZturWdDB4Zb0IJn"
    "kq0JbXbBodiwYxdX1IRasfDsytIIsK0ob36IF5ZMqKflT1WMUz9IVlRK8R0x1uNq7RzM7y"
    "RI50BQ52CnMHl5i1UX6VOEFcvBq7jVyn87dbky+YN+FjTLnnW6emC6eryy0BQ67OCBuzs4"
    "57uHJ8i6u3sNbEzXFfdc8Qyb1HdpbmSN6COGjuYL20GWtlLv0erujq1abpfn+9m9zc1N9x"
    "wERC8Tx01e1eCS8IgxYBis6L8x5iFkQNvhxeY000CswvxmoHlF5TBimOmb5iZ0RHnFpnhL"
    "Bu33CPKsWf4DGcXhPBoaegsuDdNk/yTIcUz6Mg/+EVU2ZGLuuQ7QZMYfXV0dhD/S12g21p"
    "mUTddv3aZilu2sF/K7O6/OxltPzIUuedN+cLt3CD+5f/959+9vOn8+SygoJ/Iuq9p6qDfZ"
    "wObD/6O3Ode7xgd7xuDSs6STV/50jkGn94UdpKF+VpQmYBpgSxftXYVifuWfd+H/3Fg9xA"
    "+SkJjIKhBpFzVGE4SR15mzYh0QEhnp2iOzBXxrN2HRiDpAb6dvwZxORbD5vlGk27/PpIv3"
    "Kbp4H9VFeLXOoZEYUZH1UnAE7AV1ubM9Ef1jd+pkgcH9GLkpQQlZYLCUAoPF4hDl8RBXbG"
    "3sOGhei2EhtjfraRwEX19Vgz6XjYBIxld6ugJOAvUUT/fFOFFbB2pkdb4P1OtBn65STWA8"
    "YHWB7fnCGVnf+522ctXqdFV25OCQSjbBg21oaA4NU2WHDa73XOT2CLIUrmokF65qRApXyR"
    "r9e9w77R5BnLqb9OnhEWlkX9CXUVyA3Rso/7jtDJRPTcZrqoxVNTDSR9a10vvEx8ICWYz/"
    "5Kd4Dvrf2ZN0UcH2A3tqoPymtIfsGkZ/Iq3gPvjyd0u4X6OyTMl8PEVEsJD+BEu/CB8Xme"
    "28yLQDIxMGT8EjwgKi8ogwkf00ViYnquDkKgfr5wUeRvwb3zj2G7JASJsB1zAgTS/dgpUF"
    "mtiYTnBvyMqi14hBsk1yhy6IoC+xezAWQfRL9Jg17LNpw6QCrzHCIaVNmPQRGg4pevjUv7"
    "3sKuB6oLQ7Nx0vYXkz4PhNdoleMNaeX6sbrrmC4L2qjyf58A5ISaCzAE29U+MBqXzXcX7A"
    "Y6ULAn88C0wZuD/CBzX/ycVBKYHN4IJmVPlliZcmfCwAdEisgr5e+VDDYlBDCXX+I7nXLn"
    "FutKOSEvAMgBPjb6SOV07ctty0PJagnMjRlBr/Sp5GbZpARyZd2NmRKhPDRBlt8+fJXiH2"
    "EmuowFCICIo8Evguw+WC2lL6LwS4unpFPai1PyXMKQAOZBR5VA/Juz39MofffltAFXCpG/"
    "bba2xriBCkt/g/17/iVUZNHHqXpwCZFoJZ+DLRQlD/6ugIPLmD+kWo2c1VKKLmoKRk40XW"
    "ssya2s/OsU1IarzKh21UUFYfkElpBz71NqEnl4DvLcm07V2w7psV2+jgDeBLPwP0brvdZ0"
    "36u0EOS0dyR1dc4t/mgfrTyX/E/+yTGxCvEX7jdT9gPyCMqa9F1qdTUHAnxnTJWBhPf9Tn"
    "Jw5dFqeIn5AA69usKraJD1ms3dfRjYn7e40sNytWGiLXVxGmMiQo8BLL39hM6LoiM5XbDM"
    "jNIFJ1uMpTezatiRehstLMUemzP7W2S29OluUq/1SFRMckZ72oHdySoygYlcUpKc8OHqxL"
    "MsTZwNubqfbvpqxDRtv3G1o4AE4chHlxCh5VYdtVp7aFmuDubkua3d0BQhc58DhDFj8R4X"
    "G2qvPVZAbJjFqytLOseEKhWxSDfUfUCD7A+2J37ax3d2jQNJk65T6d5zSQvQpP8Tm3Kbs+"
    "gmLCh4o/vHsHvKNBWL8ruIcgW0gsJSIWDohVfpfUZueTb8PTyGq3uvQCU0QhNZS+lWM9Fe"
    "UYAD4RkRUgVPSXDbyYypjpILsSFcS4/LopdKLAxXy4oORhfLgydpdxi4S70SxLa4ym7nHS"
    "L8unQxTSIkr3y8kYrMgafmG7bmoeE89dkp3Hs9yesK8VTCZyHz3g1U/kzutpHzgIIlMiX8"
    "YKfky5cs/A/1ZHyczSSqsJ8TSxE9OMwPnl1FwaKr0hNaya22SIkdW+vRn2r5RBE2hL4thz"
    "JMjZ8cIEwMRY7ap22k8FUJVZjM+SxZh0bk9uaIuf3HMkyOY9u+dg2YsthA1tVosJ2Xp36m"
    "nxWrh9ptQ6hTK8+YzhzcTD0ZKZBJ9IBSmExulploqBp6fJJQPZvZBRRQdVDoS9xyuI7n7i"
    "ZrbFzOoowsl7iH0ix7CFuAxvsbRdwjsldu26mP38f7Ku4fM="
)
