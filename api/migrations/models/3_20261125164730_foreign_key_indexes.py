from tortoise import BaseDBAsyncClient

from api.migrate import dialect_sql

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_UP, postgres=_POSTGRES_UP)


async def downgrade(db: BaseDBAsyncClient) -> str:
    return dialect_sql(db.capabilities.dialect, sqlite=_SQLITE_DOWN, postgres=_POSTGRES_DOWN)


_SQLITE_UP = """
        CREATE INDEX "idx_api_tokens_user_id_26a191" ON "api_tokens" ("user_id");
        CREATE INDEX "idx_sessions_user_id_80072d" ON "sessions" ("user_id");
        CREATE INDEX "idx_numbers_account_c2ddc3" ON "numbers" ("account_id");
        CREATE INDEX "idx_number_even_number__81aeeb" ON "number_events" ("number_id", "at");
        CREATE INDEX "idx_reservation_number__377c9e" ON "reservations" ("number_id");
        CREATE INDEX "idx_reservation_account_deec69" ON "reservations" ("account_id");
        CREATE INDEX "idx_application_account_f01815" ON "applications" ("account_id");
        CREATE INDEX "idx_application_number__ee29ab" ON "applications" ("number_id");
        CREATE INDEX "idx_documents_applica_c6ec0f" ON "documents" ("application_id");
        CREATE INDEX "idx_flows_account_f3e742" ON "flows" ("account_id");
        CREATE INDEX "idx_recordings_account_31e1ab" ON "recordings" ("account_id");"""

_POSTGRES_UP = """
        CREATE INDEX IF NOT EXISTS "idx_api_tokens_user_id_26a191" ON "api_tokens" ("user_id");
        CREATE INDEX IF NOT EXISTS "idx_sessions_user_id_80072d" ON "sessions" ("user_id");
        CREATE INDEX IF NOT EXISTS "idx_numbers_account_c2ddc3" ON "numbers" ("account_id");
        CREATE INDEX IF NOT EXISTS "idx_number_even_number__81aeeb" ON "number_events" ("number_id", "at");
        CREATE INDEX IF NOT EXISTS "idx_reservation_number__377c9e" ON "reservations" ("number_id");
        CREATE INDEX IF NOT EXISTS "idx_reservation_account_deec69" ON "reservations" ("account_id");
        CREATE INDEX IF NOT EXISTS "idx_application_number__ee29ab" ON "applications" ("number_id");
        CREATE INDEX IF NOT EXISTS "idx_application_account_f01815" ON "applications" ("account_id");
        CREATE INDEX IF NOT EXISTS "idx_documents_applica_c6ec0f" ON "documents" ("application_id");
        CREATE INDEX IF NOT EXISTS "idx_flows_account_f3e742" ON "flows" ("account_id");
        CREATE INDEX IF NOT EXISTS "idx_recordings_account_31e1ab" ON "recordings" ("account_id");"""

_SQLITE_DOWN = """
        DROP INDEX IF EXISTS "idx_recordings_account_31e1ab";
        DROP INDEX IF EXISTS "idx_flows_account_f3e742";
        DROP INDEX IF EXISTS "idx_documents_applica_c6ec0f";
        DROP INDEX IF EXISTS "idx_application_number__ee29ab";
        DROP INDEX IF EXISTS "idx_application_account_f01815";
        DROP INDEX IF EXISTS "idx_reservation_account_deec69";
        DROP INDEX IF EXISTS "idx_reservation_number__377c9e";
        DROP INDEX IF EXISTS "idx_number_even_number__81aeeb";
        DROP INDEX IF EXISTS "idx_numbers_account_c2ddc3";
        DROP INDEX IF EXISTS "idx_sessions_user_id_80072d";
        DROP INDEX IF EXISTS "idx_api_tokens_user_id_26a191";"""

_POSTGRES_DOWN = """
        DROP INDEX IF EXISTS "idx_reservation_account_deec69";
        DROP INDEX IF EXISTS "idx_reservation_number__377c9e";
        DROP INDEX IF EXISTS "idx_number_even_number__81aeeb";
        DROP INDEX IF EXISTS "idx_application_account_f01815";
        DROP INDEX IF EXISTS "idx_application_number__ee29ab";
        DROP INDEX IF EXISTS "idx_recordings_account_31e1ab";
        DROP INDEX IF EXISTS "idx_documents_applica_c6ec0f";
        DROP INDEX IF EXISTS "idx_api_tokens_user_id_26a191";
        DROP INDEX IF EXISTS "idx_sessions_user_id_80072d";
        DROP INDEX IF EXISTS "idx_numbers_account_c2ddc3";
        DROP INDEX IF EXISTS "idx_flows_account_f3e742";"""

MODELS_STATE = (
    "eJztXW2T2riy/isqvmxSRVIJk3lZcutWMcRJ2DAwh2Gye86y5RG2AO8Ym5XMsOy5+e9Xkg"
    "34fWzzJjzaD9nEdsvmab10P91q/bcytXVkkrcNTbPnllOpg/9WLDhF9C/hW1VQgbPZ5ga7"
    "4MChyZ+F7kP8IhwSB0ONNTaCJkH0ko6Iho2ZY9gWe7phAWQ5CM+wQRDQ5sSxpwiDV4P5Jd"
    "Ku6J8Qjeif5zX694va2eXrjwCCGbbJDGnOTwR4bwP2wiLAsoE1nw6p/BI5b9kH6LZGv8Cw"
    "xgd419wy/poj1bHHyJkgTN/4+x/0smHp6G9EVv+cPaojA5l6AF9DZw3w66qznPFrLcv5zB"
    "9kP2OoarY5n1qbh2dLZ2Jb66cNVy1jZCEMHcSad/CcAW7NTdPTzUoH7pduHnE/0SejoxGc"
    "m0xtTNr9gM21iqp2un31TumraiWi0pWED3nvkmZbrDsYrHOwXz9mn/Cm9v7D5Yers4sPV/"
    "QR/pnrK5c/3FdvgHEFOTydfuUHvw8d6D7BMd6Ayv8fgbU5gTge19XzIWTpJ4eRXeGYBu3q"
    "wgbbzQg4BLhT+LdqImvsTBii796lQPm90Wt+bfRe0ades1fadMi6Y7nj3aq59xjeG3yH0I"
    "SWhtQRsqIwXxvjxA4cEny+J+8K73f77ck/12pnZ5e1d2cXV+cfLi/Pr96tu3T0Vlrfvm59"
    "Yd07oIpVf9/gr2HE8FGhE4X/E73jGFMUr4CgZAh/3RN9u/rLKfZ++gP1rmUuvSktBet+60"
    "a56zdubtnrpoT8ZXL8Gn2F3anxq8vQ1VcXoXGybgT82up/Beyf4D/djsLhtYkzxvyNm+f6"
    "/6mwb4Jzx1Yte6FC3Tf7rq6uUPvB1o3Ro2+SYxeGUHtcQKyrgTub7jEnCJOYgemJff7WQy"
    "bkwEb7gLfe39MmMmjf+2xRlP9j1d1XVzedwLc48LV7S3w6vJGSIkS7LMJPHIEtYeptWjrB"
    "uSQTWNQcNg1tF2A1Ni2VFayRaS+2ROkzbaKs8JhIHyOsUlcFG2hLnNq8LYU2tSwrXFOkG3"
    "A7lG5YEy0HTcuKEUaajXXazNYzuddOmYBixpRds5PMq+CtUL9TCXKcdFy7Furb9I+M3fDO"
    "12BJrAoG57Q2DQE8hRYc869kzTHh9Qpo9O1HxN4dZaBW96qpFNTMUB32WFYSCgwRxAgDLg"
    "RGNgbufQLoX50JAg4y0YyqbAlMuET4IyCOjZEOJpBMkF4FZGIvLGBTrxZAB3D/irYdQ0Ht"
    "803PE1C/c69ANfTKH5KLklzUUbio95m4qPcpXNT7KBfFh5PKxkgelINSu8H6uN04gPTFhw"
    "xAX3xIxJndCsI8w2hk/J0H4o1EGbvyRZaeHCaLfB35Igww0exZwkShWPMpx7hFv4jxpxGs"
    "18IiQ125v1N6dcDWoYHVV9rK7ddu59/1zboXXjOPowhJriZDXy5yNeB6Q+KotGsW0XtYdg"
    "eaF9PAF13RK0xSNY3RE138i+g5KCm1LLKWV3PxcKnmcmsicoVilIIpdjc+TjDAlA9Wn4QE"
    "1AU0EtoL4hsF97ONkTG2vqFlxBh8CUE8ehnDxZq28Hcp+tPpD0aOazE37pqNT0olYTqQuD"
    "6Da2QGDKBLvwJ07tvtyo/kSHQuWjUnRXiHCHF/eIQhXN2qphGExH0oMz24QEPgyXzkLJ1m"
    "248GAhObfi2AAENLt6cuqVd1aTz2KmBTKxkYDgF3XxtvaucXcYTgTtveHwWY7OLHTuiSPV"
    "mxJ8mkoPQxk1VRXh8T/T0zaGsFtB6UPIzWDzn+TkTJmTyPwxvHwg3hMlnHooG7M/P4OPYb"
    "Rz3GeFtpI9lyW2c1Pmu2JWMpE/XFCo6a9tiISSFPtjjXAqUzOt/XMgVHaynB0VokOKobZG"
    "bCpZo3CB2WEzmsJFIwegYJWdh0jswbj44IlhDxvWxFwbZZOGq6khUZ60r3Vuk1+t1eHdgz"
    "9j02HljN+7t+94YFU1db2cQInRrUQ9Ec4ylGI9c2BRtaCculXy6kjSEV3Jc6VrP9YT2a62"
    "63HXBmrluhHT+d+5trhWLPoacPGa7pJjcCSR6BNeHtRs3nZAaFZBDmWTcTbrY8b+lp+jZP"
    "nxbCWX3NYN8KuJs92tl7rWY/zd+MzmebFN5tttNsEobLAXs071FClAaRP9ZTHCRfWOnEls"
    "Ac2yFV9IS8yg3bbopUWEsl7VHH2hl5mlg9GWjBTMwj7ZA8adAOvLftVLDaJzX9BUMd3WJD"
    "Q5UYgtp3t5pGU4/Zc+qMPZi9EM7Ktf+JAC7JtwdBMJj/fHl+Npifn40uAW+4CgwLjJAFXr"
    "F0AL4jD+Klew8YBIwwQnXQO38dWwNnT6/ZglXnLRblb9bC4pLBlQb9rw4g/W9gNa6bn+jf"
    "h5pO/964vmbXh0N2vcH+PoTs797jA0tpffnav6sD6mtMHDKwur1PrU6j9+/6Wh/HJH2SOX"
    "3es/KXhgmIlSkMeuDaMPOZXpASCkpKSkgUSigm62C9FmasDbPPZfOrbRo6XHafEMaGHrt2"
    "hh9JXUAn7sOq7T2dcRXtemvbG17ojW2bddthu2un8BG9mc/AwsaP7BJb9pYIYsKT6oZzSz"
    "epgAbpLKlDDHQbsSpvDtDYN0RX0v2+aovVlL4wftAnRPncx9NGuijr6C54dzZOn1m7PK3l"
    "DF/4pA4YvDgOiDsMXoi/M7pS2ddKFLDJzrPERc+Tw6LnPCoqyHLgVcaKWQU2NbOSJ39fca"
    "69pvn87uesZUWEw1ZEWPeDzCN/LSGup1c4DSVTFkpKEkpk/zKkZlMSvs871T7xfU20u/Cr"
    "7zutZvemDuhrNHs6sG661622UgdTe2iYyN1fzh9gu8vpE2IkSIhEd+xHL2XlO3xRJQc68x"
    "giO2OlhrW00Fr83mi1G9dsQMEnaPC3D6yecqf0vitUp24cBDG93t62W+wSZ/n5lWa/9Z0J"
    "8oyegXV3f3erdD6xZ8iczKjfw57qKc12g/q9vDHNhNTh0EXSr6pNoDUuxKPENlBCOuV06Z"
    "OYlJpVL1dH2F0s8mg8Ki2LA4isbZk2lzy7niZHKtPmZNqcMAgfPG3u8Mk7ok1bQmfvnCRY"
    "sq65rLJ81CrLMxPGpRDkrq3ctKczw0T6rddeOdaS0CaoueN1mm3RcpeB3qbBksBVKIrhro"
    "aJoYz1YvlcPMOXXZshkG0hwCgERD8cWsRg1+tgMbGr9A9WCGYxWb4FHdokBl7KBgs8u7aD"
    "HhOt3r69LPEU75e6tgx1j2RQ5aBBFUY8qNtRk6EmCvGTh5kOXjQ/ST3c7fQcaEDova8vWc"
    "30u22s0p+MzDyh0pCYyOotGjHdR6EEjCCxc1Wi2EiUMB8lW0JKWkZKBOH8XKssdiU+k+5O"
    "NzkZ1Y2I5FNj0uL8hnRGTAMyZUqe3xdLnZSDlJukznwQpGgAZyWpA13r+UK7fHTvANdy19"
    "j1z4FCldf1E9sxvEeI907mPcJU+56TOTedlN6SuZ3HoyFkZP1FmH2yku2L0DLjSIro2Cd3"
    "kEQoqeDCClbTmI/nucRgCyJTxj2lrTTuXKLPpF/M2D/lt9tWj11yZyV6pdnt9HuNZp9dpI"
    "rnNovLE37vfnOF+RlAonCEx8loEm1plS74KaAqTw2SnMZB1ubdcxqHT2k8VWhTchpjsZVH"
    "XW1Ryz8LWyQz+oQoLuWHLIZYCyGadsB9UIkH3CXNmDUf0SaJtUMSay9h1+Hd/fVNq993Uz"
    "SGU8NxvNSOXve7l9uB7SfXHftFcZ00jP5ErovG3OVPvcavnTpYGM5EpzOoJYabptnTGbTy"
    "n8IQlithMsdezgTQqCtvOBTIpL3WiQy0X6yEaL+/ytK1r5K79lUYahONoaliNMvduaOSJQ"
    "R8N5VdgnOJ5dDlvsBcEpSTYOcAe0ahKoT2WrCEcGdKw0vJwosm4Q2pqamrvhJAQbh/uet2"
    "4uGOCIajDobmgP8DpkH25npX/mc0tzSGKBjODdMxLPKWve9/K/v1YuLAZ0AFQhAr0F/dNH"
    "4L66PZ7l6HYwusgetIhiQztFLDBUmJkiFBgaMEIiVMbupn5w7AhURlMQKRg3BrV6dIqZGQ"
    "rEybEFrVsjbvi1CzDMvKsOzpoOpL1cwHbVRQ4huLr2eMDZd58Q0LyiC4kOVnROvB+4rVyg"
    "SDPSUY4GBa/ZbolrM4TRji6OqTBef1jLoDnMudcxBdfbZIPaCfNZ9uX6Pqk9dMibr1XpMO"
    "1njFZBz4sUxONwgoLsNRVoA4NjsRg2jQ+ugeebF0EAGm8YTAnEKP+UUW5ga6gRHbB7Ws8m"
    "vYXoBHhGYEzKAzAdDSgTZB2iOZT2MOs9rjizLlRWzSMGQyxMGTIR7pz4qnoJ9PhVjJihyR"
    "qVzf37U6yt2d2m41lU5TqYPhnBgWIkSl3Q7R3zWw2sqXRlvtKbdq65P6udft9OtgE1Q1dF"
    "aL1nJCz103mt9Cj7Gpxiug0Wz0W92O+rnbu/EqaXhdfGTj6cDqKP1fu71vaqPZZN/W+NJT"
    "lBuFvddCDjsERaUWJftGOMYIrSaXvGT6WS0Dl35WS6TS2a2gBzYyaOM546V+GZG7ilB5F7"
    "S/UaW7QOXAOixXQrx3H5smxj9I5WtejgUmKCTpmhi6hkxg7fwiT/fdSJSw4158yNBxLz4k"
    "dlx2KwgwM7rywLt6voTgnmWahc9SZuGz2Ow3uQU7Af3yFjenxpwJtYLZAgFRmS0gdGwx6H"
    "hmX/qjgnL5zxBOCO7L2DakUMp9M9VwWCHS0+KZ2eNUuPls8pEV4cP49WoaFzaiT2TmwdjD"
    "nFoyHAJ0DEfOW/DwwEhVQp95eABjTFvjOxUAK727BAQ+0ZaIDSAr12sifgFo0AJDBDAazU"
    "lcdd+9vkmeo3jsqamawoKJf37qwQzpqyx29FWyGX0VsaL5QIqi20d/J/TatYDI8FYY/80n"
    "jBWxD16xZN/XALoHVLMdMDYGJiQOnxXYrJKNxEszspTf+gH7KpKPvLax2t3Ol9Xj4STlaF"
    "oFiV2WUxMqSHyAaY/Gz3uhpxfpN74wB0LmoL4INcscVJluJppfmCHdLEsyCfVhyPY1LJi/"
    "991tqUSY7zWdxA9ZggftQzTdkVb9WsziUM/mQ9MgE2qRepL0WWz/ww6wcbPt6B1qatWq4A"
    "wM5rV3tQswQ5gbux+B5T/dJs6J3nHrMY7z7+7Pdju/9xLXY/a509KBPqQDLfAaeXowR+bn"
    "HJj6JKTREYOo7svVy8xH+GREpiR2Yp3vg2DQjTEiMZAnE2wbCZEB5xyQaQwxxMufiMcG8S"
    "8Hr6jFSu1WAqg3ws+JI6+zkT/7zhmYIkKoTZJHGT6R0h3Qs5fsrbUJFJsdn5KfEZIrHdp7"
    "OXBKsm2FJvpTo2F8Nn9GW8gnIW2h5wmYkRe23ZJ9WUV/TwzcrNSLr1MV510SC/PkP2a+nO"
    "cL74t3CZxgHUO8hE+4TmZeNO9JlR2unZF66VNzUZtjzIKFTAzYIwA9VqQOWPSQZx80iIOw"
    "QR6BQ12SKli9Cdh03FWBe04noD9xCdiyRKIkzB7f83wegyReDkm8JDIE18b4mCTBLoqYGj"
    "rruMzHYsORms3WGNF/Qtqpsa3PtRwhdU8NP9dqZ2eXtXdnF1fnHy4vz6/erfURvZWmmOvW"
    "F6abgDEUJRuQA2NOkk+2/1fPC+3z0q+xrTFQ+nBcBX/NbfZBBVyB3eeZsJlO/TO2pFoytx"
    "MQEhl3Yckd6K0ieVD3y0jQC4C+tj7SilknbRGLiIqsAs6xuaYLcL+YTvpgAcnGXhm5x2Qe"
    "vzq1TAgpNEBOjYkQpHjWydu1ES4iTxr787V0uhbq2/SPjLxF8Uo6R1XEDuvo7M7NDlITMX"
    "52hLtIdrS9D8e+ZzM52q7cGxM9IRPMbNPQDES438tWlE2WAo/aeB7R2ksGeG4lONY7alc6"
    "0mI50jPa8RPjYs/XwvCJHzBqQxaGo02GNh2wOQM4lTu6Tja/XncbPXZGyKadgdXv3Xe+ce"
    "Vaj2LYVdSPwFA1WdWOHD0/JHW4EMA7oYeAz3Mz6RRFjU6N/v6xjY04dJMrxcdLy3Lx6b5e"
    "gXLx7Meo08QTWJ6fmwINHHB2skejvLNS9/PnOqByA+u6zevrDE1eU+fXr62+UgeLieGgQm"
    "xTFrIpmWuKnNXCEEWWk3fMhOXkaNn5aFlNS5CdklBkPlsLSuXsXDnejtj8yokISuXsXDnE"
    "mM7MmEUmWSsbia3UcaBjy5l75n4x8JxJxhxOfTs0q8AYUU9umW2FObR+JLtYRBUnxy76t3"
    "QUyHcKSsoy58KefXDybMozqWRqYmpCoZSy7BvMBOu+uRLLgqM3QNP26MzSazX7+aq9SJpc"
    "YJp8k9ZSieHIfXeraQQ5T2HQ+IMZ89CotoEr4M8M+8kXUmVturWgDR0YbkELnkm2IrTZBY"
    "diw45lXFITasnCs0tLI8C2orz5IV64Y0I9LX+qZJz6QbKiUorviLEel2vnYH4nQToHgjoH"
    "W4XJd7dYtZE+RlixHLyMW638t1OXK5M/6GdBs+xZp6sHpqvHKwuNocMOJnh4gFO+e3iErI"
    "eH18DGdF1xzx3PsEl9m+YG1oA+YuhoOrMdZGlL9REtHx7YquV2eb6f3dvcXHfPSUD0MnHc"
    "5FUNzgmPGAOGwZL+G2MeQga0HV56TjMNxOrNrweaV2IOI4aZvm5uREeUV2yKt2TQfo8gz5"
    "rlP5BRHM7C0NBbcG2YJvsnQY5j0pd58A+osiETc899gCYz/ujq6iD8kb5Gs7HOpGy6fus2"
    "FbNsZ7WQPzx4dTbeemIudMmb9oPbvUP4yf37x92/v+78+SyhoJzIu6wqq6FeZwObD/+P3u"
    "Zc7xof7BmDS0dJJy/9WR29VucLO1ZD/awodcA0wJYu2rsKxfx2f/qF/3Nj9RA/SEJiIqtA"
    "pF3UGI0QRl5nzop1QEhkpCsLZgv41m7CohFVgN6O34IpnYpg/X2tSLd/n0kX71N08T6qi/"
    "BqnUMjMaIi66XgCNgL6nJneyL6p+7UyQKD+zFyU4ISssDgTgoMFotD7I6HuGFrY8tB00oM"
    "C7G5WU3jIPj6qhr0uWwERDK+0tMVcBKopni6L8aJ2jhQA6v1vafe9rp0laoD4wmrM2xPZ8"
    "7A+t5tNZWbRqutsgMI+1SyDp5sQ0NTaJgqO3pwtecit0eQpXBVLblwVS1SuErW6N/j3mn3"
    "iOLU3aTPD49II/uCfhfFBdi9nvKv+1ZP+VRnvKbKWFUDI31g3SqdT3wszJDF+E9+pmev+5"
    "09SRcVbD+xp3rKL0qzz65h9CfSCu6D3/1uCfdrVJYpmY+niAgW0p9g6RfhwyOznR6Zdnxk"
    "wuApeGBYQFQeGCayn8bK5EQVnFzlYPW8wMOIf+Mbx35DZghpE+AaBqTupVuwskAjG9MJ7g"
    "1ZWvQaMUi2Se7QBRH0OXaPySKIfokes4Z9Nm2YVOA1RjiktBGTPkHDIUUPn7r3120F3PaU"
    "Zuuu5SUsrwccv8ku0QvGyvNrtMM1VxB8VPXhKB/eASkJdBagqXdqPCGV7zrOD3isdEHgT2"
    "eB2QXuC/ik5j/HOCglsBlc0IzafVniuQkXBYAOiZXQ19s91LAY1FBCnf+A7pVLnBvtqKQE"
    "PAPgxPgHqcOlE7ctNy2PJSgncjSlwr+Sp1GbJtCRSRd2dqTKyDBRRtv8ONkrxJ5jDRUYCh"
    "FBkUcC32U4n1FbSv+JAFdXr6gHtfKnhDkFwIGMIo/qIXm3p1/m8NtvC6gCznXDfnuLbQ0R"
    "gvQG/+fqV7zKqIlD7/IUINNCMAtfJloI6l+dHIEnd1C/CDW7uQpF1ByUlGy8yFqWWVP72T"
    "m2DkkNl/mwjQrK6gMyKe3Ap94m9OQd4HtPMm17F6z7ZsU2OngD+NLPAJ37dvuoSX93yGHp"
    "SO7oikv8Wz9QfT75j/iffXYD4i3Cb7zuB+wnhDH1tcjqdAoK7sgYzxkL4+mP+vzEocviGP"
    "ETEmB1k1XFNvEhi7X7OroxcX+vkeVmxUpD5PoqwlSGBAVeYvkb6wldV2SmcpMBuR5Eqg6X"
    "eWrPpjXxIlS2M3NU+uzPre3Sm5NluXZ/qkKiY5KzXtQWbslJFIzK4pTszg7urUoyxNnAm5"
    "up9u+6rENG2/cbmjkAjhyEeXEKHlVh21XHtoXq4OFhQ5o9PABCFzmwmCCLn4iwmCyrfDWZ"
    "QDKhliztLEueUOgWxWDfETWCD/C+2F07q90dGjRNps7wPp3Avp4/pLl8SHPZq/cUn4Gbsg"
    "ckKCZ84PjDu3fAOyiE9cKCOwqyBchS4mPh8Fjp90yt90H5tj8NrGajTS8wRRRSw843dqwm"
    "phwDwCcisgKEigWzgRdTJzMdZFeihBjvvooKnShwMY8uKHkYj24Xe824fcKdapazNURj93"
    "Dpl+XhIQppEaX75WREVmQNv7A9OBWPl+cOytbjWW5W2NcKJtO6Tx7w8qd15/W0DxwSkQmS"
    "L2MFP6XMuSOwweVRMrO00ipEPE/sxDQjcLY5NZf6SqdPDav6JjViYDXv7/rdG6VXB9qcOP"
    "YUCXKSvDDhMDFWu7Kd/VMCVGVO41FyGpNO8ckNbfFzfE4E2bwn+Rwsl7GBsKFNKjEBXO9O"
    "NS16CzfP7LRqocwGPGJ4M/GotGQmwSdSQgqhdn6epX7g+XlyAUF2L2RU0UGVA2Hv8RKiu5"
    "+4mW0xszqKcPKOYp/IKWwo3oW3uLM9w1uleW27mP34fzdPGgU="
)
