from tortoise import BaseDBAsyncClient

from api.migrate import dialect_sql

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_UP, postgres=_POSTGRES_UP)


async def downgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_DOWN, postgres=_POSTGRES_DOWN)


_SQLITE_UP = """
        CREATE TABLE IF NOT EXISTS "account_events" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "action" VARCHAR(16) NOT NULL /* DISABLED: disabled */,
    "actor_label" VARCHAR(120) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "detail" VARCHAR(2000) NOT NULL,
    "at" TIMESTAMP NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    "actor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
) /* An operator's action on a whole account: who, when, why, what it changed. Never updated or deleted. */;
CREATE INDEX IF NOT EXISTS "idx_account_eve_account_a6a247" ON "account_events" ("account_id", "at");
        CREATE TABLE IF NOT EXISTS "signups" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "address" VARCHAR(64) NOT NULL,
    "device" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL,
    "account_id" INT REFERENCES "accounts" ("id") ON DELETE CASCADE
) /* One self-service sign-up: the client address and browser it came from, and the account it opened. */;
CREATE INDEX IF NOT EXISTS "idx_signups_address_74ae71" ON "signups" ("address", "created_at");
CREATE INDEX IF NOT EXISTS "idx_signups_device_a5e191" ON "signups" ("device", "created_at");
CREATE INDEX IF NOT EXISTS "idx_signups_account_50a555" ON "signups" ("account_id");
        ALTER TABLE "reservations" ADD "address" VARCHAR(64) /* The client address the hold was made from: holds are limited per address as well as per account. */;
        CREATE INDEX "idx_reservation_address_d1a200" ON "reservations" ("address", "ended_at");"""

_POSTGRES_UP = """
        CREATE TABLE IF NOT EXISTS "account_events" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "action" VARCHAR(16) NOT NULL,
    "actor_label" VARCHAR(120) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "detail" VARCHAR(2000) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "account_id" INT NOT NULL REFERENCES "accounts" ("id") ON DELETE CASCADE,
    "actor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_account_eve_account_a6a247" ON "account_events" ("account_id", "at");
COMMENT ON COLUMN "account_events"."action" IS 'DISABLED: disabled';
COMMENT ON TABLE "account_events" IS 'An operator''s action on a whole account: who, when, why, what it changed. Never updated or deleted.';
        CREATE TABLE IF NOT EXISTS "signups" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "address" VARCHAR(64) NOT NULL,
    "device" VARCHAR(64),
    "created_at" TIMESTAMPTZ NOT NULL,
    "account_id" INT REFERENCES "accounts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_signups_address_74ae71" ON "signups" ("address", "created_at");
CREATE INDEX IF NOT EXISTS "idx_signups_device_a5e191" ON "signups" ("device", "created_at");
CREATE INDEX IF NOT EXISTS "idx_signups_account_50a555" ON "signups" ("account_id");
COMMENT ON TABLE "signups" IS 'One self-service sign-up: the client address and browser it came from, and the account it opened.';
        ALTER TABLE "reservations" ADD "address" VARCHAR(64);
        COMMENT ON COLUMN reservations."address" IS 'The client address the hold was made from: holds are limited per address as well as per account.';
        CREATE INDEX IF NOT EXISTS "idx_reservation_address_d1a200" ON "reservations" ("address", "ended_at");"""

_SQLITE_DOWN = """
        DROP INDEX IF EXISTS "idx_reservation_address_d1a200";
        ALTER TABLE "reservations" DROP COLUMN "address";
        DROP TABLE IF EXISTS "account_events";
        DROP TABLE IF EXISTS "signups";"""

_POSTGRES_DOWN = """
        DROP INDEX IF EXISTS "idx_reservation_address_d1a200";
        ALTER TABLE "reservations" DROP COLUMN "address";
        DROP TABLE IF EXISTS "signups";
        DROP TABLE IF EXISTS "account_events";"""

MODELS_STATE = (
    "eJztXXtzm0i2/ypd+meSKiU3scdOVtnaKtlREs04lq8kZ3Z2tYVb0JIYI9DSyI5273z326"
    "cB8UaAEEKkp6YcG/o08Dv9OK8+57+tpaEQjb7uyrKx1q1WB/23peMlYb+Eb7VRC69W3g24"
    "YOGpxttiuxG/iKfUMrEMnc2wRgm7pBAqm+rKUg0dWnd1RHSLmCtTpQTJa2oZS2KiF5P1Oy"
    "K/Zz8xmbGfF2fs98uz83cvPyCMVqZBV0S2fqLIeRoynnWKdAPp6+WU0W+I9RpeQDFk9gaq"
    "Pq/gWWtd/feaSJYxJ9aCmOyJ//wXu6zqCvlOqPvn6lGaqURTAviqCnTAr0vWZsWv9XXrE2"
    "8InzGVZENbL3Wv8WpjLQx921q12TInOjGxRaB7y1wD4Ppa0xzeuDyw39RrYr+ij0YhM7zW"
    "gG1Abb+Ad60lSbeDsTTqjSWpFWGpS+FD3rkkGzoMBxUGB3z9HF7h1dnbn9/9/P788uf3rA"
    "l/ze2Vd3/aj/aAsQk5PLfj1p/8Praw3YJj7IHK/43Aer3AZjyubvsQsuyVw8i6OKZB617w"
    "sPVmQBXgLvF3SSP63FoAom/epED5rTu8/tIdvmCtXsIjDTZl7bl869w6s+8B3h6+U6xhXS"
    "bSjOhRmK/UeeIADhHuHsll4f3msCP5L2dn5+fvzt6cX76/+Pndu4v3b7ZDOnorbWxf9T/D"
    "8A6wwh3vHv6ySQAfCVtR+D+yO5a6JPEMCFKG8Fcc0tfuL6c4+tkHKgNd2zhLWgrW4/7X3m"
    "jc/XoHj1tS+m+N49cd9+DOGb+6CV19cRmaJ9tO0G/98RcEf6J/DG57HF6DWnOTP9FrN/5H"
    "C94Jry1D0o1nCSu+1de96qL2J+wbs0ffIgcXplh+fMamIgXueMODPBFnFw7NTIfu069Dom"
    "GObHQQBDf8HnR1gsPgT3fgu1e94eDhtKbE3BOme9ZFBngc9p4UOraMsyc+t7yThiLEpjYx"
    "nzgCe8I09Hpq6mRjaoOmymWA1fV6aipYM8143hOlT6yLpsKjEWVOTIltTaZK9sTphvfVY1"
    "1tmgrXkigq3g+lr9BF3yLLpmJkEtkwFdbN3iu5009TgZKxpkk2WntCdc16suFqKla6Yamz"
    "cja9W19XTYWLWuyDlvvrLiO3n8YCpc719WpflHgnDRLNQTU2zowkZTl4y2fMUjXNWa/jwR"
    "zoZGywH5mV5iuvx4ZAG5EmJEosK323zA4bFy5Gvg4bghoMv+XZMjQgl1jHc/6W0B0Qx5lc"
    "kn0wW5PMTkeM5BmCMrljjBWgbpjc4QHXEfsfo+eFoRHXBdKBP9vsB9Hh5wZ+YAupFpIXWG"
    "ff9RrdsseaaL0CK6KCDBOx9yPs11i3TBXP3O2e+ecWMtvFgq3Wv4TLpkqXjc38eKdNT18v"
    "Obp99krgP4ig7FHX2YXT+tgfda9ueh87SFEpPFsJT4ksLp23lxk8Om/DhmrPoQO3gv4EBp"
    "9hSgwNouVxm4XI6gx9Qe/Z27Ms3jPWKhnss4j3zCSYJg31eKA9igZifJHJQ3mR4qG8iHoo"
    "FWJhNddg9iiqw7jVqgThszdZncCpXuAIyPndj411O56Im9HFJOJnDO4GflEoo5wTJKrOsV"
    "97kSe8y+ZE1SMphGnNVKUyII24xCMjNwrwJ8Mk6lz/lWwicmSqJn+CozZJG2WXTfy8VWdC"
    "E5YhYGtMfJPsjq67H3ut6OgtAdlmecyjqHoTNoApewF0e39z0/ozOYIjlwErr3FhpY6NR6"
    "K34gwL7r12qlFhpTIVmjXLalBAU4JNppVzIjRjSrl9n4J+zhRxZDF0VmyIbJCGN8T8gCgD"
    "j6nvC0wXRGkjujCewR4gE8TUfR66xPqOMSMc8klZjAcQSAJMFzYDEeZZGbhBRTWThP82Rc"
    "B/G5Xv+XSSYI7kQTlIVQ7Wxx3GAaQvf84A9OXPiTjDrSDMK5PM1O95IPYomjiUSzdvUdlY"
    "JSwUu02LW+I6Q926H/WGHQT70EQf9256d18Gt793vH2vHnZGEbecDH2z4pYD0VqYWhIbmk"
    "X4HqYtgfP11CzqzuhMliOTPLHNvwifg5SCy3XmsrsWTzf5jFkROmHRihoJXVUyO6w+CgHo"
    "ThPh2jE/CStWihXLN6R2Gwa9aS1w3YFrZAWslYnwxpir+iesamuTtGLMhIH77TRToQYtpZ"
    "ndNKO5cEhkolsIiIiCIMLxlapTZMyQoRNkLUzDsjSCHsmmgzDiT0AvZqaxRFjfILZ9sSfR"
    "l22w+GEkayp05lyNWgwP+bCJPmEDfmUhRgO2RzBfTTEliBoIopQ2qHvXh8PlMmuNKCGUN6"
    "MMbMRN8q/ReMGfjVTKuh996b46u7hsAz22LLJcsSE00flLUfTCmFkEIqZWmNJnw1QQzCiF"
    "PdwyeL/PpqHP0dT4/hJhkyDdsFzjJ3s/Jj1gc98j7OxN8xgvnObCMJRgGEq2d/onVEbhwE"
    "/SmNPWpQlbXLu0F4GiummAuoF2iSYpLlPNkEHJZGtsXGxQOrcjxEJJrRuvcxyWP6QcNWL7"
    "uo18RIRyb6VKT9RulNnN+kymyKH5wLd82TAeVYIWBntbJhmYWFeY5ML9Mm3bHQqPYqKOxk"
    "QMi7oSRpxjtdS+D+dKTZY2YhVjIWzsFjaErT6ZFc211ZPvK5X1VoDrQcpquF7l/DsRJmcS"
    "hKo3MtZuCjfJylg3cEszMx5HfuOoxwhvLjeSJbdtQqGdYlsyliKXYL2CzLidLY/EuSVonN"
    "B5kNNQikpXGt5IeYP5wnR1Ds+pU1CfayfOHdcXIWwg4gfJlmkaWuHoM5e2zli3Bne9YXc8"
    "GHa2p7kn+vX9aDz4CkFpbrbdsHXhOCFoKtNQZEt9iuHIlcHAxnrCdumnC3FjyggPxQ53ta"
    "9Wo7kaDG4CysxVP5SU9Pb+61WPYc+hZ41UW3QTuUqFHQG6ONYZwppZ1Bt43q1mCJdw3G3I"
    "Bvuwfz1O0zejI/sISXZPBPrY5d87ObYHXL5zag2ESkC0O/GZzzVWHCSfF+7EJIZMINmJm0"
    "tZoOz0zU1en46Vw/k0sXpSyTNI5EfK5XzSoFWchfdUsDqkJf+ziRVyZ6oyacXY831322lW"
    "/Tm0k1bQsFAuPU7JT6VjNFn/5d3F+WR9cT57h3jHbYjDnBEdvYDoCZ47GJsb+x4EgM5MQj"
    "poePFyV/q8Mh+zhxOC91jU3LUlrq/tvNVl/3UQZv9N9O7V9Uf2+1RW2O/dqyu4Pp3C9S78"
    "PsXwu9N8ovf6n7+MRx3EVLOFRSf6YPixf9sd/t7Z8uOYNrJkFwgfWfmL/QTImuQ1rrjaj5"
    "PVsoAFLUgpLGh1saDFBGls98IaBDB+MTRVwZvBEzFNVYndO8NNUjfQhd1YMpzWGXfRgbO3"
    "veKl+yBbi90PnLpY4kfyar1Cz4b5CJdg29sQbNpnKaZrXYGDHTJmq6SCTaQYhPKjDzK8Q3"
    "QnPeyj9thN2QPjJ32CUxTHna0IzPS67KNluClgnu7Yuxyu5fT2+Kgq9PUcB8QSfT31T8hT"
    "UcbNi2wpTVMymr6Ms/wfZztwanjF7AJeda/kxd9XRuygUVGBFN4iEVe1ibi24yDzzN9S1F"
    "fTKxy1kyloJyVmJ5I2BzOxKQnf3Uq1j/xQC20ZevX9bf968LWD2GNkYznRvw6u+je9Dloa"
    "U1Ujdloj3gCSGrEWx9SV62nuOAxfmmrvCNYdWscYsjMmCNtS15qL37r9Gyg+wHjzhFX+9I"
    "k+7I16w29QkMD2g8DB8u7d3U0fLnErP79yPe5/A0IeADXRR/eju97tR2hD13TF9B5oNexd"
    "33SZ3ss7kzXMFI6alDewOSQ5xUIK2FFiO2igOeV0zScxEUjuKJcgb0NejkepxXHfOnNbRB"
    "kmr66naSMVUYYiyrA2CFceZVh98E7dlq1aR++cJFiiAruoB32AAF9RDzoVq1yWeV/MhYbj"
    "wi1y11a9NpYryFB15/TXjH03MAI1VScSeGTLwOuGdfa701cDsTKNtVVSsWNbvBh6HTYErk"
    "LescSivSEhbJefLFfJXsYmxGumsxfHOlXherhWbp5yvCX0l8VP53ypqLR7HGcdGLSk/Uze"
    "oS4K2b2rWQ5+aLu3ZezJ50AHtT6C/iOzWVRvFtWbjxbndIDazfUuK1yT0Mc6meqz+eNE9d"
    "uy01cHBOmMmAZomnQo41Dej6TYttzODy9Y8sQAzur8CAwtUVC44QWF/Q6TGLtHyJ+SbPcI"
    "u3AOHCTsDVJ2KxgzzP+2i3jAi3C5XxL2iartEyKU44eQB0Wm6R+Cy+4impfHPrpKIu8Egw"
    "szWEoziew2MgZ7qLMtedi76XVHtgVQY28MZsHe3+/6Q7hkr0rsyvXgdjzsXo/hImM8F2Zs"
    "A+K3wa82Ma91WhPjoSfwZDYceiR15hYUUQuWZuMHdqFyCXrGFC0h8wV4MjpuNROTIE1dqu"
    "DWWhFzS8XaPhNNg3/5ZVtkjLrPqnhgxaXpjxVgWTfBS1huTgFVUTtXmMIqkdzKN4VVH2F9"
    "qtCmhFjHYisKPu9RiSWLkVEEGNci150fshh7bAjRZHtsmIkVJm0AA6zPPivMrlWaXX+EQ9"
    "Cj+6uv/fHYjuyZMsXLciKChoNvTkiQaTzZyvovPVuFN8kfxFbgwZjycdj97baDnlVrobAV"
    "VK+HEi8byxXW89fQCdM1MAboIBVdZJMoqsWATEr9kOif8JM1EO2377MM7ffJQ/t9GGqNzD"
    "GcL1nlHtxRygYCXk6iqeBaoltsuy+wlgTpBNg5wF4xqAqhvSVsINyZojdTgjejsZtTJmoq"
    "ki8jWRDuX0aD23i4I4Rhn5QqW+j/kKbSg6nerb/O1roMiKLpWtUsVaev4Xl/ax1Wi4kDH4"
    "AKOKhc0F987f49zI/rm8FV2PMEHVxFAmtB0Ep1JiXF14YIa+yVqFOcrZfOP7d7NkQqcqPU"
    "2UW7VXWKZD4K0YqgmlqzWqQK/yHYLNyywi17Oqj6InzzQRslFPjG4usIY9NNXnzDhMIJXs"
    "tsWHUbwYfy1YoAgwMFGJjB0xh7otvMXFlhiKO7TxactytqCTg3O+YguvvsEXrAXmu93D9l"
    "3kenmwYN64MGHWzxiok48GOZHG4QYFyGynqIWgYU6KEy1j/YFXg2FqFIU58IWjPoTX4R3N"
    "xIUU0Cx+c2bX7NNJ7RIyErilbYWiCsK0heEPmRrpcxtfUO+KBMcRFeGIYIhqg8GOKRfVa8"
    "CXp3KIRLW2ePTOvqftS/7Y1G0k3/und73eug6ZqqOqFUYsOOsO+a6De9z90badi7k/ofpU"
    "/Dwe24gzynqqpAamzdCrW76l7/GmoGS42Td+W6O+4PbqVPg+FXJwGLM8Rnhrmc6Le98W+D"
    "4a9S9/oa3q37edjrfe3Bc3ViQU0miUmU8I54bhLiLi55jennZxls6edniaZ0uBXUwGYq6z"
    "ynv9RPU+ehUqu4CzbeGNNtoHJgHaZrIN7l+6ap+h8i8T0vxwYTJBLmmhhzDV3gs4vLPMPX"
    "o2jgwC3/0BIIXXngdds3ENzzTKvwecoqfB4b/SYO6Ceg39xaC0yY07BcMFogQCqiBWrtWw"
    "wqntm3/iih2P4zuBOC5zL2dSk08txMO+xWiIy0eMvscRIjfdL4zIrYw/j1dpotbMZaZLaD"
    "QWNuWlItihQTz6zX6OEBjKqUtXl4QHOT9cZPKiDI2LxBFD+xnqiBMGR51gi/gGSsoylBJp"
    "mtaVxS6IM+SZR1PfbS1E6xgtW/nHNlgvT7LHL0+2Qx+n1EiuYTKYrumHxPGLVbgjrD2wL7"
    "N18wXMM+egHBvi8hmQXcgxMwhok0TC2+KsCqks2IlyZk9f4+DshXkXjkrYx1M7j97DYPBy"
    "lHwypo7LacGlBB4x1MBxR+3tZ6eRF64w+mQIgY1B+CzSIGVYSb1U0vzBBuliWYhOkwdP8c"
    "FqDvfbN7ahDmBw0n8UOWoEH7EE1XpCU/F7Mo1Kv1VFPpgkmkDmUHkrX9B+oe2dF27A4Ttc"
    "7a6BxN1mdvzi55djZ41gek+4sixSnRJfceozj/0/5se/A7D7E1Zp86LRToKhXoGu+Rpwdz"
    "ZH3OgamPQggdMYgqvli9zPYIH02dTRKlSOeHMDAo6pzQGMiTDWweRZ0B5zYgTZ2a2Nz8RB"
    "1rEH9z9IJJrExupYhpI7y8IH2Zzfhz6JiBJaGUySR5mOEjaVxdp4NEb21FoNjo+JT4jBBd"
    "49A+SJ0yYW0rtNCfmhnGJ/NnlIV8FEIW2m2AmTlu2z2tL67398TAzWp68Q2q4naXxMQ8ec"
    "wuTS5LfSi7S6BIfIzhJVxEPtnyIjstJahfn9H0wvPmr00TnIVAhowZwo5VpIPAe8ijD7rU"
    "IqZKH5HFVJI2cp+EDDbv2sgu74rYJ24QbEs0IT//YZ6zO45BGF6qNLwkWgiu1PkxjQRlJD"
    "FVFRi4oGPBdGRisz4n7E/MBrVpKGs5h0vdYcNfzs7Oz9+dvTm/fH/x87t3F+/fbPkRvZXG"
    "mKv+Z+BNQBiKGhuIhed55H+3fa11XvY2hj5HvTGet9G/1wa8UAFVoPw4E1jppD9iU6ol23"
    "YCRHXGvbbGHezsInlQ99MI0AuAvpU+0pJZJx0Ri5DWmQXcxmaLLsh+Y7bo8ypDW3llZldX"
    "PX52ahEQUmiCnJoloibJs05ero3YIvKEse/OpTPQydhgPzLaLYpn0jkqI0rMo1Oemn2j6u"
    "R3gs1WjIq9vddOU6811krasGYZVevh27OOHXb7nbVEk/Xlm/Mp+/nuHCPoi/p1YLTCKt82"
    "OIWrKUMzBI9sc+34eUF0W9uAa4joSoymXd1j91C8xXp1eD0cWCtxjucAOUhUnY36Ta1BDo"
    "G61i1VyytPBSlF5eS6iVNi62/q1h/0SsTs/xG3RbIQ4Ly46WubycZu073SyBPR0MrQVFll"
    "OzHsrrDxegGKPGDDMYZ6u7S51hNs6iX1K2zoddu75cfEkJjdabB85BUGbNBn1ZIXU4NN2F"
    "Y+3FsjtqZff7kadIdQHszrZ6KPh/e3v3Lm6o/1MKlwuTq3YBWiEpJVWLLCGluiiCLJ7Pvn"
    "hqnGoZtcJCaeWlSKSTfzFqgUAx8jLROLr+1emwIdVLg6GbNZ3lVp8OlTh2nLs4l+dcNT60"
    "01nk7vty/9ca/D9GLVIoUcTVn8TMlupkiZNkCU6e1550yYTsyW0meLuyxhKJBUZD3bEgrm"
    "lM4cJxlGfuZECAVzSmcOVZcrLWaTSeaKR7EXO6qJSeM+RPuNkaNMghl26UvO0EbqjGlym2"
    "w7TNX8EY7FIqw4CUtYJMTZsRsUCHUOUooKJ7Ute3Ty1pQdUeRSYlRioWjy7GfLazZ8c8WU"
    "B2dvwEw7ZCvLsH89zpfoTZjJa2wm9yJaWzE2ct/ddpqBnEcvyrxhRj854zayCfye6Z980V"
    "TQp10GQlWQauey4kHkrkEbLlgMG6jIvGEi1AYisza6TJGhR+3mVTywZIN6Wuh0w2zqlQRE"
    "p+Tdq8d+fFxfbum23dxKglAOaqoc7OUmL2+zchIqXamaluDUDbVI3bTctB9TX+PdWWt05N"
    "CxrcOhRJRYoMtTN3DKJBAbDGKMwq7N2TBg6j3sHsP37B/Gi4WhxUVxldn5RJ/oDw8Mc50o"
    "Dw+wn7GO3KgugqZYAyELyaZBKaFIMZ7ZDQOdX6DNmu15vISSRjBkyeFE7JmmCi3x1HByzR"
    "IsLyY67wFeVDcsdQaOaDi39QE9PNA1XRE24UDrD73C9uPcJvylvI93DiaiF2wpoGSiq3qg"
    "P+f2w8PLdvAtMTIJ2+XNOWS9pesl4dt41iJQwt1dpbubj5eNRJY4Lq4qJeltiE5kJ8iSnc"
    "BBDWTXfCmGQ3SNQzsT2ClYR6FeqpRyr7SmuStVHpN2AvnpuhvcY+ZsiWaLOVrrWKfPPP8a"
    "fCPbUUzCj/7CLmCg8ICrnxXc3lRj9DXDYHuRHs9VjyjEyCmjOhQHt1eqlWmvBoObAOpX/f"
    "BZsvuvVz22hnEWsEaqFdDUfB4hnwyRV50I01ZSBkVE3xbzOUSEu1xewDji010wa+ufBcB4"
    "oomcZe9DZMIlFGMtqUvmypPXOVKcQtuBWIJHaMj6ctOznNbQzeqICE/bUn1BiWm2czqD9k"
    "iyfRLeoNwptvc7MEmUOTF7umVuWnFnJn2326nHJnlDf5xhloTQjuXmhU7m2IKq3w8PeMm/"
    "fkb0h4eXyDARRrIJJU1COZrhlo1MbDLoknq2jWqqQpYrwyK6vJEeycY2bdmjiqeQdlhmH8"
    "g0CbvMLXTYYvrOmpvQdATIbNjfpsmPbiDWD6/2JGsqgRLP27GMXrjnNJmuhFTFKXjuWblm"
    "TJNiM+SlU/7JJAC5sn3uTAU7IT8ayh8J5kKCIaPNROd9gBnOelZlAjWmnNn02jEP2uigpf"
    "HEXnK6CaHG+uIdUzZI2NhlWh3mwk9yvuzgYA7hGEmdHW7vS5Mo6lJVm1Z7y/V8XsogXZ2T"
    "H7bclaED6wCfWx+cnLnONb42ZDNIHCfL0yNDJN6ytzs+36WtdQaWYf/2M1S7lz71eh0EHI"
    "BNj40uMtGHPdBtPsN1Z2mc6N2Pv9yPxnY5e6z8sabWkq+t192bG8ltzs1sLsVN/7Zn987P"
    "/fOeR19H9iW6pHAl4xAIVgU+y2BjhCr37XgbI9wKpbL2QRPL8/gJGSKrM7sLm3MPkEh5u8"
    "vmwTpAVGekW88gm/hEBApRyW1EXs9foyVb9nDn7VmRYf82Ey/epvDibZQXYakhB0diSOvM"
    "l6Luo0OgLpJbJ6LfJCtsbaxQx55RosbYCRhAitmgyrOWbE2AMaYSv3kw2U6yNbFltJH8Bj"
    "s125zh3SEpsqqvLQIxrFDqY/juJWgqK5Mp89wQYd9u82gbCHC1UxeaYFVQdbYugzjcZhSs"
    "nbpcL6OGk8M/TgTl1EvTP24F6uNCG5CiLrIIURfJMtRFNC8wTBSJzQrJnijx5pTkJF0J5G"
    "K/jbGFbNcbiRL2KCVP0o5Y2upQvsyZu6N1+aYTWGvt4fEBXdqXLxHNZbUqjQfOMp9zmIeo"
    "apsyhUEDh3YdMzwcKYGgWV9c03FAF3raLoHzZPW0HEH4EU1jzxIv0bD6Zni8D1rj5StYzv"
    "oWWbZi1APvZqp+wK1vksraZVMQkhEpwR8nJPEqJfEfxp3juXImev/bULobDtja2EHqkymt"
    "TGO5sib6t0H/uve127+RPg97bPm9/dxBTwYTiOEQgMRWVuJmZsztL8hS2fIsubLlWaSy5X"
    "FVqGML8gcurmKSJ5U8p5ab2D09Ip0cCvoyqg/BvWHvf+/7w97HDkTHSxDaoTIxc6Lf9W4/"
    "8rkA0a+MLRO9e8emzzdoyTYV03iCVsPeL73rMVwzyR9ELlgop/ycivbbSJBPKZ8XM0JYiH"
    "81k1HC5ods9oc0A0TC5CmkHYRIKwmlF9pBDu3Az2c4TBNlcHIZJLd9jacRf8dXlvGKrgiR"
    "F8gWDGjHScoAdQOhoIFJXtGNzq5RNaPVI43vB6lBvja5spVsmPqkGTipAnwMcYhpM6A+Qc"
    "EhhQ8fB/dXNz10N+xd90d951jDdsLxm3DJO0Y07HVvwsZXgh8lZTrLh3eASgCdBWgIAX0i"
    "Es9Nnh/wWOqCwJ/OBlMG7s/4SaILfHZxmUeSClLVWAwuKEZdZtHuLpO1u8uIdrfW8HMBoE"
    "NkDdT1yocaF4MaC6hzQ71yVeLcaEcpBeAZAKfqf4g03VhxybvTIuqDdHX2/bb4W3LPmKbB"
    "CRq2sYNvbKZqJJ9HsuI4emqsTZkUmAoRwjrPBJ6LeL1ispQCyYY4r9yjRqBPvSxiIyp/ni"
    "yJhcFEHuVDSgINH031h8ALsAKvFdV4fWcaMoHUH13+p/sVLzJyouqz4DWIw66ZhC/CsGuq"
    "X52cAU/kWf8h2OwcKy7A5iClsMbXmcviTMVhQt22LqnpJmc6mgihSEgjjqxUnLMjYSSXgO"
    "89zZQcv2bDN3NSmsjkDeDLXgPd3t/cHOtIEI/rGzkpe1tJgX/bBu3dwX/U33bnAaE7Yr5y"
    "hh8ynohpMl2LG2F4ChFDn6nzNVhhHP4xnZ9abFucE/TvtWHhthdVBZlEiA79voweDDrcY8"
    "SBoHqFIXJ+FbFUhghrvMXyJ3YShm6dLZVeBOR2EkkK3uQ57JLWxQ/BstLEUaGz79rbhTYn"
    "8jSmKRt5JDaRSLDeiQSHRDZMJaFKh3czVf413WYZZd9fycpCeGYRk6fS414VSGYzN3TSQQ"
    "8PntHs4QFRtsk5NSN4XY2NnVhvgemCSbJssGx4QKGTbI+9R1QIruB5sad23NMdPHUVY2dq"
    "3jyRKa/a8/N2Vaj4CNyUMyBBsto7jn9+8wbZ78zPuhY8UZDNQZbiHwu7xxp/Zmp7Dsp3/M"
    "lOaNfJc+j4wAc73IUpxwTwkdSZAbXyBcPEi6mmmQ6yTdFAjMvPsegkVChSeSJAWY1GV8ZZ"
    "s215MJ5seErmdv6iH0vDK1pupPJSI0KHL8jhH+wMTsuxy3MFZe/5LA4rHGoHE2HdJw9488"
    "O682raFbtERIDkj7GDn1LknCgJtweTQdJKyxCx27AT002No82ZuDTu3Y6ZYNXxQiMm+vX9"
    "aDz42ht2kLymlrG01fjjm3pq4w6rx25XmjfZMQjngjVAI1AVMY1Vuw+jA7gEaG+3HTUU2c"
    "C0zeCXrSyW8Rprmu2qbcU4cX1322leXG7Zt12amQvBmWRl8Fy2QByqxwZlyuz7jnL68IAs"
    "wutI8+JnGzQzjSX7Q1FnvACL5XQXVxfucA/aHccYTr/oMxqzlv8MjovwTVEZrR7+3jq4um"
    "qUNb18i0rzHeqFfYple8+FQ/HADkUbLgmz1To/yluy6qButaoZyQcJQCA8e+yTmrNqWwyp"
    "ADwr4DLDY26YuZIBxJAKwHcCflqxCcLO3S4Ybe5UlCjA5xCpiEioM59rEnMipvIBvRkqte"
    "tJ7+HJCHZRZ5m71b0d/dbjKcvdhWiiX92Pfu+g6ZpuJvrtQLKbsN4NyW4Dqco/3Y96H6Wb"
    "/mgM/o/ZmrLxDemavHvdYa/r3QOp2Lt3zTj9eTD83bvvyhW+GgKB2NnR/QiyqMOL0jVd8Q"
    "k10T+xZnBpxtoUC24+y1aGOKUKccTVYlkEch5HR09yKiw/TfWpsFp/na11GUYEY7qqWapO"
    "X8Pz/nYoqavqHFjbPXbFkM2lZkQpGyf0lj8D7APxbGbnQTpAVF+QvdNOyDC9BarI0nOQaH"
    "MLa48FiumFyWpbz+1onl67WmoBaKOEAtxIOBgvzxdfgjAtHi9I1xhcKw7GC3jP8qzZEcI6"
    "i7q1cZWI2MciguHJKZIi5EqEXNUbVRFydeiQqyFbRYb967GIuSo75spD9jhBV7eGpc5UGT"
    "tfHgm7CtxvpwVe6b6WGSOvBjpBS0IpJGozdPY/gQLXuk601zyfhbJeEcjY/fAAeS5sprcR"
    "NfjxMvIEIVBTsmC8R6qF7OdDWjg21qLBVwd81kSf6F1EwZZnIlnD6hJitpS198DpBi3BwT"
    "vnmTseHnTy3ZIcY5mdr2NmmMBM9KxaC0YMOhY3vGIN3d+BHDDRX2AERcDJS/u1ng2oSsZT"
    "uFMnkgxeAV4PW/ytKWMlAgmK5wBhnZqQ/UNx3vQnun099sEMJzBE4jkbxfyreA/8eWiF4R"
    "mZw8ygziWf7KGvFJFk1YsbKZFk9uAv6hvwkddZWWo5FnjX+v511EF0SR3rvGOZL2L0ep9B"
    "m3qfXGg2WipTVlcqiZNU0tRWH1GduVA0jCGTSfdtik33bdSoS9dTqOaaB2cfSX0NuoWt5t"
    "nM5ml28wjGU0OJiclJLgjqtm/EGE7T/Q9R4RO2V83ZcbOOaD9NI0A/dCilJx/mgTlI1bjo"
    "68Osz1biWN4tlWyJK1ynnVroef1v0Vrqo97tuAPCuVVGQEDJAkpyNECyDTA5GOB0XRrlmf"
    "9CylEE13QTegy5sKPX2o6uYWpJxDSNXEceglSNEz8vMomfFyni50VU/IQltEikskcmolfr"
    "PJOE4/GHYLNwPAoXWc38OLmTmlfmxxmB5rMk/M0jThzvZjvNg0PdZhndN2PDYjegDA/3pm"
    "C2qyvYREtDtxboRZeq+H9GC6zPF1h9+QHJhmkSHp0LKcsRA9lAGIEVwiXBFGHljzW1+DtE"
    "XTgVPC82AXqQ65w2kgRdOC+qdF7YPIjd/BOicl2CtD2/PgsXT3o+U01qIQVv3EJX24/YL6"
    "Em29tDArOxIjrrLX/cYoiwSdtt5bGLdgwozc+ECKlgQ2E28GQZhTkRRy2YUZgZM1KECX4q"
    "AX5h8H2SUX4exBALVhRflDSDFtqeQ4SCBXvtC3l8H9v2TcK8sjNIaWP6mMeQGjesV8SUkq"
    "J4k0/5BqnEOd+AQbWMc74gwuRhiNtesKJ0VqiUrgu5GgKEwtMgPA0nwFPhaTgFT8Oxj4z8"
    "Ykxv4FxAK8bTsL3XTnM0/GFMJX60IHOGXkbxE7WPIzC88CPR4UxF3DkJfjiCfGf9aRvuJ3"
    "AOSaCFwT7OOR2B+bGIuAy9h3vQ7qMTiT4E/m9k1qRkI3XaNy7isKxDzMmeBWBevqSkHkXj"
    "onPKPzPOJ5bEFjY15uRJukAVIhUiVa1FKh63NlN1FU6cFRCf4+hFVFbdOB4R9o4U/MCEx/"
    "UqTh5x7qRKI5S3yXFklRJt9ooS80mV2R+M+tV61bHrmGpwHAsx1EyQBODY5dQ0nikv2Y5k"
    "OI8JSfzb/A6vkWiLeXAXfKkkpuz7wZ8Ix1fHUAfeeIaToM+malkg9pAZE8sDNC+wfbwV8T"
    "+JgvhxUWqfNtXUpWpRXmZeZ3/oj0R5+QE5FBP9eWFQr6dn7J5ZdULy4MlOrSy7V/tULnyw"
    "fSIXHjH60n11dnHp+sOdD/0JKKHhRJcN41El22O71GJfoKAnrK0hXkTXDTjEC2UTNLyBB1"
    "Eu2QFN9iIKNtLQ3H94FY622m8Rd8cnzYtjrpVGivjYlVWg85E08GxU+TKdN+yzn4tyKWpc"
    "Ga02+Ipw58bKT3UwQtZtNjXPBlkzhE8/2LlLTFVexMn7zp1UeR97bXaJ+8mY7mHNE3LeAe"
    "Q8pkrQxFTn8dD6SBoo551dXGRJ7HBxkZzYAe6FgsJWq1yStN28gegeJOcxe6IVmwIm2fPv"
    "I6ne+X8cwa40N/9RjVd//j/RjkWc"
)
