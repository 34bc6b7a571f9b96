"""What the Twilio SMS and voice notifiers share: account config, the client, error mapping, signatures.

The official ``twilio`` client is used as-is. ``api_base_url`` points its REST domain somewhere else
(tests use a local fake of the Messages and Calls endpoints); left unset it talks to api.twilio.com.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import datetime, timedelta
from typing import Any, Generic, Self, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests
from pydantic import Field
from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from escalation.config_models import Phone, StrictModel
from escalation.notifiers.base import (
    E164,
    INVALID_NUMBER,
    NOT_MOBILE,
    OPTED_OUT,
    Delivery,
    DeliveryStatus,
    EnvName,
    HttpUrl,
    failure_for_http_status,
    permanent_failure,
    read_secret,
    retryable_failure,
)

PROVIDER = "twilio"

# Twilio error codes that say the number itself is dead for us: the caller marks the channel unreachable.
PERMANENT_NUMBER_ERRORS: dict[int, str] = {
    21610: OPTED_OUT,  # the recipient replied STOP
    21211: INVALID_NUMBER,  # not a valid phone number
    21614: NOT_MOBILE,  # a landline or otherwise not SMS-capable
}
_STATUS: dict[str, DeliveryStatus] = {
    "sent": DeliveryStatus.SENT,
    "delivered": DeliveryStatus.DELIVERED,
    # Anything else returned by a create call (queued, accepted, scheduled, initiated...) is still on its way.
}


class TwilioAccountConfig(StrictModel):
    account_sid: str = Field(pattern=r"^AC[0-9a-fA-F]{32}$")
    auth_token_env: EnvName = "STAYLINE_TWILIO_AUTH_TOKEN"
    from_number: Phone
    # Where Twilio posts delivery or call status; each send adds ``page=<idempotency key>`` to it.
    status_callback_url: HttpUrl | None = None
    timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    api_base_url: HttpUrl | None = None


# (config, auth token) -> a twilio ``Client`` or anything with the same ``messages``/``calls`` surface.
TwilioClientFactory = Callable[[TwilioAccountConfig, str], Any]


def default_client_factory(config: TwilioAccountConfig, auth_token: str) -> Any:
    # The client's own timeout bounds a hung request; without it a stuck provider would stall a worker.
    http_client = TwilioHttpClient(timeout=config.timeout_seconds)
    client = Client(config.account_sid, auth_token, http_client=http_client)
    if config.api_base_url:
        client.api.base_url = config.api_base_url
    return client


def with_page_key(url: str | None, idempotency_key: str) -> str | None:
    """Tag a callback URL with the page it belongs to: a callback can beat the store recording the sid."""
    if url is None:
        return None
    parts = urlsplit(url)
    query = [*parse_qsl(parts.query, keep_blank_values=True), ("page", idempotency_key)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def call_twilio(create: Callable[[], Any]) -> Delivery:
    """Run one create call; turn its resource or its failure into a ``Delivery``."""
    try:
        resource = create()
    except TwilioException as error:
        return failure_for_twilio_error(error)
    except requests.exceptions.Timeout as error:
        # Ambiguous: Twilio may have accepted it. Retrying risks a duplicate page, which beats a lost one.
        return retryable_failure(PROVIDER, "timeout", detail=str(error))
    except requests.exceptions.RequestException as error:
        return retryable_failure(PROVIDER, "connection", detail=str(error))
    status = _STATUS.get(str(resource.status), DeliveryStatus.QUEUED)
    return Delivery(status, PROVIDER, provider_id=str(resource.sid))


def failure_for_twilio_error(error: TwilioException) -> Delivery:
    status = getattr(error, "status", None)
    code = getattr(error, "code", None)
    detail = str(getattr(error, "msg", None) or getattr(error, "title", None) or error)
    if isinstance(code, int) and code in PERMANENT_NUMBER_ERRORS:
        return permanent_failure(PROVIDER, PERMANENT_NUMBER_ERRORS[code], detail=f"twilio {code}: {detail}")
    if not isinstance(status, int):
        return retryable_failure(PROVIDER, "twilio_error", detail=detail)
    delivery = failure_for_http_status(PROVIDER, status, detail=detail)
    if isinstance(code, int) and code != status and delivery.status is DeliveryStatus.FAILED_PERMANENT:
        # Keep Twilio's own code in the reason: "twilio_21408" says more than "http_400".
        return permanent_failure(PROVIDER, f"twilio_{code}", detail=detail)
    return delivery


def twilio_signature_valid(
    auth_token: str | None, url: str, params: Mapping[str, str], signature: str | None
) -> bool:
    """Check ``X-Twilio-Signature`` on a webhook. With no token configured, nothing is trusted.

    ``RequestValidator`` compares without stopping at the first differing character.
    """
    if not auth_token or not signature:
        return False
    return bool(RequestValidator(auth_token).validate(url, dict(params), signature))


def find_recent(
    resources: Any, *, to: str, since: datetime, exclude: Collection[str], matches: Callable[[Any], bool]
) -> Delivery | None:
    """After a send was cut off (the worker died between the request and recording it), ask Twilio whether
    it went out, so the page is not sent twice. ``since`` is the wall-clock time the send was claimed."""
    try:
        listed = resources.list(to=to, limit=50)
    except (TwilioException, OSError):
        return None  # cannot tell: the caller sends again (a duplicate page beats a lost one)
    for resource in listed:
        created = getattr(resource, "date_created", None)
        if resource.sid in exclude or created is None or created < since - timedelta(seconds=2):
            continue
        if matches(resource):
            return Delivery(
                DeliveryStatus.QUEUED, PROVIDER, provider_id=resource.sid, detail="found after a cut-off send"
            )
    return None


def client_for(
    config: TwilioAccountConfig, factory: TwilioClientFactory | None, environ: Mapping[str, str] | None
) -> Any:
    """The official client for a notifier's account, its token read from the environment now."""
    return (factory or default_client_factory)(config, read_secret(config.auth_token_env, environ))


AccountConfig = TypeVar("AccountConfig", bound=TwilioAccountConfig)


class TwilioNotifier(Generic[AccountConfig]):
    """What the SMS and voice notifiers share: their account settings, the client, the number check."""

    def __init__(self, config: AccountConfig, client: Any) -> None:
        self._config = config
        self._client = client

    @classmethod
    def from_config(
        cls,
        config: AccountConfig,
        *,
        client_factory: TwilioClientFactory | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Self:
        return cls(config, client_for(config, client_factory, environ))

    @staticmethod
    def refuse_address(address: str) -> Delivery | None:
        """A permanent failure for an address Twilio cannot dial or text; None for a good number."""
        if E164.match(address):
            return None
        return permanent_failure(PROVIDER, INVALID_NUMBER, detail="address is not an E.164 number")
