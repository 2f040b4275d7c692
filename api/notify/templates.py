"""What each notice says, in Chinese: an email subject and body, and the text of an SMS or a voice call."""

from __future__ import annotations

from dataclasses import dataclass

from api.money import yuan

__all__ = ["Notice", "render"]


@dataclass(frozen=True)
class Notice:
    subject: str
    body: str
    short: str = ""  # SMS and voice: one short sentence

    @property
    def text(self) -> str:
        return self.short or self.body


def render(template: str, **values: str | int) -> Notice:
    """The notice ``template`` filled with ``values`` (company, balance_fen, numbers, …)."""
    v = dict(values)
    company = v.get("company", "")
    if template == "low_balance":
        balance = yuan(int(v["balance_fen"])) + "元"
        return Notice(
            f"【400业务】话费余额不足35元提醒({company})",
            f"尊敬的{company}:\n\n您的400业务账户话费余额为{balance},已不足35元。余额低于15元时,"
            "您的400号码将被自动停机。请尽快续费,以免影响来电接听。\n\n本邮件由系统自动发送。",
            f"【400业务】您的话费余额为{balance},已不足35元,低于15元将自动停机,请尽快续费。",
        )
    if template == "suspended":
        balance = yuan(int(v["balance_fen"])) + "元"
        numbers = v.get("numbers", "")
        return Notice(
            f"【400业务】号码已停机通知({company})",
            f"尊敬的{company}:\n\n您的话费余额为{balance},已低于15元,以下400号码已自动停机:{numbers}。"
            "来电将听到“您拨打的号码已停机”。续费至15元以上后号码将立即恢复;停机满3天未续费,号码将被回收。"
            "\n\n本邮件由系统自动发送。",
            f"【400业务】余额{balance}已低于15元,号码{numbers}已停机。续费后立即恢复,停机满3天未续费将回收号码。",
        )
    if template == "resumed":
        numbers = v.get("numbers", "")
        return Notice(
            f"【400业务】号码已恢复服务({company})",
            f"尊敬的{company}:\n\n感谢您的续费。以下400号码已恢复服务:{numbers}。\n\n本邮件由系统自动发送。",
            f"【400业务】感谢续费,号码{numbers}已恢复服务。",
        )
    if template == "reclaimed":
        numbers = v.get("numbers", "")
        return Notice(
            f"【400业务】号码已回收通知({company})",
            f"尊敬的{company}:\n\n由于停机满3天未续费,以下400号码已被回收:{numbers}。如需继续使用,"
            "请联系客服。\n\n本邮件由系统自动发送。",
            f"【400业务】号码{numbers}因停机满3天未续费已被回收,如有疑问请联系客服。",
        )
    if template == "missed_call":
        return Notice(
            "【400业务】漏话提醒",
            f"【400业务】漏话提醒:{v['caller']}于{v['at']}拨打您的{v['number']}未接通,请及时回电。",
        )
    raise ValueError(f"unknown template {template!r}")
