from tortoise import BaseDBAsyncClient

from api.migrate import dialect_sql

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_UP, postgres=_POSTGRES_UP)


async def downgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_DOWN, postgres=_POSTGRES_DOWN)


_SQLITE_UP = """
        CREATE TABLE IF NOT EXISTS "http_allowed_hosts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "host" VARCHAR(253) NOT NULL UNIQUE,
    "note" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* A host (exact name or IP literal) flows may ask over plain http or on a non-public address: */;
        CREATE TABLE IF NOT EXISTS "account_secrets" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "host" VARCHAR(253) NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "set_at" TIMESTAMP NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_account_sec_account_4e762f" UNIQUE ("account_id", "name")
) /* An API key or bearer token of an account, encrypted (Fernet, :mod:`api.outbound.secrets`), and the */;"""

_POSTGRES_UP = """
        CREATE TABLE IF NOT EXISTS "http_allowed_hosts" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "host" VARCHAR(253) NOT NULL UNIQUE,
    "note" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "http_allowed_hosts" IS 'A host (exact name or IP literal) flows may ask over plain http or on a non-public address:';
        CREATE TABLE IF NOT EXISTS "account_secrets" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(64) NOT NULL,
    "host" VARCHAR(253) NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "set_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_account_sec_account_4e762f" UNIQUE ("account_id", "name")
);
COMMENT ON TABLE "account_secrets" IS 'An API key or bearer token of an account, encrypted (Fernet, :mod:`api.outbound.secrets`), and the';"""

_SQLITE_DOWN = """
        DROP TABLE IF EXISTS "http_allowed_hosts";
        DROP TABLE IF EXISTS "account_secrets";"""

_POSTGRES_DOWN = """
        DROP TABLE IF EXISTS "http_allowed_hosts";
        DROP TABLE IF EXISTS "account_secrets";"""

MODELS_STATE = (
    "eJztXf9z2kiW/1e6+GXsKpJL7LGTJVdXhR2SMGODD3Bm55YruZEao7FosWphht2b//36tS"
    "T0XZYwCKH01lYmkfq1xHut7vc+79u/G3NTIwZ721ZVc0ntRgv9u0HxnPC/RG81UQMvFv4N"
    "uGDjiSHGYmeQuIgnzLawCpNNscEIv6QRplr6wtZNCqPbFBFqE2th6Ywgdclsc04sdDJefi"
    "DqR/4nJlP+58UZ//vl2fmH008Io4VlsgVR7Z8Ycp+GzBVliJqILucTTr8m9lt4Ac1U+Rvo"
    "9LGEZy2p/s8lUWzzkdgzYvEn/uN/+WWdauRPwrx/Lp6UqU4MLcRfXYMJxHXFXi/EtS61v4"
    "iB8DMmimoayzn1By/W9sykm9G6I5ZHQomFbQLT29YSGE6XhuHKxpOB86b+EOcVAzQameKl"
    "AWIDaucF/GsNRen1R8qwM1KURkykHkWA8+4l1aSwHHRYHPDrH+EV3py9//nDzx/PL3/+yI"
    "eI19xc+fCX82ifMQ6hYE9v1PhL3Mc2dkYIHvtMFf+NsfV6hq1kvnrjI5zlrxzlrMfHLNZ6"
    "F3ze+l9AGcyd4z8Vg9BHewYcffcug5Xf24Prb+3BCR91Co80+SfrfMs999aZcw/47fN3gg"
    "1MVaJMCY2z+Up/TF3AEcKXV/Ku+P1uvyv5b2dn5+cfzt6dX368+PnDh4uP7zZLOn4ra21f"
    "db/C8g6JwlvvPv9ViwB/FGzH2f+Z37H1OUkWQJgywn/NJX3r/eUYVz//gVqfGmt3S8vg9a"
    "h72xmO2rd38Lg5Y/80BP/aow7cORNX15GrJ5eR72QzCfqtO/qG4J/of/q9jmCvyexHSzzR"
    "Hzf6nwa8E17apkLNlYK1wO7rXfW49hecG9OnwCYHFyZYfVphS1NCd/zlQZ6JewpHvkyX7s"
    "uvA2Jgwdn4Iggf+B2Y6giXwV/ewveu+svB59OSEeuVbLrnU+Rgjyveo+KOo+O8kj89MUlN"
    "OcQ/bWI9Cw68kk0Df6a6fmzcbDB0dRfMavsz1ZVZU8NcvZJLX/gUdWWPQbRHYin8aLJ08k"
    "o+3Yi5OnyqdV3ZNSeajl/HpVuYomuTeV15ZBHVtDQ+zat3cneeujJKxYahONx6Jauu+UwO"
    "u+rKK2ra+nQ3h14vMFVd2cVs/oPmr7ddht48tWWU/kiXi9dySUxSU9V8ZtsLhRHVIjsyhI"
    "dirjotKEASzDMzDVsI3wpgf7phuMdbMlP7lIxM/kdu1l75M9ZwJQrliy9F285WLvKzTehi"
    "w8CENeEaLL/52TyyIOeY4kfxljAdECchVOkuqw2C9aLfSvFxs1zeK3MBXDct4R+C64j/H6"
    "PVzDSI5zFqwT+b/A9C4c81/IFtpNtInWHKf9db1OOPtdByAaCrhkwL8fcj/K+JXqwynvmy"
    "N+sfG5Y5HilsN/5XerjK9HA5wk/2cXXoci642+WvBO6WGJd96ip7vBqfu8P21U3ncwtpOo"
    "Nna9FPIo8H7P1lDgfY+yiu7/u/4FbY/cLZZ1oK5wYxingZI2RVZv2Wzsb3Z3mcjXxUOrPP"
    "Ys5Gi2CWttSTGe1T1JDHF7kcuhcZDt2LuENXIzbWCy1mn6I8HjcapXD47F1en3mm0zzG5O"
    "Le2tp6aY/EK+vxJOaWDZ8GQVUop54TJiovDqLyKk/0lC3IVZ9kK55WzFTaBUtjEQSxlRtn"
    "8BfTIvoj/ZWsY3pkpiV/hKs2zRrlly282pgzkQ+Wc8CxmMQh2R5etz93GvHVuwPO1ivAIM"
    "5V/4MN8ZS/AOrd39w0/koPeCkEYBUFFxb6yHwitJEELHj3mpmgwkLnJjQflhdQQBOCLW6V"
    "CyI05Ua5c5+Bfc4NcWRz7iz4ElkjA6+J9Qkxzjxuvs8wmxGtidjMXAEeoBLEzX0R6cXnTo"
    "AR9vmkPOABxN2A0CVmIKNiS2Nu2FDNpeG/z1Dw38f1e/E5KfCNFOFymGo3vD7sMg5x+vLn"
    "HIy+/DmVz3ArzOaFRab6n0VY7FPUcSnvHN5iqrlI2ShehhY3xFVmdeN+2Bm0EJxDYzrq3H"
    "TuvvV7v7f8c68aOKMM805nfb3CvEPBbZjZCl+a28g9SrsDyVfTsqi6oHMhRxZ55of/NnIO"
    "U0opV1nK3l48WRcDs2J0EtGKg4SeKZmfrQEKydAXIcKlCz9JFCsDxQosqZeBQf+zlnx9ga"
    "+xHbBSEOGN+ajTL1g3lhZpJMCEofvNLKjQgJHK1BmaEy4cEJVQGwER0RAEhL7RKUPmFJmU"
    "IHtmmbZtEPRE1i2EkXgCOpla5hxhukb8+OJPYqdNQPwwUg0dJnOvxhHDfT5sTMd8wS9sxG"
    "kAewT4aoIZQcxEEKW0Ru27LuTiq3w0YoQwMYxxZiMByb9Fo5l4NtIZn374rf3m7OKyCfTY"
    "tsl8wZfQmIqXYujEnNoEIqYWmLGVaWkIviiNP9w2xbwry6SPaGL+eYqwRRA1bQ/85O/HtQ"
    "dsvTbjn79pEfDCHS6BoRRgKB3vDH5QOZWDIEltktN3pmwJ69LZBLa1TUPUNcQl6mS4TAxT"
    "BSOT77FJsUHZ0o4RSyO1arIuUFtgn3rUkJ/rDudjKpR3K1N7Ys6g3G7WFZkgl+aTOPJV03"
    "zSCZqZ/G25ZmBhqnHNRfhlmo47FB7FVR2Dqxg28zSMJMfqTufenys1XdtINIylsvGysiGx"
    "+nRR1BerJ38udD7bFlIPU5Yj9TK/vyMRci5FqHyQsXKfcJ1Qxqoxd2cw42H0N8H1BOXNk0"
    "a65rapv/Si2pbOS1l6sVpBZgJnK6Jxbghqp3TuJRtK09nCwGulaDBflK7K4TlVCurzcOLC"
    "cX0xwhpyfC/FRS3T2Dr6zKOtMq8b/bvOoD3qD1qbbO4xvb4fjvq3EJTmFSeOoguHCUHTuY"
    "Wi2vpzgkSuTM5sTFOOyyBdRBoTTrgvcXi7fbkWzVW/fxMyZq66kRquvfvbqw7nvWA9H6Q7"
    "qpss7SpxBJjiUDmEFUPUa5jvVjEO7yDdbcAX+6B7PcqyN+Mr+wA1iY+E9Ynbv5859gp2Bf"
    "LUasgqyaKX68QFXGPbMynghTsyjSEXk5w61zvZoJxq13Xenw5V8vo4efWskxVo5AcqfX3U"
    "TCu5aPGx8GqfSP5XC2vkztJV0kjA8wN3m1mo/iOMUxYwcKtaeoJSZKVjNF7+7cPF+Xh5cT"
    "79gMTETYjDnBKKTiB6QpRaxtbauQcBoFOLkBYaXJy+VD5vl495hRNCzLgt3LUhri523mjz"
    "/7UQ5v8b0/bV9Wf+94mq8b+3r67g+mQC19vw9wmGv7vDx7TT/fptNGwhbprNbDam/cHnbq"
    "89+L21kcchMbJ0F4hYWcV7I4XI6uQ1Lrk5klvVcgsELUwpEbSqIGgJQRqbs7ACAYzfTEPX"
    "8Lr/TCxL1xLPzuiQzAN05gxWTHd0zlO0755tb0SnQ6jW4swDWRdz/ETeLBdoZVpPcAmOvT"
    "XBlpNLMVlSDRI7VMx3SQ1bSDMJE6kPKrxD/CTd76NecZryByZ/9ClOUZyUWxH60qtyju7C"
    "TQHf6Qtnlyu1gt6eAFWJvp7DMHGHvp7qF+QpqeLmRb6SphkVTU+TkP/DHAduy7OEU8Bvhp"
    "a++Qe6ru01KipUwlsW4iq3ENdmHeT+8jcU1bX0to7ayRW0kxGzEyubg7nalMbfl43qAPm+"
    "Ntpd2NX3ve51/7aF+GNUcz6mt/2r7k2nhebmRDeIU9ZIDICiRnzEIW3lasId+5FLXfGOcJ"
    "umZQKQnbNA2Ia60lL83u7eQPMBLptnrIunj+mgM+wMvkNDAscPAonl7bu7my5cEii/uHI9"
    "6n4HQhEANabD++Fdp/cZxrAlW3C7B0YNOtc3bW73islUA3ODoyLtDRwJKW6zkC1wlMQJag"
    "inHC98khCB5K1yBeo2FJV4nFqm+1ZZ2jLKMH13PU6MVEYZyijDynC49CjD8oN3qrZtVTp6"
    "5yiZJRvWy/bZewjwle2zM3lVCJkPxFwYOCnconBv1WtzvoAKVXfufPU4d0Mr0NApUcAjuw"
    "t+3fDJfnfnqiGvLHNp76jZsaNeDPwJa8KurbxjqU17I0rYS36yQi17uZiQaDHPXxxTpsP1"
    "aK/cIu14dzBfHj+d+0tlp93DOOsA0FJeB3lHptgK9y5nO/ihcW/bfKWcQxNUOgX9Rxaz7N"
    "4suzcfLM5pD72bq91WuCKhj1WC6vP542T3212Xrw4p0jl5GqKpU1LGvrwfabFthZ0ffrDk"
    "kTE4r/MjtLRkQ+GaNxQOOkwScI+IPyUd94i6cPYcJOwvUn4rHDMs/u008YAXEXq/IvGJsv"
    "EJGcrxQ+iDstL0DyFlbxMtKuMAXSmRd1LAWwtYyYJEXgYZwzNUGUsedG467aGDABr8jQEW"
    "7Pz9rjuAS86uxK9c93ujQft6BBe54IUy4wCI3/u/OsSi12lFwENf4ckNHPokVZYWNFELt2"
    "YTCbvQuQStMENzqHwBnoyW183EIsjQ5zq4tRbE2lDxsStiGPBfcdlRGePuszIeWHJr+kMF"
    "WFZN8ZLIzTFwVfbOlVBYKZrb7qGw8iOsj5W1GSHWibyVDZ9f0YklD8goA4wrUesuyLIEPD"
    "bC0XQ8NirEEos2AACbjs9ySraccG3ZlrDsAWDZHyFJenh/ddsdjZzIH3epiYihQf+7GzJk"
    "mc+OMf9LxzHxLfIHcQx8AFs+D9q/9Vpopdszje+wtBpGvmrOF5gW77ETpathjNBeOr6oFt"
    "F0mzMyrTREqv8iSFZDbr//mGdpf0xf2h+jrDbII4b8k0XhxR2nrCHDd1OIKryXUJurA1vs"
    "JWE6yewCzF5wVm3F7Q1hDdmdK7ozI7gzHts54bqmpgQqloXZ/cuw30tmd4ww6rPSVRv9Hz"
    "J0tjfTvPGf0yVVgaNostQNW6fsLTzvvxr7tXKSmA+MCjmwPKaf3Lb/HpXH9U3/KuqZggmu"
    "YoG3oGhlOpvS4m8jhBX2WlQpDtcv91/YfRshlbVTquzCDVnVBQUdpZVBN5UWtSwl/kOIWb"
    "ptpdv2eLgaiAAuxto4oeRvIn9dZWyyLsrfKKF0kleyWlbVVvC+fLkyAGFPAQhWOFvjldyt"
    "Zy2tKIvjp08ePm921B3wud4xCfHT5xWhCfy1lvPXl9T77E5To2W916CEDb8SIhKCvEwPRw"
    "gJLkfnPcRsExr4MBXTT06HnrVNGDL0Z4KWnPWWuAhubqTpFoH0unVTXLPMFXoiZMHQAtsz"
    "hKmG1BlRn9hyntB7b48PyhU34YdpyIYXpQdDPPGflQxBvxwK4dFW2SPTuLofdnud4VC56V"
    "53etedFposmU4JYwpfdoT/rjG96Xxt3yiDzp3S/ax8GfR7oxbynaq6BqWzqR0Zd9W+/jUy"
    "DLYaty7LdXvU7feUL/3BrVugxV3iU9Oaj2mvM/qtP/hVaV9fw7u1vw46ndsOPJcSG3o2KV"
    "yjhHfEjxYh3uZSFEw/P8uBpZ+fpULpcCtsgU11PnlBf2mQpspLpVJxF3y9caE7jCrA6yhd"
    "Dfm9e9800/9FFHHmFThgwkQSrkmAa9gMn11cFlm+PkUNF+7uk5pA6SrCXm98DZl7nmsXPs"
    "/Yhc8To99kAn8K9+vbi4ErcwZWt4wWCJHKaIFK+xbDhmf+oz9OKI//HO6EcN7Ga10Ktcyr"
    "aUbdCrGVlozMHqZw0hdDfFkxPExcb2ZhYVM+IjcOBoMFtKTbDGkWntpv0cMDgKqMj3l4QI"
    "8Wn01kKiCo6LxGDD/zmZiJMFSBNoi4gFRM0YQgi0yXLKlo9F6fJNu+HnpramagYNVv91ya"
    "Iv0xjx79MV2N/hjTosWHFOfuiPyZsmo3BFVmbwPwb7FheMA+OoFg31ModgH3IAPGtJCBmS"
    "12BdhV8oF4WUpW5++jkH4Vi0fe6Fg3/d5Xb3g0SDkeVsESj+XMgAqW7GDao/LzvtLbi7Qb"
    "fzADQsag/hBiljGoe4KH9fnCIMo2oahJpBWO6BO6gvOy0ISGcTNB/ADkNjFC4BREm1fl6o"
    "POhG7REpoE3P2JIXNFm4j/LGJRbOR0B8oIwcqY8gUjBENLfAcczh0oWPNPIq+8kraYouCL"
    "L81nYrHXF5MBYOW7M1ONvpS9xm0FWZYCVQU4mo1YKUEp5kGuFsuJobMZX74uZQuqJv4LGp"
    "A564rf4TbNWROdo/Hy7N3ZpSiTCM/6hGiwO1kSWrXj2RMQqn84P9tZ/O5DHGgqgFtJpKpM"
    "pKrCyujxsTm2PxfgaYBCavcJHNUCQbG5gb8ATZWxv52YwftA8jT9kbAElqcj2T5FlRkutE"
    "VDn1jYWv/EXNhVvDk64Vow14UZ4ma/6PPJTnPaRnsOzpkTxrhOUkQYAZLaNVjbS5jkRgVK"
    "TEPJCISK0NWO23tpGChh7a02+mPDOwM6f05dKEAhdaGXYbOpGx/xSkTHC7M4MubmBWACi2"
    "p73CW1AlYR2KXO/eH3hbtcm/OFbhDtzsCJwEvofjMLeVHdkcqCD80JvYgGFkvLAq88kCFz"
    "irAHN2KGwFHfRN7MyOTfGTqZrAW06OoGgEEu9AUxdEpOm8hpuoz47+Wj+BnFUrpm7PmhYz"
    "qmPRO1mU0snT0hm9tSSGduCl8LEazO+EWDQLm8NaKcnciCFkSWE5QA7+DEL0GIk7niLymY"
    "xtCJOsOUEmNMbTLnr2+LuKYl1Zif9HfqhjqJpzrT8teb8T+dOd2lu5lzZS4NDSKhIAwKTe"
    "B9Jqa2zhkQJYGlMoGlVATkSn88JAiyi2rIugbfIqx/2G64WUAfCf8n5t+pZWpLtUBsjiuG"
    "v52dnZ9/OHt3fvnx4ucPHy4+vtvII34rSzBX3a8gm5CyFwdTiI0fi9g33vhK2/T8bUy+33"
    "VG+LGJ/rk04YW2MHV2H7AGm7fyR2JtxnTsKkRUZb5XFrzaHPRZBdrT0h5jpFUWQdD56bwx"
    "339EZ62NdjB1OgofvuK6DHLa6gM5NqO/IgXhjl7Fipn9RVIzXq4P1adkZPI/dh30US1B7L"
    "A21O4s2htuk/1OsNVIsGY395pZlixYdcqaD8tpxQ7enznRLlzpsDAaLy/fnU/4nx/OMYK5"
    "WMjCXGBdHBuCwrNDYRiCRzZFXstqRqij+MI1xC24BDu2vMe+wgaU+9X+TUIQrSIkXoDJYa"
    "Ly4OB3lWZyhKlLautGUX0qTCm7hVdNnZJHf12P/rADIOH8j3kI0pUA98WtwNhccLZD98Yg"
    "z8RAC9PQVZ2fxHC6BvBjMBwhNsLF5fxT2lrSFMR6R/NKOLdqZ7f6lBp98nJptwB5ibERbK"
    "Xb6mxi8g+2YJhEY8j39OtvV/32AFre+fOM6Whw3/tVCJc+VQNSEXp1YcUqQiU1q6hmhQ2+"
    "RRFNUfnvfzQtPYm76Y2Pkqll96NsmHeL7kfwY5R5akPBl/em0AQl7k7mdFp0V+p/+dLi1v"
    "J0TK9uRLnIiSFKRP72rTvqtLhdrNtkK59HHpdHuscj1noQOMrt9qLfTJROfi07/1q8bQlD"
    "069t9rMNoRTOzoXjFngpLpwYoRTOzoXjJPAVkYpP8SpxlJhAmZQz6RccaSJ9yi25db4Tpm"
    "z5SMfiNqI4CiQsFk3s4gZbRBWHKSuc438ws0d6QkoJ2FZSA+S2CtzOn8ZdseVbKHw7/PWG"
    "YNoB31kG3etRseKFEiavMEzuB1c2EjDywN1mFkAuAulUMTCnn5xLGzkEQc/0T4FoKpjTaW"
    "2iaxAuLaBtCNH2AG244IdNG3gNkVlrqjJk0jhuXsYDdwyoZ0Xx1gxTLyU2N6OWZDXO48P6"
    "cneO7RY2EqRxUFHj4FVu8t0dVm7FqSvdMFKcupERmYeWV2FjEhj8coEYilw6fnS4lIgRG2"
    "x55gVOWQRig0GN0fi1R74MuHkPp8fgI/8Pl8XMNJKiuHY5OWQdPTxwnlOiPTyIfCNie1Fd"
    "BE2wAUoWUi2TMcKQBnlFtonOL9B6yc880RbMIBiShQQRf6alw0g8Md36yZC4NKZiBnhRat"
    "r6FBzRkCX1CT08sCVbQMIRWP2RV9j8OG+IeCn/x7s5gOjEhjpTY6rT0Hzu7YeH02b4LTGy"
    "CD/lrUdIoWLLORHHeN7GZtLdXaa7W6yXtULmOCmuKqOQc4ROFgLIUwjA5RrorsXKZkfoas"
    "ftXMzO4HWc1XOdMeGVNgxvpyoCaaeQH6+7wcvodosGLimmbCXSUOE38hPFIiI9FU4BE0UX"
    "XPVQcOdQTbDXTJOfRTRZqj5RRJATTrUvCW6ulKvTXvX7NyGuX3WjuWT3t1cdvocJEfBBuh"
    "2y1AIeoYAOUdSciNKW0tpHRt9u53OIKXeFvIBJxMe7YVbWPwsMEzUdikElUTLpEkpAS6pS"
    "JPLobY4Mp9BmIe7AIzTgc3mVUI5r6eZ1REQ/2536glLrkBd0Br2iCvlReIPy1CDfYcIk0R"
    "6J1aG2tW4k5UwGbjcz0ybFwGCcYZ7ayy5yc0LJI7ahk/3DA56LXz8l9OHhFJkWwki1oE1P"
    "pBwy3HI4k1h3eUczO6CarpH5wrQJVdfKE1k70JazqkS1ZldkTkKmRfhlgdBhm9s7SwGhUQ"
    "ScWfN/W5ZI3UB8HlHeRzV0Am3L/SrqJ16eJreVkK413Vk3KNeUW1L8C/Hq/FgEWK5tnjvV"
    "AScUqaHikQAXEgzFVcZUzAEwnL3SVQJ909yv6a0LDzrcQXPzmb/kZB3hGp9LTMz4IuFrl1"
    "t1WCg/6aWpw4s5wsdYlero+EBFQtlrrdwK1hupF/NShumqXGew4e0MLdgHxLf1yS1P614T"
    "e0M+QOIwBYeeOEeSkb2X4/M92kpXYBl0e1+v2te/Kl86nRYCCcChx1cXGdNBB2ybr3Dd3R"
    "rHtP35l/vh6LbTG3EBan8smT0Xe+t1++ZG8YYLmM2juOn2Os7sIu9fzDy8HTqX2JzBlZxL"
    "INzp+iwHxnh+lt7n+izWoC/AmkSZJ3+QEbIqi3trOHcPNYs3p2wRXoeIqszpxgp0k4CKwC"
    "AquYnI28e3aM63Pdx6f7bNsn+fSxbvM2TxPi6LqNZQQCIJpFWWy7buo31wXdaRTuV+nVDY"
    "yqBQh/6iZBO2IwBAtsOgdoeWbCDABKgkCA+m4yQbiC0nRvIbnNT8cIZ3hyrDOl3aBGJYoa"
    "vG4MMpWCoLixvzAohwbjdFtA0EuDqlCy1AFXTK92VQh5ucgo/T58t5HDjZ/+NkUE61LP3D"
    "dlU/LGtDWtRFHiXqIl2HuoiXqIUPReFfheJ8KMlwSnqRrhRyed4mYCGb/UZhhD9KK1K0I5"
    "G2PC5fFqzd0bh81wrttc7y+IQuncuXiBVCrXYmA3ebL7jMI1SVLZnCWQNJuy4MDyklEDQb"
    "iGs6DNOlnfaSwnm0dlqBIPyYpfHKbirxsPp6eLz32k7lFpCzrk3mjQTzwL+ZaR8I9E3R+b"
    "h8BkI6R3bgj5OaeJma+A/jzvFdOWPa/T5Q7gZ9vje2kP5sKQvLnC/sMf3e7153btvdG+Xr"
    "oMO3397XFno2uUIMSQAK31mJV5mxsL8gTxPJs/QmkmexJpKHNaEOrcjvuc+HRZ51sspsN/"
    "Hy5xGbZF+s30UjHLg36Pz3fXfQ+dyC6HgFQjt0rmaO6V2n91l8CxD9ysUypu07/vl8h5H8"
    "ULHMZxg16PzSuR7BNYv8QdQte7bsvqai8zYK1FMq5sWMEW4lv4rpKFH4IR/+kAVApHw8W1"
    "kHEdJSQumldVDAOgjKGZJp4gJO74Pkja/wZyTe8Y1tvmELQtQZchQD1nKLMvxpN0VDA4u8"
    "YWvKrzE9J+qRJfe9tPteWsLYSgemvhgmTmu2nkAcEdoUqI9QcciQw+f+/dVNB90NOtfdYd"
    "dNa9h8cOImXPLTiAad9k0UfCX4SdEm02L8DlFJRudhNISAPhNF1CYvzvBE6i0ZfzwHzC74"
    "vsLPCpvhs4vLIppUmKrCavCWatRlHuvuMt26u4xZd0sDr7ZgdISshrbe7lmNt2M1lqwuzO"
    "qFZxIX5nacUjI8B8OZ/i+iTNZ2UvHurIj6MF2Vfb8N8ZbCM2YYkEHDD3bwjU11gxTzSJYc"
    "R8/MpaWSLT6FGGGVvwRRi3i54LqUBsWGhKy8VCOwp063wYh2/53MiY0BIo/LIaOARoCm/C"
    "TwLUSBl5puvr2zTJVA6Y+2+Kf3K05ySqLsXPAKxGFXTMOXYdgVta+ODsCTddZ/CDG7acVb"
    "iDlMKdH4KktZ5lTsJ9Rt45KarAuWo4kRyoI0MmWl5JodKSt5B/y9Z7mK41ds+eYuShP7eE"
    "P85a+Bevc3N4dKCRJxfUO3ZG8jLfBvM6D5cvAfC459MUHojlhv3OWHzGdiWdzWEiCMKCFi"
    "0qn+uAQUxpUft/mZzY/FR4L+uTRt3PSjqqCSCKEw72k8MWh/j5EJQdUKQxTy2gapjBBW+I"
    "gVT2ylLN0qI5V+BOTmI1I0vC6S7JI1xQ8hsp2po9Jmf+lsl9acrNOYZWwU0dhkIcFqFxIc"
    "ENW0tJQuHf7NTP3X8obl1H1/JQsb4alNLFFKT3hVoJjNo0lJCz08+KDZwwNi/JBze0aIvh"
    "prp7DeDLMZ12T5YlmLgEK32B5/j7gSXMLzErN2vOwOUbqKizOzbh6/F83zcRNFZR298rPr"
    "nZ5RyfG5GRkiYbLKu5V/fvcOOe8sMmG3zDfI5z7L8J5FnWe1z6jaZEkFkqOccnetIinJe0"
    "778LatAh9AgKTKAqiUpxg+vIRem9lMdihqyOPdV2AMnKIxJr/QlyJEWY69t4tMtE3zMFGK"
    "eEIenepGP5b9t20zktIbkUgLf0sJ/2AZOg0XtRfmy6u/Z5nKsK8TTAZ9Hz3D6x/0XdTSLt"
    "lhIsMnf4wT/Jji6mTDuFcIGTStrPoRLwM7CdNUOBadq0ujTm/EFauWHzgxptf3w1H/tjNo"
    "IXXJbHPumPGHh3oq4yyrxmm3M1+zCwgXYmuIRnJVRjyW7VyML+AdsLa3maimnA19tjm8tq"
    "VFOl5jw3AcuY0EF2/gbjPLxyuQfcfhmbtNnEUWpqh0C8SRbm3QxMy57xqnDw/IJqLLtGiN"
    "tkZTy5zzf2j6VLRnsd3pkrrG7e9BL0c5ZjltwaUbWhfRm+l90+J3bWw8bdCqJGpR4VbU45"
    "Xe4lK9xVVwlFWoIvvu8Zj6u+O39kju2vcu3ZF7dkc67FIw3+uLc3lDVh6rG41yVvJewheI"
    "qEz7rBfsCJdAKhmel+Eq58ejaRUqNJBAKhn+IsOPK7JBouTNLSPZ3W4VW8g5QirjGaos54"
    "pErMhPeY++EJ05vapf4QcJT1FlnbvR7g1/64hy6N5GNKZX98PfW2iyZOsx7fUVZwif3VSc"
    "MVAG/cv9sPNZuekOR+A9mS4ZX99QCsq/1x502v490Ir9e9dc0l/7g9/9+55eEehPEIq8Hd"
    "4PoUI7vChbsoX4oMb0Cx8Gl6Z8zHah0Wf5WhxndDiOOWpsm0A95fjqSS+zFaQpv8xW4z+n"
    "S6rCiuBC1w1bp+wtPO+/9qV1lV1fa3PGLjhnC5kZccraKb27/wKcZHv+ZRfhdIioukz2M6"
    "mQafkb1DZbz15i1UMQdIz9qThylKyyveIO5id2OrFuwdo4oWRuLJjMd4zEGJsVzRemqw1f"
    "Sw7lC/neiuzZMcIqq7qVcZXIyMltFMOjMyRlwJYM2Ko2V2XA1r4DtgZ8Fxl0r0cyYmvXEV"
    "s+Zw8TstUzbX2qq9j95bGgrdD9ZlbYFg2MzBm31acEzQljUATOpPz/BJpnU0qMt6JWhrZc"
    "EKgG/vAANTQcoTcRM0VyGnmGAKoJmXHZI91GzvOh5Bxfa/HQrT0+a0zHtI0YYHkWUg2szy"
    "HiS1v6D5ys0RwcvI+iKsjDAyV/2ooLljm1QKamBcJEK92ecWKwsQTwig10fwd6wJieYAQN"
    "xsmp81orEzqeifLwzI1Dg1eA18O2eGvGRYlAgxL1RfikFlQW0dw3/YltXo//YM4nACLxI1"
    "/F4leJGcTz0ALDM3IHqUEPTfGxR37lS3FoMpKs1EgyZ/Fv6xsIkFfZWGq4CLyHvt8OW4jN"
    "mYvOu8j8NqDXxxzW1Mf0JrbxNpyqvtBJkqaSZbYGiKoshW3DGHJBuu8zMN33cVCXLSfQKb"
    "YInwMk1QV0t0bN88HmWbh5jMcTU0uIyUlvNuqNr8UazrL999E9FI5Xwz1x867oIE0tmL7v"
    "UEpfPyzC5jBV7aKv97M/26lr+WWtZENc4j7t9lkv6n+L92kfdnqjFijn9i4CAnasoKRHA6"
    "RjgOnBAMfr0tgd/BcxjmJ8zYbQE8gljl5pHN3AzFaIZZmFUh7CVLVTPy9yqZ8XGernRVz9"
    "hC10m0hln0xGr1b5S5KOxx9CzNLxKF1kFfPjFC6YXpofZwiWz5yIN485cfybzSwPDvOG5X"
    "TfjEyb34AWP8KbgvmprmELzU1qz9BJm+n4P4YzTB9nWD/9hFTTsoiIzoVy6Igz2UQYAQrh"
    "kWCGsPbHktniHeIunBKel1hcPSx1QRsrsC6dF2U6LxwZJB7+KVG5HkHWmV+djUuUTJ/qFr"
    "ORhtdeE63Nj3hdOU5+tkcUZnNBKJ+teNxihLBOx23psYtODCgrLoQYqRTD1mIQxTK2lkQS"
    "tRTG1sKYkm2EEKSSzN+a+QHNqLgMEoilKLbflAyTbXU8RwilCF51LhTxfWzG14nnpeUgZa"
    "3pQ6Yh1W5ZL4ilpEXxpmf5hqlknm8IUN1Fni+oMEUE4o2Xoti5KHTGllu5GkKE0tMgPQ1H"
    "IFPpaTgGT8OhU0Z+MSc3kBfQSPA0bO41sxwNf5gTRaQW5K7vyyl+Yk46AucXfiIUciqS8i"
    "REcgT5k89nrIWfwE2SQDOT/zg3OwKLtIik+r77e9DLqROpPgTx39hXk1GN1B1fu4jDXSUx"
    "p3sWQHjFipL6FLWLztl9zrj4sBS+sekJmSfZClWEVKpUlVapRNzaVKc6ZJxtoT4n0cuorK"
    "pJPKbsHSj4gSuPy0WSPuLeydRGmBhTIGWVEWP6hhHrWVf5Pzj1m+Wi5XRBNSAdC3GuWaAJ"
    "QNrlxDJXTLSDRyrkY0ILgKa4IzosOmoe3AVfKkloKb/3J0L66gh6zJsryARdWbptg9pDpl"
    "wtD9GcYCe9FYl/Eg2JdFHmZJsa+ly3mWhhT/k/6BPRTj8hl2JMVzOT+TOtsJez6obkwZPd"
    "TlvOrE5WLvxgJyMXHjH81n5zdnHp+cPdH/oTUMLAMVVN80knm7RdZvNfoKFnbCwhXoRSE5"
    "J4oemCgdfwICY0O6DJ34LB4TQMjzZRcN4i6U5Am5dprqVGigTElVehC5DUMDdq9zqdv+zz"
    "50V5FBXuq1YZ/spw59rqT1UAIav2NdUPg6wYh48/2Nll/ZDwDS4x4Dk8IFP7934lE2PzAp"
    "IUte+66ImsoXrqhGCLa7K2CWgh100x9fTcJiJUtdYL0GpPvhCLEn6pxd+i9YAX+ltzaU/4"
    "MO2t+/CH042eHocm9/7IMQUUk6vpwjiY4zXoypAUxR/zFv3GzQLyxqTGmovDFO/C6ZcWhX"
    "o2qr7g+jJ0P+LKOn+91QyLSTQiXoXBDCkKdjS8WkhSRlcfUmc+LNx86PNnz9ocfF/F4GVW"
    "1/ouZxfneWqPXJyn1x6BexFtebMVxbmcXoEkTFULXpddh4SR7ZJuZfq6NE+OSKY1tE+qxu"
    "IaGCiGYa6I9g3O7iTzJHA70ziZ2fZCwc5oBTSB3AETQo0/EeEJCJ4OWnn3DhlcibewcYqm"
    "fE4mlHzMnpAJSPzCgNqP8EgYbHKLgiv69M1iOTF01fMwtOKGyf6eNaYY2YRPDq4PIsYZpr"
    "kAGYHVAjmdFuYGDroe3L5F/QUsctNi3EgiC9cnwexPiMuIryzEbQ6/LCbc4fRjyq/ofOYV"
    "hRCPqf64tEQFU3Ty8DDq3HTuvvV7vyvfRqM7pX1z0/9N+dYfjoYPD6evjemQlsseLJfDKt"
    "cVCpTZi2pNzWJV5rzxtYuL2UvRRAnz11aPrkiYRJtYujpLVEicO5m6CPbHvKR/pAtWHpjV"
    "OjC5VsVSO0QmszZAUgucJHpwXuQ6OC8yDs6LWPHExaJQAIIzvIbc3UurOP5EO7FydnrCVI"
    "Ck/JypwxyUO8uOOuhh9tf/AxdKqwc="
)
