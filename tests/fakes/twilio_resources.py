"""Twilio-shaped JSON for the fake server: the fields the official client reads, with Twilio's names."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any


def twilio_time() -> str:
    return format_datetime(datetime.now(UTC))


def error_body(status: int, code: int | None, message: str) -> dict[str, Any]:
    more_info = f"https://www.twilio.com/docs/errors/{code}" if code else None
    return {"code": code, "message": message, "more_info": more_info, "status": status}


def message_resource(sid: str, account: str, params: dict[str, str]) -> dict[str, Any]:
    now = twilio_time()
    return {
        "sid": sid,
        "account_sid": account,
        "api_version": "2010-04-01",
        "body": params.get("Body", ""),
        "date_created": now,
        "date_updated": now,
        "date_sent": None,
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": params.get("From"),
        "to": params.get("To"),
        "messaging_service_sid": params.get("MessagingServiceSid"),
        "num_media": "0",
        "num_segments": "1",
        "price": None,
        "price_unit": "USD",
        "status": "queued",
        "subresource_uris": {"media": f"/2010-04-01/Accounts/{account}/Messages/{sid}/Media.json"},
        "uri": f"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
    }


def call_resource(sid: str, account: str, params: dict[str, str]) -> dict[str, Any]:
    now = twilio_time()
    return {
        "sid": sid,
        "account_sid": account,
        "api_version": "2010-04-01",
        "answered_by": None,
        "caller_name": None,
        "date_created": now,
        "date_updated": now,
        "direction": "outbound-api",
        "duration": None,
        "end_time": None,
        "forwarded_from": None,
        "from": params.get("From"),
        "from_formatted": params.get("From"),
        "group_sid": None,
        "parent_call_sid": None,
        "phone_number_sid": None,
        "price": None,
        "price_unit": "USD",
        "queue_time": "0",
        "start_time": None,
        "status": "queued",
        "to": params.get("To"),
        "to_formatted": params.get("To"),
        "trunk_sid": None,
        "uri": f"/2010-04-01/Accounts/{account}/Calls/{sid}.json",
        "subresource_uris": {},
    }
