"""R4: bound and contact numbers must be mainland China numbers; typed numbers are normalised."""

from __future__ import annotations

import pytest

from ivr_flows.phones import PhoneNumberError, classify, mainland_number, parse_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("17951 13812345678", "13812345678"),
        ("12593-13812345678", "13812345678"),
        ("19912345678", "19912345678"),
        ("16612345678", "16612345678"),
        ("17312345678", "17312345678"),
        ("020-8888-6666", "02088886666"),
        ("(020) 8888 6666", "02088886666"),
        ("+86 20 8888 6666", "02088886666"),
        ("+86 (0)20 8888 6666", "02088886666"),
        ("17911 010 8888 6666", "01088886666"),
        ("0571-8888 6666", "057188886666"),
        ("0756 2222222", "07562222222"),
        ("013800138000", "13800138000"),
        ("0138-0013-8000", "13800138000"),
        ("17951 0138 0013 8000", "13800138000"),
    ],
)
def test_mainland_numbers_normalise_to_national_form(raw: str, expected: str) -> None:
    assert mainland_number(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "+852 9123 4567",
        "00852 91234567",
        "+853 6612 3456",
        "+886 912 345 678",
        "+1 415 555 0100",
        "0044 20 7946 0958",
    ],
)
def test_hong_kong_macau_taiwan_and_foreign_numbers_are_refused(raw: str) -> None:
    with pytest.raises(PhoneNumberError) as caught:
        mainland_number(raw)
    assert caught.value.code == "not_mainland"
    assert caught.value.message == "仅支持中国大陆号码,不支持港澳台及境外号码"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("raw", ["", "abc", "1381234567", "138123456789", "88886666", "0123 4567 890", "+86"])
def test_malformed_numbers_are_invalid(raw: str) -> None:
    with pytest.raises(PhoneNumberError) as caught:
        mainland_number(raw)
    assert caught.value.code == "invalid"
    assert caught.value.message


@pytest.mark.parametrize("raw", ["4006228300", "800 810 8888", "10086", "95588"])
def test_service_numbers_cannot_be_bound(raw: str) -> None:
    with pytest.raises(PhoneNumberError) as caught:
        mainland_number(raw)
    assert caught.value.code == "not_bindable"


def test_error_repr_names_code_and_message() -> None:
    err = PhoneNumberError("invalid", "号码格式不正确")
    assert "invalid" in repr(err) and "号码格式不正确" in repr(err)
    assert str(err) == "号码格式不正确"


def test_parse_phone_classifies_without_raising() -> None:
    assert parse_phone(None).kind == "unknown"
    assert parse_phone("anonymous").kind == "unknown"
    assert parse_phone("+85291234567").country_code == 852
    assert parse_phone("4006228300").kind == "service"
    # an 11-digit number that merely starts like an IP prefix is not stripped
    assert parse_phone("17911234567").number == "17911234567"


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678", "02088886666", "0755123456", "075512345678", "0101234567", "010123456789",
        "0212345678", "12345678901", "10086", "4006228300", "008613812345678", "8613812345678",
        "862088886666", "17951013812345678", "1795113812345678", "0", "01", "0012", "+8613812345678",
        " 138 1234 5678", "１３８１２３４５６７８", "²", None, "", "013800138000", "011234567890",
        "012345678901", "01088886666", "+86013800138000",
    ],
)  # fmt: skip
def test_classify_is_parse_phone_without_the_object(raw: str | None) -> None:
    parsed = parse_phone(raw)
    assert classify(raw) == (parsed.number, parsed.kind, parsed.country_code)


def test_a_mobile_with_a_leading_zero_is_the_mobile_and_beijing_stays_a_landline() -> None:
    assert parse_phone("013800138000") == parse_phone("13800138000")
    assert parse_phone("01088886666").kind == "landline"
    assert parse_phone("011234567890").kind == "landline"  # not a mobile after the 0: left as it was
