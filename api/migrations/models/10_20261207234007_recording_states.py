from tortoise import BaseDBAsyncClient

from api.migrate import dialect_sql

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_UP, postgres=_POSTGRES_UP)


async def downgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_DOWN, postgres=_POSTGRES_DOWN)


_SQLITE_UP = """
        ALTER TABLE "recordings" ADD "claimed_by" VARCHAR(64) NOT NULL DEFAULT '';
        ALTER TABLE "recordings" ADD "failure" VARCHAR(300) NOT NULL DEFAULT '' /* why processing failed (zh-CN) */;
        ALTER TABLE "recordings" ADD "state" VARCHAR(16) NOT NULL DEFAULT 'ready' /* PENDING: pending\nREADY: ready\nFAILED: failed */;
        ALTER TABLE "recordings" ADD "claim_until" TIMESTAMP NOT NULL DEFAULT '2000-01-01 00:00:00+00:00' /* a worker's claim lasts until then */;
        ALTER TABLE "recordings" ADD "attempts" INT NOT NULL DEFAULT 0 /* claims taken so far */;
        ALTER TABLE "recordings" ADD "original_key" VARCHAR(200) NOT NULL DEFAULT '' /* the upload, until processed */;
        CREATE INDEX "idx_recordings_state_a91983" ON "recordings" ("state", "claim_until");"""

_POSTGRES_UP = """
        ALTER TABLE "recordings" ADD "failure" VARCHAR(300) NOT NULL DEFAULT '';
        ALTER TABLE "recordings" ADD "claim_until" TIMESTAMPTZ NOT NULL DEFAULT '2000-01-01 00:00:00+00:00';
        ALTER TABLE "recordings" ADD "claimed_by" VARCHAR(64) NOT NULL DEFAULT '';
        ALTER TABLE "recordings" ADD "original_key" VARCHAR(200) NOT NULL DEFAULT '';
        ALTER TABLE "recordings" ADD "attempts" INT NOT NULL DEFAULT 0;
        ALTER TABLE "recordings" ADD "state" VARCHAR(16) NOT NULL DEFAULT 'ready';
        COMMENT ON COLUMN "recordings"."preview_sha256" IS 'empty until processed';
        COMMENT ON COLUMN "recordings"."wav_sha256" IS 'empty until processed';
        COMMENT ON COLUMN "recordings"."duration_seconds" IS 'of the audio (0 until processed)';
        COMMENT ON COLUMN recordings."failure" IS 'why processing failed (zh-CN)';
COMMENT ON COLUMN recordings."claim_until" IS 'a worker''s claim lasts until then';
COMMENT ON COLUMN recordings."original_key" IS 'the upload, until processed';
COMMENT ON COLUMN recordings."attempts" IS 'claims taken so far';
COMMENT ON COLUMN recordings."state" IS 'PENDING: pending\nREADY: ready\nFAILED: failed';
        CREATE INDEX IF NOT EXISTS "idx_recordings_state_a91983" ON "recordings" ("state", "claim_until");"""

_SQLITE_DOWN = """
        DROP INDEX IF EXISTS "idx_recordings_state_a91983";
        ALTER TABLE "recordings" DROP COLUMN "claimed_by";
        ALTER TABLE "recordings" DROP COLUMN "failure";
        ALTER TABLE "recordings" DROP COLUMN "state";
        ALTER TABLE "recordings" DROP COLUMN "claim_until";
        ALTER TABLE "recordings" DROP COLUMN "attempts";
        ALTER TABLE "recordings" DROP COLUMN "original_key";
        ;"""

_POSTGRES_DOWN = """
        DROP INDEX IF EXISTS "idx_recordings_state_a91983";
        ALTER TABLE "recordings" DROP COLUMN "failure";
        ALTER TABLE "recordings" DROP COLUMN "claim_until";
        ALTER TABLE "recordings" DROP COLUMN "claimed_by";
        ALTER TABLE "recordings" DROP COLUMN "original_key";
        ALTER TABLE "recordings" DROP COLUMN "attempts";
        ALTER TABLE "recordings" DROP COLUMN "state";
        COMMENT ON COLUMN "recordings"."preview_sha256" IS NULL;
        COMMENT ON COLUMN "recordings"."wav_sha256" IS NULL;
        COMMENT ON COLUMN "recordings"."duration_seconds" IS 'of the audio';"""

MODELS_STATE = (
    "eJztXW1z2ki2/itdfBm7Lsk69tjJkq2twg5JmLHBF3Bm5y635EZqQGMhsWphh907//32aU"
    "noXUiyAKH01lYmkfq0xHNa3ef9/KexMBSi0bdtWTZWutVoof80dLwg7C/hW03UwMuldwMu"
    "WHii8bHYHsQv4gm1TCzDZFOsUcIuKYTKprq0VEOH0W0dEd0i5tJUKUHyilrGgpjoZLx6T+"
    "QP7E9MpuzPy3P296vzi/enHxFGS9OgSyJbP1HkPA0ZLzpFuoH01WLC6NfEegsvoBgyewNV"
    "n+3hWStd/deKSJYxI9acmOyJ//xfdlnVFfKdUPefyydpqhJNCeCrKjABvy5Z6yW/1tWtz3"
    "wg/IyJJBvaaqF7g5dra27om9GqzZYZ0YmJLQLTW+YKANdXmubwxuWB/abeEPsVfTQKmeKV"
    "BmwDavsFvGsNSer1R9KwM5KkRoSlLoUPeeeSbOiwHFRYHPDrZ/AKb87f/fz+5w8XVz9/YE"
    "P4a26uvP/TfrQHjE3I4emNGn/y+9jC9giOsQcq/28E1ps5NuNxdceHkGWvHEbWxTENWveC"
    "h633BewD3AX+LmlEn1lzQPTsLAXKb+3Bzdf24ISNOoVHGuyTtb/lnnPr3L4HeHv4TrCGdZ"
    "lIU6JHYb5WZ4kLOES4fSWXhffZblfyX8/PLy7en59dXH24/Pn9+8sPZ5slHb2Vtravu19g"
    "eQdY4a53D3/ZJICPhK0o/J/YHUtdkHgGBClD+CsO6Vv3L8e4+tkPVPq6tna2tBSsR927zn"
    "DUvruHxy0o/ZfG8WuPOnDnnF9dh66eXIW+k80k6Lfu6CuCf6L/6fc6HF6DWjOTP9EbN/qf"
    "BrwTXlmGpBsvElZ8u6971UXtTzg3pk++TQ4uTLD89IJNRQrc8ZYHeSbOKRz6Mh26z78OiI"
    "Y5stFFEDzwOzDVES6DP92F7171loOH04oS85UwPbApMsDjsPeo0LFlnFfi0+OT1BQh9mkT"
    "85kj8EqYBt5Mdf3YmNqgqXIZYLW9meoK1lQzXl6J0mc2RV3h0YgyI6bEjiZTJa/E6ZbP1W"
    "FTresK14IoKn4dSncwRdcii7piZBLZMBU2zat3cmeeugIlY02TbLReCdUNm8mGq65Y6Yal"
    "Tss59Hq+qeoKF7XYD1q8XncZuvPUFih1pq+Wr0WJT1Ij0RxUY+PcSFKWg7d8xixV05z9Oh"
    "7Mvk5GBvsjs9J87c1YE2gj0oREiWWln5bZYePCxdA3YU1Qg+W3OF+EFuQC63jG3xKmA+I4"
    "k0uyD2ZjktnqiJE8Q1Amd4yxBNQNkzs84Dpi/8foZW5oxHWBtOCfTfYH0eHPNfyBLaRaSJ"
    "5jnf2ut6jHHmui1RKsiAoyTMTej7C/xrpl9vHM7e6Zf24gs10s2Gr8r3DZ7NNlYzM/3mnT"
    "0VcLjm6XvRL4DyIoe9RVduE0PnWH7evbzqcWUlQKz1bCn0QWl867qwwenXdhQ7Xn0IFbQX"
    "8Cg88wJYYG0fK4zUJkVYa+oPfs3XkW7xkblQz2ecR7ZhJMk5Z6PNAeRQ0xvszkobxM8VBe"
    "Rj2UCrGwmmsxexT7w7jR2AvC52dZncCpXuAIyPndj7V1Ox6Jm9HFJOJnDJ4GflEoo5wTJN"
    "qfY7/yIk/4lM2JqkdSCNOKqUplQBpxiUdWbhTgz4ZJ1Jn+K1lH5MhUTf4IV22SNsoum/hl"
    "o86EPliGgK0x8UOyPbxpf+o0oqu3BGTr5TGPoup9sAFM2Qug3sPtbePP5AiOXAasvMaFpT"
    "oynojeiDMsuPeaqUaFpcpUaDYsq0EBTQg2mVbOidCUKeX2fQr6OVPEkcXQWbIlskYaXhPz"
    "I6IMPKa+zzGdE6WJ6Nx4AXuATBBT93noEps7xoywyydlMR5AIAkwXdgMRJjn3sANKqqZJP"
    "x3KQL+u6h8zz8nCb6RPCgHqcrB+rDLOID01c8ZgL76ORFnuBWEeWmSqfo9D8QeRR2Xcunm"
    "LSoby4SNYrtpcUNcZagbD8POoIXgHBrro85t5/5rv/d7yzv3qmFnFHHLydDXK245EK2FqS"
    "WxpVmE72HaEjhfTc2i6ozOZDkyyTM7/IvwOUgpuFxlLrt78WSdz5gVoRMWraiR0FUls8Pq"
    "oxCAbjURrhzzk7BipVixfEtqu2HQ+6wFrltwjeyAlTIR3hozVf+MVW1lkkaMmTBwv5lmKt"
    "RgpDS1h2Y0Fw6ITHQLARFREEQ4vlF1iowpMnSCrLlpWJZG0BNZtxBG/AnoZGoaC4T1NWLH"
    "F3sSPW2CxQ8jWVNhMudq1GK4y4eN9TFb8EsLMRqwPYL5aoIpQdRAEKW0Ru37LiSXy2w0oo"
    "RQPowysBE3yb9Fozl/NlIpm374tf3m/PKqCfTYsshiyZbQWOcvRdGJMbUIREwtMaUvhqkg"
    "+KIU9nDL4PO+mIY+QxPj+ynCJkG6YbnGT/Z+THrA5mtT2Nmb5jFeOMOFYSjBMJRs7/R/UB"
    "mFAz9JbbKtSxO2uHZpbwJFddMAdQ3tEnVSXCaaIYOSyfbYuNigdG5HiIWSWjVe50iW36Uc"
    "NWTnuo18RIRyb6VKT9QelNnN+kImyKH5yI982TCeVILmBntbJhmYWFeY5ML9Mk3bHQqPYq"
    "KOxkQMi7oSRpxjtdS5d+dKTZY2YhVjIWxsFzaErT6ZFfW11ZPvS5XNVoDrQcr9cH2f39+R"
    "MDmTILR/I2PlPuE6WRmrBm5pZsbDyG8c9RjhzeVGsuS2KSi0VWxLxlLUEqxWkBm3s+WROD"
    "cEtRM6d5INpah0qeG1lDeYL0xX5fCcKgX1uXbi3HF9EcIaIr6TapmmoRWOPnNpq4x1o3/f"
    "GbRH/UFrk8091m8ehqP+HQSludV2w9aFw4SgqUxDkS31OYYj1wYDG+sJx6WfLsSNCSPcFT"
    "vc3X6/Gs11v38bUGauu6GipL2Hu+sOw55DzwaptugmapUKOwJMcagcwopZ1GuY71YxhEtI"
    "dxuwxT7o3ozS9M3oyj5Akd0jgT52+/cyx14Bly9PrYZQCYi2Fz7zucaKg+Tzwh2ZxJAJJL"
    "twcykblF2+uc7706FqOB8nVs8qeQGJ/EC1nI8atD1X4T0WrHZpyf9iYoXcm6pMGjH2fN/d"
    "ZppVfwbjpCUMLFRLj1PyrHSMxqu/vr+8GK8uL6bvEZ+4CXGYU6KjE4ie4LWDsbm270EA6N"
    "QkpIUGl6fbyueV+ZhXOCH4jEXNXRvi6trOG232vxbC7H9jvX1984n9fSIr7O/t62u4PpnA"
    "9Tb8fYLh787wsd7pfvk6GrYQU83mFh3r/cGnbq89+L214cchbWTJLhC+svI3+wmQ1clrvO"
    "duP05VywIWtCClsKBVxYIWE6SxOQsrEMD41dBUBa/7z8Q0VSX27AwPST1A5/ZgyXBGZzxF"
    "+87Z9oa37oNqLfY8kHWxwE/kzWqJXgzzCS7Bsbcm2LRzKSYrXYHEDhmzXVLBJlIMQnnqgw"
    "zvED1Jd/uoV5ym7IHxH32CUxTH5VYEvvSqnKNluCngO91ydjlcy+nt8VHt0ddzGBBL9PVU"
    "vyDPnipuXmYraZpS0fQ0zvJ/mOPA6eEVcwp43b2SN39fG7GdRkUFSniLQlz7LcS1WQeZv/"
    "wNRXU1vcJRO5mCdlJidiJlczATm5Lw3a5U+8h3tdGWoVc/9Lo3/bsWYo+RjcVYv+tfd287"
    "LbQwJqpG7LJGfAAUNWIjDqkrV9PcsRu+1NXeEew7tIoxZGcsELahrjQXv7W7t9B8gPHmGa"
    "v86WN90Bl2Bt+gIYHtB4HE8vb9/W0XLnErP79yM+p+A0IeADXWhw/D+07vE4yhK7pkeg+M"
    "GnRubttM7+WTyRpmCkdF2hvYHJKcZiEF7CixE9TQnHK85pOYCCR3lUtQtyEvx6PUIt23yt"
    "wWUYbJu+tx2khFlKGIMqwMwnuPMtx/8E7Vtq1KR+8cJViiA7voB72DAF/RDzoVq1yWeV/M"
    "hYbjwi1y91a9MRZLqFB178xXj3M3sAI1VScSeGTLwOuWTfa7M1cNsTKNlVVSs2NbvBh4E9"
    "YErkLescSmvSEhbJufLFfLXsYmxHumsxfHOlXherhXbp52vCXMl8VP5/xS0Wn3MM46MGhJ"
    "rzN5h6YoZPfez3bwQ9u9LeOVfA5MUOkU9B+ZzaJ7s+jefLA4px30bq52W+GKhD5WyVSfzR"
    "8nut+WXb46IEhnxDRAU6ekjF15P5Ji23I7P7xgySMDOKvzI7C0REPhmjcU9jtMYuweIX9K"
    "st0j7MLZcZCwt0jZrWDMMP+33cQDXoTL/ZKwT+zbPiFCOX4IeVBUmv4huOxuonl57KPbS+"
    "SdYHBhBktpJpHtRsbgDFW2JQ86t5320LYAauyNwSzY+cd9dwCX7F2JXbnp90aD9s0ILjLG"
    "c2HGNiB+6/9qE/NepxUxHnoCT2bDoUdSZW5BE7VgazaesAudS9ALpmgBlS/Ak9Fyu5mYBG"
    "nqQgW31pKYGyo29oVoGvyXX7ZFxqj7bB8P3HNr+kMFWFZN8BKWm2NAVfTOFaawvUhu5ZvC"
    "9h9hfazQpoRYx2IrGj6/ohNLFiOjCDCuRK07P2Qx9tgQosn22DAT91i0AQywyfZZRklXEy"
    "YtW8IsewCz7I+QJD18uL7rjkZ25I+z1HjE0KD/zQkZMo1nW5n/pWOr+Cb5g9gKPhhbPg3a"
    "v/Va6EW15grbYfVqKPmysVhiPX+PnTBdDWOEdtLxRTaJoloMyKTSEIn+Cz9ZDdF+9yHL0v"
    "6QvLQ/hKHWyAxD/sky9+KOUtYQ8HIKUQX3Et1i4kCBvSRIJ8DOAfaSQVUI7Q1hDeHOFN2Z"
    "EtwZje2cMFlTkXwVy4Jw/zLs9+LhjhCGfVaqbKH/Q5pKd6aaN/42XekyIIomK1WzVJ2+he"
    "f9vbFbLScOfAAq4MByQT+5a/8jzI+b2/512DMFE1xHAm9B0Ep1NiXF34YIK+y1qFIcrlfu"
    "P7f7NkQqaqdU2YUb0KpzMjpMK4JuKs1qUUr8h2CzcNsKt+3xoOqLAM4HbZRQ4BuLryOMTd"
    "Z58Q0TCid5JatlVW0F78qXKwIQdhSAYAazNV6Jbj1raYUhjp4+WXDe7Kgl4FzvmITo6fOK"
    "0AT2WqvF60vqfXKmqdGy3mlQwgavmIgEP5bJ4QgBxmXovIeoZUADHypj/aPdoWdtEYo09Z"
    "mgFYPe5BfBzY0U1SSQXrdu8mum8YKeCFlStMTWHGFdQfKcyE90tYjpvbfDB2WKm/DCNETD"
    "i70HQzyxnxVvgt4eCuHSVtkj07h+GHZ7neFQuu3edHo3nRaarKiqE0oltuwI+11j/bbzpX"
    "0rDTr3UveT9HnQ741ayHOqqgqUztat0Ljr9s2voWGw1Th1WW7ao26/J33uD+6cAi3OEp8a"
    "5mKs9zqj3/qDX6X2zQ28W/vLoNO568BzdWJBzyaJSZTwjnhmEuJuLnmN6RfnGWzpF+eJpn"
    "S4FdTApiqbPKe/1E9T5aVSqbgLtt4Y022gcmAdpqsh3uX7pqn6byLxMy/HARMkEuaaGHMN"
    "nePzy6s8y9ejqOHCLT+pCYSuPPC642sI7kWmXfgiZRe+iI1+Ewn8CejXtxcDE+Y0LBeMFg"
    "iQimiBSvsWg4pn9qM/SiiO/wzuhGDexmtdCrXMq2mG3QqRlRZvmT1M4aTPGv+yIvYwfr2Z"
    "ZgubshGZ7WAwmJuWVIsixcRT6y16fASjKmVjHh/RzGSz8UwFBBWd14jiZzYTNRCGKtAa4R"
    "eQjHU0Icgk0xWNKxq90yeJtq+H3pqaKVaw6rd73psg/SGLHP0hWYz+EJGi+YcURXdEvies"
    "2g1BleFtgP2bbxiuYR+dQLDvKRS7gHuQAWOYSMPU4rsC7CrZjHhpQlbnH6OAfBWJR97IWL"
    "f93hd3eDhIORpWQWOP5dSAChrvYNqh8POu0tuL0Bt/MAVCxKD+EGwWMag7Mg+ri6VGpCKh"
    "qHGkFY7o47KC/bLQhIYyNYH/AOQ0MULgFESbV2Xig0q5bNHikgTc/Yki40VvIvaziKljLa"
    "M7UEQIVkaVzxkhGFjiJSCcOVCw5p9EVn7FbTF5jS8eN5+JSV9fTAYMK9/smWr0pew0bssP"
    "WYKpyodousVK8nMxi+VquZpoKp2z5etQtqBq4r+hAZm9rtgdptOcN9EFGq/Oz86veJlEeN"
    "ZHpPu7k8VZq0qePcZC9U/7Z9uL33mIbZry2a2EpWqflqoKC6PHB3Nkf86BqY9CSPcxiCq+"
    "oNjMhj8fTZVtf6Wowbuw5CnqjNAYyJMt2R5FlQHn0qKmTkxsrn+ijtmVvzk6YVIwk4UpYm"
    "o/7/NJTzPqRjsOzlkQSplMkocZPpLaNVjbSZjkRgSKTUNJCYQK0dUO7Z00DBRm7UIb/bHZ"
    "O30yf0ZZyEchZKHtZrOpEx/xSouOG2ZxZOBmNcD4FlVxu0tiBaw8Zpc694ffld3lxlgsVY"
    "0o9xqONbwE7jfTLC+yM1JasqEZTS+8gcXKNMErD2TImCLsmhsxReCobyJ3ZmSw7wydTNbc"
    "tOjIBmCDXKpLoqk6OW0iu+kyYr+XjWJnFE3omrHjh471sd4zUJtaxFTpE7KYLoVU6qTwtR"
    "DB8pxd1AiUy1sjncGJTGhBZNpBCfAOdvwShDgZL+wlOWgUnchzrOtEG+sWWbDXt3hc00pX"
    "qJf0d+qEOvGn2tOy15uzP+05naW7mfPFWGkKREJBGBSawPtMDGWdMSBKGJb2aVhKtIBcq7"
    "NDGkHKqIasKvAtwvqH7YapBfqMsH9i9p2ahrKSc8TmOGz46/n5xcX787OLqw+XP79/f/nh"
    "bMOP6K00xlx3vwBvAsJe1JhCLDzLo9+44yut07O3Mdh+1xnhWRP9a2XACxVQdcoPWIPNW/"
    "ojtjZjsu0qQFRl3CtrvNoc9GkF2pPSHiOkVWaB3/lpvzHbf3hnrY10MLU7Ch++4roIcir0"
    "gRyb0l+RgnBHL2JF1P48qRnb60P1dTIy2B9lB31UixEl1oYqT6O9ZTrZ7wSbjRhtdnOvma"
    "bJglYnrdmwjFrs4N25He3ChA4To/Hq6uxiwv58f4ERzEUDGuYSq/zY4BSuHgrDEDyyyfNa"
    "XuZEtwVfuIaYBhejx+7vsa/QAcV+tXuVEFgrcY7nADlItD9z8FmlQQ6ButItVcsrTwUpRb"
    "fwqolT4uiv69EfdADEnP8RD0GyEOC8uOkbm8mcbdO90cgz0dDS0FRZZScxnK4++zEojhAb"
    "4djlvFPaXOkJFuuS5hXm3Kqd3fJTYvTJ9tJuPvI9xkbQF9WS5xODfbA5wyQaQ7an33y97r"
    "cH0PLOm2esjwYPvV85c/WnaphUuFydW7AKUQnJKixZYY1tUUSRZPb7Z4apxqGb3Pgonlp0"
    "P0o38xbofgQ/RlokNhTcvjcFJtjj7mRMp3l3pf7nzy2mLU/H+vUtLxc50XiJyN++dkedFt"
    "OLVYsU8nlkcXkkezwirQcBUaa35/1mwnTiayn9a3G3JQxNv4rsZxtCwZzSmeMUeMnPnAih"
    "YE7pzLET+PJwxaN4FTv2mEAZlzPpFRxpInXKNLl1thNm3/wRjsUirDgKS1gkmtixGxSIKg"
    "5SVjjH/2Bqj/CE7CVgW0oMkCsUuJ09jbtiyzdX+Hbw6w2YaQdsZxl0b0b5ihcKM3mFzeRe"
    "cGUjxkbuu9tMM5DzQDqZD8zoJ2fcRjaB3zP9ky+aCua0W5uoCoRLc9M2hGi7Bm244IVNa3"
    "gNkVlrXabI0KN28308sGSDeloUb81s6nuJzU2pJVmN8/iwvtzSbbu5lQShHFRUOXiVm7y8"
    "w8qpOHWtalqCUzc0IvXQcitsTHyDtxeI0ZFDx44OhxJRYoEuT93AKZNAbDCIMQq7NmPLgK"
    "n3cHoMPrD/MF7MDS0uiqvMySHr6PGRYa4T5fGR5xsRy43qImiCNRCykGwalBKKFMgrsgx0"
    "cYnWK3bm8bZgGsGQLMSJ2DNNFUbiieHUT4bEpbHOZ4AX1Q1LnYIjGrKkPqLHR7qiS0g4Aq"
    "0/9AqbH+cO4S/l/XgnBxCdWFBnaqyremA+5/bj42kz+JYYmYSd8uYMUqjoakH4MZ61sZlw"
    "d+/T3c3Xy1oiCxwXV5VSyDlEJwoBZCkE4KAGsmu+stkhutqhnQnsFKyjUC9USrlXWtPcnS"
    "qPSTuB/HjdDW5Gt1M0cKVjnb7wNFT4jexEMQlPT4VTwEDhBVc9K7h9qMboa4bBziI9nqse"
    "UYiRE0a1Kw5uruxXpr3u928DqF93w7lkD3fXHbaHcRawQaoV0NR8HiGfDJFXnQjT7qW1j4"
    "i+LeZziAh3ubyAccTHu2FW1j8LgPGaDvlMJWEy4RKKsZZUpUjk0escKU6hzUIswSM0YHO5"
    "lVCOa+lmdUSEP9tSfUGJdchzOoNeUYX8KLxBWWqQl5gwSZQZMTu6Za4bcTmTvtvN1LRJPt"
    "AfZ5il9rJjuTnRyQxb0Mn+8REv+K+fEv3x8RQZJsJINqFNT6gcMtyykYmtu1zSzLZRTVXI"
    "YmlYRJfX0hNZ26Yte1Xxas0Oy+yETJOwy9xChy2m76y4CU1HgMya/ds0eeoGYvPw8j6yph"
    "JoW+5VUT9x8zSZroRUpenMurFyTZkmxb4Qt86PSQByZfPcqQp2Qp4ayh8J5kKCobjKWOdz"
    "gBnOelFlAn3TnK/prWMetNFBC+OZveRkHUKNzcUnpmyRsLXLtDrMhZ/k0tTBxRzCMVKlOj"
    "zeV5FQ9FrbbwXrDdfzeSmDdFWuM9hwd4YW7AP82/rolKd1rvG9IZtB4jAFh54YIvGWve3x"
    "+S5tpSuwDLq9L9ftm1+lz51OCwEH4NBjq4uM9UEHdJsvcN3ZGsd6+9MvD8PRXac3YgxU/l"
    "hRa8H31pv27a3kDudmNpfittvr2LPzvH8+8/BuaF+iCwpXMi6BYKfr8ww2xovz5D7X55EG"
    "fT5oYnke/0GGyKrM7sLm3B3ULN6csnmwDhBVGenGC8gmPhGBQlRyE5G3s7dowbY93Hp3Xm"
    "TZv8vEi3cpvHgX5UVYasjBkRjSKvOlqPtoF6iLOtKJ6NfJClsZK9ShvyjRhO0IDCDFbFDl"
    "WUs2JsAYU4nfPJhsJ9mY2DLaSH6Dk5odzvDuUGVY1VcWgRhW6KoxeH8KmsrSZMo8N0TYt5"
    "s82gYCXO3ShSZYFVSd7csgDjcZBRunLlaLqOFk948TQTnV0vQP21X9sNAGpKjLLELUZbIM"
    "dRktUQsfisS+Csn+UOLNKclFuhLIxXkbYwvZ7DcSJexRSp6iHbG0+0P5KmftjsbVWSuw19"
    "rL4yO6si9fIZrLalUaD5xtPucyD1FVtmQKgwaSdh0zPKSUQNCsL67pMKALPW2bwHm0elqO"
    "IPyIpvHKbirRsPp6eLx32k7lDixnXYssGjHqgXczVT/g1jdJZeOyKQjJiJTgjxOS+D4l8R"
    "/GneO5csZ699tAuh/02d7YQuqzKS1NY7G0xvq3fvemc9fu3kpfBh22/fa+tNCzwQRiSAKQ"
    "2M5K3MqMuf0FWZpInic3kTyPNJE8rAp1aEF+x30+TPKskpfUdhPbP4/IJLuCvoxGOHBv0P"
    "nvh+6g86kF0fEShHaoTMwc6/ed3if+LUD0K2PLWG/fs8/nG4xkh4ppPMOoQeeXzs0Irpnk"
    "DyIX7NlSfk1F+20kqKeUz4sZISzEv4rJKGHzQzb7Q5oBIuHjKaQdhEj3EkovtIMc2oGfz5"
    "BME2Vwch8kd3yFPyP+jm8s4w1dEiLPkS0Y0JZTlOG71eQNDUzyhq51do2qGa0eaXzfSbvv"
    "lcmVrWTD1GfNwEnN1mOIQ0ybAvURCg4pfPjUf7i+7aD7QeemO+w6aQ2bD47fhEteGtGg07"
    "4NG18JfpKUyTQf3gEqAXQWoCEE9JlIvDZ5fsBjqQsCfzwHTBm4v+Bnic7x+eVVHkkqSFVh"
    "MbigGHWVRbu7StburiLa3UrDLwWADpHVUNcrH2pcDGosoM4N9dJViXOjHaUUgGcAnKr/Jt"
    "JkbcUV706LqA/SVdn32+BvyT1jmgYZNOxgB9/YVNVIPo/knuPoqbEyZVLgU4gQVvlL4LWI"
    "V0smSylQbIjzyk01An3qtIiNqPzvZEEsDCbyKB9SCmj4aPafBF6AFXilqMbbe9OQCZT+aP"
    "N/ur/iJCMn9p0LXoE47IpJ+CIMu6L61dEZ8ESd9R+CzU5acQE2BymFNb7KXBY5FbsJddu4"
    "pCbrnOVoIoSiII1IWdlzzY6ElVwCvg80U3H8ii3fzEVpIh9vAF/2Gqj3cHt7qJQgHtc3dE"
    "r2NpIC/zYDmtuD/6h/7NYEoXtivnGWHzKeiWkyXYsbYXgJEUOfqrMVWGEc/jGdn1rsWJwR"
    "9K+VYeGmF1UFlUSIDvOeRhODdvcYkRBUrTBEzq8ilsoQYYWPWP7EVsLSrbKl0ouA3HxEko"
    "LXeZJd0qb4IVhWmjgqdPZtZ7vQ5kSdxjRlI4/EJgoJVruQ4IDIhqkkdOnwbqbKv6Y7LKPs"
    "+ytZWghPLWLyUnrcqwLFbGaGTlro8dEzmj0+IsoOOadnBO+rsbYL680xnTNJli2WNQ8odI"
    "rtsfeICsE7fh4UGxyQpcGTOjeTL10vEfSoDlQYXGJrjk4eH/FS/YsH3V8cAvb3t8v14+Np"
    "C7FVwORuy2kFMtZN4wVmfnx0osgfH5v8BznvBuXZyWJprfmbPz4apjpTdaw5tQ+Bt3aBQd"
    "ubuKkKyAR+8hFh9GKYT8Qc67KG1QWFRiIvKntTDCe3ogLzsIYe7mF3Rwb0+eADJf6WbP4T"
    "8n2p8qRKm55Xi8dPACQ0P0nUGv65yYLhJb7Ysk+tL8juhfOhnIRaXm8Q7kK+AN9AfC8oKh"
    "HuuT6B3XUrPsI5JccmSFZ5x/zPZ2fIfmeeS1wwYyObAzLF/xh2P9Y+J22TZ+ZLL7MLBrby"
    "JHXvOHHG3dByfAA+kiozoFK+dvjwYrqVpoNsU9QQ4/JrWPrO1wjIWzp7BCj3ozGXkcu3ab"
    "/GizlPyMyuD/VjadBF27nsvZWLsJEU5PAPluPUcPweto52cuYoWBtN7fUBfCJBZDsTbBU1"
    "BH0ReU1E19eRB/UPuM+ro+87rN61nhRRHjfEe2w/aRKsrBs5v4BoRQa2FX/6HUovsNnG+m"
    "emW0IlhilWi2r1pauT8C4rM1fNEh9JdRuCMnF7jTzzp4M5Ovn3/M1Nr1B+w0UmPfMiRc+8"
    "iOqZfntqHh6E6SrMCM863CzjdNhJjX9u1E2IwUpR+QNU1WVBZRLf/LbzCM5bUhiCpIdylD"
    "fY4jl7c/aO/R+dnbX4//+L/5n3s3B9Iz9R27mBNEwt6vPP/HjGAWxZIETmCWHxk1S3XKjj"
    "vbI9V9RgM5oZtz5RIXRfgnGdPqSjyi0RTZNfwWSwlaXVUNuuXcVMU+F8zMagM+r0Rt1+r+"
    "UFD4/1m4fhqH/XGbSQvKKWsSBZ99cda1eVCRirhtWhtHPMcenngjVAI1AVWT85DozSs37s"
    "xVgCtL3NRDVFNvDZZohc3Fu2zw3WNDuYsRET5ui720yLc+SxGXbEXuZWyaYbGAjEoY7F0M"
    "jXvu/4DR4fkUU0jTrtgddoahoL9g9FnfIWhZYzXVzn5N09aHumz7aAvMC6CN9M7h0cvWth"
    "7Wnjb4yj5l0eeE8KEe+313i/KoQ6VagrUfn2uPoHVBaOKSs7elIElO04oMyGS8Jsr8+P8o"
    "asdkb83QSgEt6d4VnN2RU5hlQAnhVwmeExM8x8HqooqQB8K+DHFZsqrOTNgu4mp2NbAT6H"
    "SEVEapX5XJGYY/Ep79AXolI2peo2sivkBwlOUWWZu9HuDX/r8JZA7kY01q8fhr+30GRF12"
    "O915fsIWx2Q7LHQDDa54dh55N02x2OwHsyXVG2vqEcqnevPei0vXsgFXv3bhinv/QHv3v3"
    "XbnC16MrkDs1fBhCTBy8KF3RJf+gygiDO88WApQSARRx1CSGHiSXmk2JPdhDqdnG36YrXY"
    "YVwZiuapaq07fwvL/vSupKgXwnNWY3Z+ySIZtLzYhS1k7oLf8LsAtOsS87D9IBouqC7FUT"
    "QIbpbVBFtp6dZBsGTNAR+BPtyGGyygZAHcxPPFEhf7oAtFFCAW4kmMxzjESATcuqCNLVBt"
    "c9p1QEfG959uwIYZVF3cq4SkTkZBHB8OgUSRGwJQK2qo2qCNjadcDWgO0ig+7NSERslR2x"
    "5SF7mJCtnmGpU1XGzi+PBG0F7jfTwrZ038iMcVt9naAFoRQKIRs6+z9BTBLWdaK95fXilN"
    "WSOGXVVMgDAqY3IVsEEujIMwRQTcic8R6qqNnPh7LLbK1FQ7d2+CyoTNdGFGx55qYsG1JW"
    "3gMna7QAB++MF5J7fNTJd0tyjGV2PbypYQIzk2vBjfUTjDSCKTm1X+vF2GQNUicODV4BXg"
    "9bdsk5xkoEEhSvVMcmNaGCneK86U9083rsBzOcwBDJa8jxX8Vn4M9DSwzPyByktklODv3K"
    "bXFoIpJsr5Fk9uIv6hvwkVdZWWo4FnjX+n43bCG6oI513rHMFzF6fcigTX1IVKY+RFvRy+"
    "pSJXGSSpra6iOqMheKhjFkMum+S7Hpvosadelq8geRc+HsI6muQbew1XwHueMTQ4mJyRmx"
    "4yDBtOiMr8UaTtP9O/8YpTuFNqr/bb/3xR0e9hSFLOXseNUSa4kkmMl9NLUAfdehlJ58mA"
    "fmIFXtoq93sz8fW10cp7JNXv9btDLOsNMbtUA4t8oICChZQKlrIYLDmf9CylEE13QTegy5"
    "sKNX2o4OxUwkYppGrpSHIFXtxM/LTOLnZYr4eRkVP2ELLRKp7JGJ6NUqf0nC8fhDsFk4Ho"
    "WLrGJ+nNxNg/bmxxmC5rMg/M0jThzvZjPNg0PdYRndNyPDYjegzSX3pmB2qivYRAtDh847"
    "barivwznWJ/NsXr6EcmGaRIenQstgRAD2UAYgRXCJcEUYeWPFbX4O0RdOHt4XmzjnCDXOW"
    "2keY5wXuzTeWHzIPbwT4jKdQnSzvzqbFy8QuhUNamFFLx2G8lufsTriqezsz1ccnVJdDZb"
    "/rjFEGGdjtu9xy7aMaA0PxMipIINhdnAi2UU5kQctWBGYWZMSREm+KkE+IXB90lG+XkQQy"
    "xYUXxT0gxa6HgOEQoWvOpcyOP72IyvE+Z7y0FKW9OHTEOq3bJeElNKiuJNzvINUok834BB"
    "tYw8XxBh8jDEHS9YUTorVEpXhVwNAULhaRCehiPgqfA0HIOn4dApI78Yk1vIC2jEeBo295"
    "ppjoY/jInEUwsy1/dlFD9ROx2h5TQNmaxj8yR4cgT5zubT1txP4CRJoLnBfpyTHYF5WkRc"
    "fd/dPWh76kSiD4H/N/LVpFQjdcbXLuKwrCTmZM8CMC9fUVKPonbROeXnjPMPq1i7qxCpEK"
    "kqLVLxuLWpqquQcVZAfI6jF1FZVeN4RNg7UPADEx5Xyzh5xLmTKo1QPiZHyiol2vQNJeaz"
    "KrN/MOo3q2XL7mOvQToWYqiZIAlA2uXENF7YWJAHZMjHhBYATX6H98i2xTy4C75UosQnru"
    "70iZC+OmJ3GBlkgr6YqmWB2EOmTCwP0JxgpzEf/ydREE8XpXa2qaYuVIs2eaM+9g/9iSin"
    "H5FDMdZf5gb1ZnrBbs6qE5IHT3Y6bdmz2lm58IPtjFx4xPBr+8355ZXrD3d+6E9ACQPHum"
    "wYTyrZpO1Si/0CBT1jbQXxIrpuQBIvNF3Q8BoeRLlkBzTZWzDYSMPwcBMF+y3i7vikeZHm"
    "utdIER+7sgp0PpIa5kaVL9N5yz57XpRLUeG+apXBV4Q711Z+qoIRsmpfU/1skBVD+PiDnd"
    "vEVOV5nLzv3EmV97E3Zpu4n4zpK6x5Qs7bgZzHVAmaWOo8HlofSQ3lvPPLyyyFHS4vkws7"
    "wL1QUNhymUuStofXEN2d1DxmT7RiS8Ake/59JPt3/h9GsCvNzX9Q49Wf/w9nevql"
)
