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
    "eJztfX1z2ki291fp4p+x65KsY4+dLLl1q7BDEmYc8AN4Zucut0SDGqOxkFi1ZIe9z3z3e0"
    "5LAr1bkgUIRVtbmUTq0xK/0+o+7+d/G0tdZip/257NdEszGy3yvw2NLhn8JXirSRp0tdre"
    "wAsmnapiLLUHiYt0yk2DznCyOVU5g0sy4zNDWZmKruHotkaYZjJjZSickZnFTX3JDHIytt"
    "6z2Qf4k7I5/Hl5Dn+/Or94f/qRULIydL5iM/MnTpynEf1Z40TTiWYtp0C/ZuZbfAFZn8Eb"
    "KNrDHp5lacq/LCaZ+gMzF8yAJ/7zf+CyosnsO+PuP1eP0lxhquzDV5FxAnFdMtcrca2rmZ"
    "/FQPwZU2mmq9ZS2w5erc2Frm1GKzZbHpjGDGoynN40LARcs1TV4Y3LA/tNt0PsV/TQyGxO"
    "LRXZhtT2C2yvNSSp1x9Jw85IkhohlroUHuSdSzNdw+Wg4OLAX/+Ar/Dm/N3P73/+cHH18w"
    "cYIl5zc+X9X/ajt8DYhAKe3qjxl7hPTWqPEBhvQRX/DcF6s6BGNK7u+ACy8MpBZF0ck6B1"
    "L2yx3X4B+wB3Sb9LKtMezAUienaWAOVv7cHN1/bgBEad4iN1+GTtb7nn3Dq37yHeW3ynVK"
    "XajElzpoVhvlYeYhdwgPDllVwU3me7Xcl/Pz+/uHh/fnZx9eHy5/fvLz+cbZZ0+FbS2r7u"
    "fsHl7WOFu963+M8MhvhI1AzD/wnumMqSRTPATxnAX3ZI37p/OcbVDz9Q7mvq2tnSErAedb"
    "91hqP2tzt83JLzf6kCv/aog3fOxdV14OrJVeA72UxCfu+OvhL8J/nvfq8j4NW5+WCIJ27H"
    "jf67ge9ELVOXNP1ZorJn93Wvuqj9hefG/NGzyeGFKZ09PlNDlnx3tsuDPTHnFA58mQ7d51"
    "8HTKUC2fAi8B/4HZzqCJfBX+7Cd69ul8MWJ4sz45Uw3cMUKeBx2HtU6Ngyzivx6YlJKooQ"
    "fNrMeBIIvBKmwXamqn5soDaoyqwIsNrbmaoK1lzVn1+J0meYoqrwqEx+YIYER5OhsFfidC"
    "vm6sBU66rCtWSyQl+H0jecomuyZVUxMthMN2SY5tU7uTNPVYGaUVWVbLReCdUNzGTDVVWs"
    "NN1U5sUcej3PVFWFi5vwg5av112G7jyVBUp50KzVa1ESk1RUNF+Y5kribGawghThoZirSg"
    "sKLQn6uR5nW/Df8tj+FFV1jrdoUPsaG+nwR2por7czVnAlCuELlqJpJgsX6WETstjQM2FF"
    "UMPltzxfBhbkkmr0QbwlTofEURaqeJfVxoL1ot9K2trNUnmv9BWirhvCP4TXCfyfkueFrj"
    "LXY9TCfzbhD6bhn2v8g5pEMclsQTX4XW9JDx5rEGuFRleZ6AaB92Pw10gv1j6e+bI3658b"
    "yGyPFDUb/1N7uPbp4bKZH+3j6mjWUqDbhVdCd0sI5S11mT1ejU/dYfv6tvOpRWSF47Pl4C"
    "eRxgP27iqFA+xd0K6/9X/hLb/7BeDTDQnQYGoWL2OArMzQ53Q2vjtP42yEUfFgn4ecjQaj"
    "PG6pRwO9paggxpepHLqXCQ7dy7BDV2YmVTIt5i3F/jBuNPaC8PlZWp95otM8BHJ2b21lvb"
    "RH4pV1MQm5Zf2ngVcUSinn+In2FwdRepEneMpmRHVLkgvTkqlKRUAaiiAIrdwwwJ91gykP"
    "2q9sHZIjEzX5I1y1cdooXDbo80adCXywgICtMYlDsj28aX/qNMKrtwBkqxVgEEZ1+8H6MI"
    "UXIL3729vGX/EBL5kMWFmNCytlpD8yrRFlWHDvNRONCisFVGgYltagQKaMGqCVCyIyB6Xc"
    "vs9RPwdFnJiAzgqWyJqodM2Mj4QDeKC+LyhfMLlJ+EJ/RnvAjBFQ90WkF8wdYUbY5ZPSGA"
    "8w7gaZXtsM6qjYvYHrV1RTSfjvEgT8d2H5XnxOEn4jWVD2UxWD9WGXsQ/pq59TAH31cyzO"
    "eMsP88pgc+V7Foi3FFVcyoWbt/hMX8VsFC+bFjfEZYa6cT/sDFoEz6GxNurcdu6+9nt/tL"
    "bnXjnsjHWYdzz01Qrz9gW3UW5KsDTz8D1IWwDny6lZlJ3RqSxHBnuCwz8Pn/2UNZfLzGV3"
    "L56usxmzQnS1RStsJHRVyfSweihqQF80EVqO+am2YiVYsTxL6mXD4PazrnF9AdfQDlgqE+"
    "Gt/qBon6miWgZrRJgJffebSaZCFUdKc3toSnPhgM2YZhIkYjLBgNA3isaJPie6xoi5MHTT"
    "VBl5ZOsWoUQ8gZzMDX1JqLYmcHzBk/hpEy1+lMxUBSdzroYthrt82Fgbw4JfmQRo0PaI5q"
    "sp5YxwnWCU0pq077qYiz+D0YQzxsUwDmATYZJ/S0YL8WyicJh++LX95vzyqon01DTZcgVL"
    "aKyJl+LkRJ+bDCOmVpTzZ92QCX5RMjzc1MW8z4auPZCp/v2UUIMRTTdd4ye8H0gP1Hhtxj"
    "+8aRbjhTO8NgzFGIbi7Z3eDyqlcOAlqUxyemHCltAu7U0gr27qo66gXaJKistU1WeoZMIe"
    "GxUblMztEHGtpJaN1xlqC+xSjhrCuW4jHxKh3FuJ0hO3B6V2sz6zKXFoPoojf6brjwojCx"
    "3eFiQDg2oySC7CL9O03aH4KBB1VBAxTO5KGFGO1ULn3p0rNV7aiFSMa2HjZWGjttXHs6K6"
    "tnr2faXAbDm47qfcD9f3+f0dCZNTCUL7NzKW7hOukpWxbOAWZmY8jPwmUI8Q3lxuxEtum/"
    "pLL4pt8VjWpRfLFWQm7GxZJM4NQeWEzp1kQ8kKX6l0LWUN5gvSlTk8p0xBfa6dOHNcX4iw"
    "gojvpLiooau5o89c2jJj3ejfdQbtUX/Q2mRzj7Wb++Go/w2D0tzixEHrwmFC0BTQUGam8h"
    "TBkWsdwKZazHHppQtwYwqEu2KHu9vvV6O57vdvfcrMdTdQw7V3/+26A9gL6GGQYotudWnX"
    "2o6AUxwqh7BkFvUK5ruVDOEC0t0GsNgH3ZtRkr4ZXtkHqEl8JNBHbv/bzLFXwOXJU6sgVD"
    "VEL9eJ87jG8oPk8cIdmcSQCiS7znUhG5Rd7brK+9OhSl4fJ1ZPCntGifxApa+PGrQ9Fy0+"
    "Fqx2acn/YlCZ3RnKjDUi7Pmeu80kq/4DjpNWODBXLT1BKbLSKRlbf39/eTG2Li/m74mYuI"
    "lxmHOmkROMnhCllqmxtu9hAOjcYKxFBpenL5XPK/Ixr3BCiBnzmrs2xOW1nTfa8L8WofC/"
    "sda+vvkEf5/OZPh7+/oar0+neL2Nf59S/LszfKx1ul++joYtAqrZwuRjrT/41O21B3+0Nv"
    "w4pI0s3gUiVlb23kg+sip5jffcHMmpapnDguanrC1oZbGgRQRpbM7CEgQwftVVRabr/hMz"
    "DEWOPDuDQxIP0IU9WNKd0SlP0b5ztr0RnQ6xWos9D2ZdLOkje2OtyLNuPOIlPPbWjBp2Ls"
    "XU0mRM7JhR2CVlahBZZ1ykPszwHcIn6W4f9YrTFB4Y/dHHOEVpVG6F70svyzlahJsCv9MX"
    "zi6Haxm9PR6qPfp6DgNigb6e8hfk2VPFzct0JU0TKpqeRln+D3McOC3PIk6BbTO0+M3f03"
    "Vtp1FRvhLedSGu/Rbi2qyD1F/+hqK8ml7uqJ1UQTsJMTuhsjkUxKY4fF9Wqj3ku9poi9Cr"
    "73vdm/63FoHHzPTlWPvWv+7edlpkqU8VldlljcQALGoEIw6pK5fT3LEbvlTV3uFv02RFGL"
    "JTFgjbUJeai7+1u7fYfAB480QV8fSxNugMO4PfsCGB7QfBxPL23d1tFy8JK7+4cjPq/oaE"
    "IgBqrA3vh3ed3iccwy2+Ar0HRw06N7dt0HvFZDOVgsJRkvYGNockp1lIDjtK5AQVNKccr/"
    "kkIgLJXeUS1m3IyvEwdZ3uW2Zu11GG8bvrcdpI6yjDOsqwNAjvPcpw/8E7Zdu2Sh29c5Rg"
    "1Q3r6/bZOwjwrdtnJ2KVyTLviblQaVS4Rebeqjf6coUVqu6c+apx7vpWoKpoTEKPbBF43c"
    "JkfzhzVRArQ7fMgpod2+LFYDthReDK5R2LbdobEMJe8pNlatkLbCKixTy8ONW4gteDvXKz"
    "tOMtYL40fjrnl9addg/jrEODlvQ6k3dgilx27/1sBz+03dvUX8ln3wSlTkH/kdlcd2+uuz"
    "cfLM5pB72by91WuCShj2Uy1afzx9Xdb4suX+0TpFNi6qOpUlLGrrwfcbFtmZ0f22DJIwM4"
    "rfPDt7TqhsIVbyjsdZhE2D0C/pR4u0fQhbPjIOHtIoVb/phh8W+7iQe+iJD7pdo+sW/7RB"
    "3K8UPIg3Wl6R+Cy+4mmpXHHrq9RN7VDM7NYCnJJPKykdE/Q5ltyYPObac9tC2AKrwxmgU7"
    "/7jrDvCSvSvBlZt+bzRo34zwIjBeCDO2AfG3/q82seh1WhLj4VbgSW043JKUmVvYRM3fmk"
    "0k7GLnEvJMOVli5Qv0ZLTcbiYGI6qyVNCttWLGhgrGPjNVxf+Ky7bIGHaf7eOBe25Nf6gA"
    "y7IJXrXl5hhQrXvn1qawvUhuxZvC9h9hfazQJoRYR2JbN3x+RSeWNEbGOsC4FLXuvJBF2G"
    "MDiMbbY4NM3GPRBjTAxttngZJbU5CWzdosewCz7I+QJD28v/7WHY3syB9nqYmIoUH/Nydk"
    "yNCfbGX+l46t4hvsT2Yr+Ghs+TRo/95rkWfFXMiww2rlUPJn+nJFtew9doJ0FYwR2knHl5"
    "nBZMUEIONKQ8T6L7xkFUT73Yc0S/tD/NL+EIRaZQ8U809WmRd3mLKCgBdTiMq/l2gmiAM5"
    "9hI/XQ12BrBXAFUutDeEFYQ7VXRnQnBnOLZzCrKmLHkqlvnh/mXY70XDHSIM+qyUmUn+P1"
    "EVvjPVvPGfc0ubIaJkaimqqWj8LT7vvxq71XKiwEegfA4sF/STb+1/BPlxc9u/DnqmcILr"
    "UOAtClqJzqa4+NsAYYm9FmWKw92W+8/svg2Q1rVTyuzC9WnVGRkdpK2DbkrN6rqU+A/B5t"
    "ptW7ttjwdVTwRwNmjDhDW+kfg6wth0nRXfIGHtJC9ltayyreBd+XLrAIQdBSAY/myNV6Jb"
    "zVpaQYjDp08anDc7agE4VzsmIXz6vCI0AV7LWr6+pN4nZ5oKLeudBiVs8IqISPBiGR+O4G"
    "Ncis57hJs6NvDhM6p9tDv0rE3Giao8MWIB9Ia4iG5uIisGw/S6dVNcM/Rn8sjYipMVNReE"
    "ajKZLdjskVvLiN57O3xQqriJbZhG3fBi78EQj/Czok3QL4dCuLRl9sg0ru+H3V5nOJRuuz"
    "ed3k2nRaYWVzTGuQTLjsHvGmu3nS/tW2nQuZO6n6TPg35v1CJbp6oiY+lszQyMu27f/BoY"
    "hluNU5flpj3q9nvS5/7gm1OgxVnic91YjrVeZ/R7f/Cr1L65wXdrfxl0Ot86+FyNmdizSQ"
    "KJEt+RPhiMuZtLVmP6xXkKW/rFeawpHW/5NbC5ApNn9Jd6acq8VEoVdwHrDZhuA5UB6yBd"
    "BfEu3jfNlX8zSZx5GQ4YP1Ftrokw1/AFPb+8yrJ8txQVXLjFJzWh0JUFXnd8BcG9SLULXy"
    "TswheR0W91An8M+tXtxQDCnEpnOaMFfKR1tECpfYt+xTP90R8mrI//FO4Ef97Ga10Klcyr"
    "aQbdCqGVFm2ZPUzhpM+q+LJC9jBxvZlkC5vDiNR2MBwsTEuKyYls0Ln5lkwmaFTlMGYyIQ"
    "8GzCYyFQhWdF4TTp9gJq4TilWgVSYukBnVyJQRg80tHlU0eqdPqtu+HnpraiZYwcrf7nlv"
    "gvSHNHL0h3gx+kNIio43MUaDu3+zotiPGiF4N1f9OxJebhHD0jjRNeKESn8ksM1ZKmvBTm"
    "Awi+PrYOrVG7GnnIyty+nl2di6kn9+N7be07PpKTEX1BRbDifYeqRJNFGPnpKtczgz89Lw"
    "Lp51Qc6JLTDMuhH7HrPfbAjK/GE00HMh2OK6ZMgJhmmfYpkSvIe5S7pBVMpNsZ/jeZCOG0"
    "nicecfI59kHIok30jHt/3eF3d4MLw8HBDDIwWqxFAYHu0a3KHY+q7UB0Ot8f9gql8dPfxD"
    "sLmOHt6RYV9ZrlQm5QkijiItcSymkBXsl8X2QRxkOvEDiNN+iqA7l2xeFcQHhRNbQBRSBt"
    "z9CcTEZ61J4GcxQ6NqSrmuju0sjREmY2ynb4kXgHDqEM+KfxJp+RW1xWQ1m225CSoZf30Z"
    "IDSJ/WbPVKEvZacRd17IYoyMHkSTbY2Sl4tpbI4ra6oqfAHL16FsYb3Lf2PrOHtdwR3Qac"
    "6b5IKMrfOz8ytR4BKf9dHR4x1JMcrOWPDsEbbFf9o/2178zkNso6LH4ljbGPdpYyyxMHp8"
    "MIf25wyYeihq6T4CUdkTzpza8OehKbPtrxA1eBeWPFl5YDwC8ngz+ZaizIALaVFVpgY11j"
    "9xx+wq3pycgBQMsjAnoPaLDq38NI/Nu/iwqiXjHGSSLMzwkFSuNd5OAlw3IlBkAlFCCFuA"
    "rnJo76TVY23WzrXRH5u90yPzp5SFPBS1LPSy2cz1CL/SouMGyBwZuGkNMJ5Fld/uYrvTiz"
    "O7fBPzVQh1/wZPVTWy0luNVgRasXXxsqBlm2UHttGzNNbZo7HpOSss2bK3XYbp7HuSZ9dI"
    "Y+azh7tWOEJt/cT9J35UnJzYOa/qmuiYCGvo1sOC6Ghoc8j5aZPMFWAhoaZr2gPkowx/O3"
    "3eWBtrA4aVjhUV7fCbMBd3/pOFrioyXfMm4czEZQt/W1nib0QxCfKYKBrBagDKjJ3C31XM"
    "lCTsOxUvBDMCjmMNQyRp8Mdwfcmifs+MappuYjykfRLI5GQyGYCsM+jejCYTO+O4fdd1wi"
    "VBR1QMbp6+YNl0GW4fM/areC/Wts5D2jojWJRFIPVT1oJphJEuvOLTYxxJW6OcTvyXYg3O"
    "udSA6jkFI7UB/1p72YfuX6I11imxjvyyfWi7B++hckZuhHjC5DuVRrp1ffcT5b6ZM1Jawd"
    "CUEp9obGgZBsb8IhnR55t4a4z+xTDgJnFnJjosKXIyFYKPR9IiK2XFUDI6bQpZCUbC74VR"
    "ypLxmG6KO34oyn49nbS5yQyFPxKTfTeJwp3SLi3C6GwBF1WGZdTXRAM4Qd7C2i52yDO+g5"
    "3Xgqkv+jO8pAANxNHZAgQ4po41ky3h9U2G+S6WJvNtMZhTJwVGPNWeFl4PBDZmz+l8D5s5"
    "n3VLlVEixPQYMsX3meryOmWiTC3K7VOUi92Cr5WHQ7pYi+iSo8j4LeL6x+3mBhb6A7PTMl"
    "YG7KSzDJH/Dhv+fn5+cfH+/Ozi6sPlz+/fX3442/AjfCuJMdfdL8ibpteUHJYCmUkfsnhP"
    "3PGl9hjC2+iw33VG9KFJ/mXp+ELpeLDjRCbcvKU/I2v2x3vGfURlxr20rvHNQZ/UuCvGex"
    "UmLTMLvKGV9hujWQY7Lm+kg7meKzGs+E5cdQpFrg/k2FyKJSkUfvQiVsiqkEX9erlucF9j"
    "Ix3+KDqkvFyMSKsGZw39fpVGews62R+MGo0IbXZzr5mkyaJWJ61hWEotdvDu3I6lB6HDoG"
    "RsXZ1dTOHP9xeU2AZ7r4a5ooo4NgSFq4fiMIKPbIp6B88LptmCL14joMFF6LH7e+wrdMB6"
    "v9q9SoislQTHM4DsJ9qftfms1CAHQLU0U1GzylN+yv3IUwfY9Y9WnKqP/qoe/f4QkIjzPx"
    "QjEi8EOC9ueMamMmfbdG9U9sRUstJVZabASYynq8d+jIqj1zO/OaWxikm0xbqgeWtzbtnO"
    "7tljbGz7yyW/PeR7jLzmz4o5W0x1+GAb2XBvDGFPv/l63W8PsBX6dp6xNhrc934VzNUey2"
    "FSEXJ1ZsEqQFVLVkHJiqqwRTFZmsHvf9ANJQrd+Ia40dR1V9xkM2+Orrj4YzB+L/fe5Jtg"
    "j7uTPp9n3ZX6nz+3QFuej7XrW9FGYKqK1gG/f+2OOi3QixWT5fJ5FFv/SyAKenvWbyZIV3"
    "8thX8t7rZEsRl0nv1sQ1gzp3DmOIU/szMnRFgzp3Dm2OVBsnBlS/EqduyxPEtURZZtOcMm"
    "Ueagya3TnTD75k/tWMzDiqOwhIVyFQ8aIl6yhJyKtng+emtKWePBS7Z8iwoHzxegXJvJS2"
    "wm3wZXNiJs5J67zSQDuQikm4mBKf3kwG1iE3g90z95oqlwTjsBTZExXFqYtjFE2zVo44Vt"
    "2LRK1xiZtdZmWPo7bDffxwMLNqgnRfFWzKa+l9jchB4D5TiPD+vLLdy2m1lJqJWDkioHr3"
    "KTF3dYOfVsrxVVjXHqBkYkHlpu/b6pZ/DLeekacejg6HAoNxnbbuCUwTA2GMUYGa49wDIA"
    "9R5Pj8EHzBpnfKGrUVFcRU6OWUeTCWCuMXkyEflGzHSjuhiZUhWFLDIzdI6J3TLmFZk6ub"
    "gkawvOPNEuWmUUk4UEETzTUHAknepOXx1MXBprYgZ8UU03lTk6ojFL6iOZTLjFV5hwhFp/"
    "4BU2P84dIl5q++OdKhDkxMQqtmNN0XzzObcnk9Om/y2xwQec8sYDplBxa8nEMZ624XXt7t"
    "6nu1usl7XEljQqriqhwU+Ari4zlqbMmIMayq7Z2ikF6CqHdiqwE7AOQ71UOBdeaVV1d6os"
    "Ju0Y8uN1N7g1fZyS5JZGNf4s0lDtKiSwfYv0VDwFdBJccOWzgtuHaoS+putwFmnRXN0SBR"
    "g5BapdcXBzZb8y7XW/f+tD/bobzCW7/3bdgT1MsAAGKaZPU/N4hDwyRFZ1Iki7l5avdfRt"
    "Pp9DSLjL5AWMIj7eDbO0/lkETNR0yGYqCZLVLqEIa0lZStAfvc6R4BTaLMQCPEIDmMuthH"
    "JcSzetIyL42RbqC4rtcpTRGfSKHkdH4Q1K0+GowIRJJj8wo6OZxroRlTPpud1MTJsUA71x"
    "hmlKPjqWmxONPVBTeWJkMqFL8evnTJtMTrHqIiUzA5uABpqt4C2nhmFUcceCZraNaorMli"
    "vdZNpsLT2ytW3asleV6AXjsMxOyDQYXBYWOmqCviOqKFKNIDJr+LdhiNQNAvOI8j4zVYFb"
    "Y23bo+nEzdMEXYkoctOZdWPlmoMmBV+IW+fHYAi5vHnuXEE7oUgNFY9EcyGjWFxlrIk5RD"
    "nKZ2XGsJ+28zW9dcyDNjpkqT/BS07XAdSwHqWIaIJFAmsXtDoqhJ/48pD+xRzAMVQXMjje"
    "U++87sG93/44G65n81L66cpcxrDh7gzYJNr+tj46zS+ca2JvSGeQOEzBofhe3i/H5++/r3"
    "cOFg26vS/X7Ztfpc+dTosgB/DQg9XFxtqgg7rNF7zubI1jrf3pl/vh6FunNwIGyn9a3FyK"
    "vfWmfXsrucOFmc2luO32OvbsIu9fzDz8NrQv8SXHKymXgM/GeHGewsZ4cR5rY8RbgZ40Hm"
    "gieR79QQbIyszu3ObcHXRE2ZyyWbD2EZUZ6cYzyiYeEYFjVHKTsLcPb8kStj3aeneeZ9m/"
    "S8WLdwm8eBfmRVBqyMCRCNIy8yWv+2gXqNddamLRr5IVtjRWqEN/UXWL5yMwgBy6YPLGBB"
    "hhKvGaB+PtJBsTW0obye94UsPhjO+OVYYVzTIZxrBiz77B+1PUVFYGKPPCEGHfbopoGwxw"
    "tUsXGmhVUDTYl1EcbmK3CEVTltYybDjZ/ePqoJxyafrivxlEKnd8MXLUYaH1SVGXaYSoy3"
    "gZ6jJcohY/FAm+Csn+UKLNKfFFumLI6/M2whay2W8kzuBRcpaiHZG0+0P5KmPtjsbVWcu3"
    "19rL4yO5si9fEZ7JalVcGxR7m8+4zANUpS2ZAtBg0q5jhseUEgya9cQ1HQb0Wk97SeA8Wj"
    "0tQxB+SNN4ZT+9cFh9NTzeO22o9w0tZ12TLRsR6sH2ZqJ+IKxvkgLj0ikI8YgU4I+rJfF9"
    "SuI/jDtn68oZa93fBtLdoA97Y4soT4a0MvTlyhxrv/W7N51v7e6t9GXQge2396VFnnQQiD"
    "EJQIKdlbmVGTP7C9K0qD+Pb1F/HmpRf1gV6tCC/I77fBjsSWHPie0mXv48QpPsCvoiGuHg"
    "vUHn/913B51PLYyOlzC0QwExc6zddXqfxLeA0a/AlrHWvoPP5zccCYeKoT/hqEHnl87NCK"
    "8Z7E82y9mzpfiaivbbSFhPKZsXM0SYi38lk1GC5od09ockA0TMx5NLOwiQ7iWUvtYOMmgH"
    "Xj5jMk2YwfF9kNzxJf6MxDu+MfU3fMXYbEFswYC3nKIM382maGhgsDd8rWEvZCWl1SOJ77"
    "vomCRbhlC24g1Tn1WdxjAqijjAtDlSH6HgkMCHT/3769sOuRt0brrDrpPWsPngxE28tE0j"
    "GnTat0HjK6OPkjydZ8PbR1UDnQZoDAF9YpKoTZ4d8EjqnMAfzwFTBO7P9EniC3p+eZVFkv"
    "JTlVgMzilGXaXR7q7itburkHZnqfQ5B9ABsgrqesVDTfNBTWuoM0O9clXizGiHKWvAUwDO"
    "lX8zabo2o4p3J0XU++nK7PttiLcUnjFVxQwaONjRNzZXVJbNI7nnOHquW8aM5fgUQoRl/h"
    "JELWJrBbKUjMWGBK/cVCPUp07z2IiK/06WzKRoIg/zIaGAhodm/0ngOVhBLVnR394Z+oxh"
    "6Y+2+Kf7K05ScmLfueAliMMumYRfh2GXVL86OgNeXWf9h2Czk1acg81+ytoaX2Yu1zkVuw"
    "l127ikpuuM5WhChHVBmjplZc81O2JWcgH43vNUxfFLtnxTF6UJfbw+fOE1SO/+9vZQKUEi"
    "rm/olOxtxAX+bQY0Xw7+496xLyYI3THjjbP8iP7EDAN0LWGEESVEdG2uPFhohXH4Bzo/N+"
    "FYfGDkX5Zu0uY2qgoriTAN5z0NJwbt7jF1QlC5whAFv/JYKgOEJT5ixRNbMUu3zJbKbQTk"
    "5iOSZLrOkuySNMUPwbLCxNFaZ3/pbK+1ubpOY5KykUViqwsJlruQ4IDNdEOO6dKxvZko/x"
    "rusJSy769sZRI6N5khSukJrwoWs3nQNdYik8nWaDaZEA6HnNMzQvTVWNuF9RaUL0CShcWy"
    "FgGFTrE9eI+wELzj52GxwQFb6SKpczP5yvUSYY9qX4XBFTUX5GQyoSvlb1vo/uYQwN/frt"
    "aTyWmLwCoAudt0WoGMNUN/xpknEyeKfDJpih/kvBuWZ2fLlbkWbz6Z6IbyoGhUdWofIm/t"
    "AoO2N3FTFRAEfvaRUPKsG4/MGGszlSpLjo1EnhV4U4ont6wg86hK7u9wdyc69vkQAyXxlj"
    "D/Cfu+UkRSpU0vqsXTRwQSm5/Eag3/3GTBiBJfsOwT6wvCvWA+lJNQK+oN4l3MFxAbiOcF"
    "60qEe65PYHfdio5wTsix8ZOV3jH/89kZsd9Z5BLnzNhI54BM8D8G3Y+Vz0nb5Jl50svsgo"
    "GtLEndO06ccTe0DB+Ah6TMDCiVrx0/vIhupckg2xQVxLj4Gpae8zUE8gudPXyU+9GYi8jl"
    "27RfE8Wcp+zBrg/1Y2nQedu57L2VS20jycnhHyzHqeH4PWwd7eTMUbA2mtrrA/jqBJGXmW"
    "CrqAHo88hrdXR9FXlQ/YD7rDr6vsPqXetJHuVxQ7zH9pMGo/K6kfELCFdkgK340x9YegFm"
    "G2ufQbfESgxzquTV6gtXJ/FdLCNTzRIPSXkbgoK4vSZb86eDOTn59+LNTS9XfsNFKj3zIk"
    "HPvAjrmV57ahYeBOlKzIitdbhZxOmwkxr/wqgbE4OVoPL7qMrLgtIkvnlt5yGcX0hh8JMe"
    "ylHegMVz9ubsHfyfnJ21xP//Q/yZ9bNwfSM/cdu5QVTKTe7xz/x4xgFqmihEZglh8ZKUt1"
    "yo472yPVdchxmNlFtfXSF0X4JxlT6ko8otqZsmv4LJaCtLqqH2snYVMU2J8zEbg86o0xt1"
    "+73WNnh4rN3cD0f9b51Bi8wsbupLlnZ/3bF2VZqAsXJYHQo7xxyXfiZYfTQ1qnXWT4YDo/"
    "CsH3sxFgBtbzNRRZH1fbYpIhf3lu1zQ1XVDmZsRIQ5eu42k+IcRWyGHbGXulWy4QYGInGg"
    "YzE28rXvO36DyYSYTFW50x54TeaGvoR/yMpctCg0nemiOifv7kEvZ/q8FJDnWxfBm/G9g8"
    "N3Tao+bvyNUdSiy4PoSVHH++013q8MoU4l6kpUvD2u+gGVuWPKio6erAPKdhxQZsMlUdjr"
    "s6O8IaucEX83AahMdGd4UjJ2RY4grQFPC/gM8HjQjWweqjBpDfiLgB9XbGptJW/mdDc5Hd"
    "ty8DlAWkeklpnPJYk5rj/lHfpCFA5TKm4ju1x+EP8UZZa5G+3e8PeOaAnkbkRj7fp++EeL"
    "TC2+Hmu9vmQPgdl1yR6DwWif74edT9JtdzhC78nc4rC+sRzq9l570Glv76FUvL13A5z+0h"
    "/8sb3vyhWeHl2+3Knh/RBj4vBFucVX4oMqIgzuPF0IUEIEUMhRExt6EF9qNiH2YA+lZhv/"
    "Obe0Ga4IYLqimorG3+Lz/mtXUlcC5DupMbs5Y1eAbCY1I0xZOaG3+C/ALjgFX3YWpH1E5Q"
    "V5W02A6MZ2g8qz9ewk29Bngg7BH2tHDpKVNgDqYH7iqYL50zmgDRPW4IaCybaOkRCwSVkV"
    "frrK4LrnlAqf7y3Lnh0iLLOoWxpXSR05mUcwPDpFsg7YqgO2yo1qHbC164CtAewig+7NqI"
    "7YKjpia4vsYUK2erqpzJUZdX55KGjLd7+ZFLaleUamjNvqa4wsGedYCFnX4P+MgCSsaUx9"
    "K+rFydaKOWXVFMwDQqY3MVsEE+jYEwZQTdkCeI9V1OznY9llWGvh0K0dPgsr07UJR1uesS"
    "nLRmRr+8DpmizRwfsgCslNJhr7bkqOscyuhzfXDWRmfC24sXZCicooZ6f2az3rm6xB7sSh"
    "4Svg61HTLjkHrCQoQYlKdTCpgRXsZOdNf+Kb14MfDDihIVLUkBO/SswgnkdWFJ+ROkhtk5"
    "wc+JUvxaHVkWR7jSSzF39e34CHvMzKUsOxwLvW92/DFuFL7ljnHct8HqPXhxTa1IdYZepD"
    "uBX9TFkpLEpSSVJbPURl5kLeMIZUJt13CTbdd2GjLremf7JZJpw9JOU16Oa2mu8gd3yqyx"
    "ExOSM4DmJMi874SqzhJN2/849RslNoo/rf9ntf3OFBT1HAUg7HqxpbSyTGTO6hqQTouw6l"
    "3MqHWWD2U1Uu+no3+/Ox1cVxKttk9b+FK+MMO71RC4Vzs4iAgIIFlKoWIjic+S+gHIVwTT"
    "ahR5DXdvRS29GxmInEDEPPlPLgp6qc+HmZSvy8TBA/L8PiJ26heSKVt2R19GqZv6Ta8fhD"
    "sLl2PNYuspL5cTI3DdqbH2eIms+SiTcPOXG2N5tJHhzuDkvpvhnpJtzANpfCm0LhVJepQZ"
    "a6hp132lyhfxsuqPawoMrpRzLTDYOJ6FxsCUQAZJ1QglYIl4RyQuU/LW6Kdwi7cPbwvMjG"
    "OX6uC9pQ85zaebFP54XNg8jDPyYq1yVIOvPLs3GJCqFzxeAmkenabSS7+RGvK54OZ3uw5O"
    "qKaTBb9rjFAGGVjtu9xy7aMaA8OxNCpDUbcrNBFMvIzYko6poZuZkxZ3mY4KWqwc8Nvkcy"
    "ys6DCOKaFfk3JVXnuY7nAGHNgledC1l8H5vxVcJ8bzlISWv6kGlIlVvWK2ZIcVG88Vm+fq"
    "o6z9dnUC0izxdFmCwMccfXrCicFQrnVi5Xg4+w9jTUnoYj4GntaTgGT8OhU0Z+0ae3mBfQ"
    "iPA0bO41kxwNf+pTSaQWpK7vCxQ/cTsdoeU0DZmuI/MkRHIE+w7zqWvhJ3CSJMhChx/nZE"
    "dQkRYRVd93dw96OXUi1ocg/hv6ahKqkTrjKxdxWFQSc7xnAZmXrSjplqJy0TnF54yLDytf"
    "u6sAaS1SlVqkEnFrc0VTMOMsh/gcRV9HZZWN4yFh70DBDyA8WqsoecS5kyiNcDEmQ8oqZ+"
    "r8DWfGkzKDfwD1G2vVsvvYq5iORQA1AyUBTLucGvozjEV5YIb5mNgCoCnuiB7ZtpiHd9GX"
    "yuToxNWdPhHTV0dwB8gwE/TZUEwTxR42B7HcR3NCncZ84p9MJiJdlNvZpqqyVEzeFI364B"
    "/aI5NPPxKHYqw9L3S+nemZujmrTkgePtnptGXPamfl4g+2M3LxEcOv7Tfnl1euP9z5oT8h"
    "JQ4cazNdf1TYJm2Xm/ALZPJEVQvjRTRNxyRebLqg0jU+iAvJDmnSt2CwkcbhwSYK9ltE3f"
    "FI83Wa614jRTzsSivQeUgqmBtVvEy3Xfbp86JcihL3VSsNvnW4c2XlpzIYIcv2NVXPBlky"
    "hI8/2NmBfshgg4sMePYPSJT+3V/Jxdi0BkmNtO+65JGtsXrqlFEDJFlTR2shyKZUc+XcJm"
    "HazFivUKo9+cwMjcGlFrxFa0JXylvdMqcwTH7rPHxyupHTw6bJnT9yrKEVE8R0oRws6Rpl"
    "ZUyKgse8Jb+DWsDe6Jq6Bnbo4l2A3jI0rGczU1YgL2P3IxDW4fWeF1RMIjPxKhxniBGwg+"
    "HVgpN1dPUhZebDmpsPff7sWJrD7yubeZlXtb7L+eVFmtojlxfxtUfwXkBa3mxFYZTjK5D4"
    "qSqB9b7rkHCWL+m2Tl+v1ZMj4mkF9ZOyQVwBBUVV9Wcmf8WzO0o98dxOVE4WprmSqD1aQk"
    "kgdcCEEONPRHgCwaejVN69IyoI8QZVT8kc5uRCyKf8kehoiV+pWPsRH4mDddAoQNDX3qys"
    "qarMXA9DK6yY7O5ZY40Sk8Hk6PpgYpyq6yvkEWotmNNpUFBwyM3g21vSX+Ei1w0OShJbOT"
    "4Jbn4kwCNYWQR0jm1ZTLwD9GMNrigw87OGIR5z5cEyRAVTcjKZjDq3nbuv/d4f0tfR6E5q"
    "3972f5e+9oej4WRy+tqYjlpz2YHmcljhukSBMjsRrTU9W5U5d3zl4mJ2UjSxNvNXVo4uSZ"
    "hEmxnKbBEpkNh3EmURuh3zkvwRz9j6wCzXgQlSFY/tEBkNrYekEnaS4MF5mergvEw4OC9D"
    "xRNXq0wBCPbwCqK7k1Zx8EQzsnJ2fMKUh2T/OVOHOSgLy4466GH21/8BudXlbw=="
)
