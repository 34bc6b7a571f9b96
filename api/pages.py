"""The responder's acknowledgement page: minimal HTML, no script, no customer words."""

from __future__ import annotations

from html import escape

from fastapi.responses import HTMLResponse

from escalation.notifiers.content import category_words
from store.models import IncidentRow

# The token in the URL is the capability: keep it out of caches, Referer headers and other sites' frames.
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
    ),
}
_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "button{font-size:1.25rem;padding:.75rem 1.5rem;cursor:pointer;"
    "background:#0b57d0;color:#fff;border:0;border-radius:4px}"
    "a{color:#0b57d0}"
    ".level{font-weight:bold;text-transform:uppercase}"
)


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{escape(title)}</title><style>{_STYLE}</style>'
        f"</head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _facts(incident: IncidentRow) -> str:
    return (
        f"<p>Incident <strong>{escape(incident.code)}</strong>: "
        f'<span class="level">{escape(incident.level)}</span> risk, '
        f"{escape(category_words(incident.category))}.</p>"
    )


def ack_form(incident: IncidentRow, responder: str, token: str) -> HTMLResponse:
    """Opening the link changes nothing (phones and mail scanners prefetch links); the button does."""
    if incident.state == "resolved":
        return _page("Already resolved", _facts(incident) + "<p>Nothing more to do.</p>")
    if incident.state == "acknowledged":
        who = escape(incident.acknowledged_by or "someone")
        return _page(
            "Already acknowledged", _facts(incident) + f"<p>{who} has it.</p>" + _full_view(incident)
        )
    form = (
        f'<form method="post" action="/r/{escape(token, quote=True)}">'
        f"<p>You are acknowledging as <strong>{escape(responder)}</strong>. "
        "The escalation chain stops when you do.</p>"
        '<button type="submit">Acknowledge</button></form>'
    )
    return _page("Acknowledge incident", _facts(incident) + form + _full_view(incident))


def _full_view(incident: IncidentRow) -> str:
    """The evidence, the agent and how to join are behind sign-in, never on this link's page."""
    href = f"/incidents/{escape(incident.code, quote=True)}"
    return f'<p><a href="{href}">Open the incident: evidence, how to join, timeline (sign in)</a></p>'


def acknowledged(incident: IncidentRow) -> HTMLResponse:
    who = escape(incident.acknowledged_by or "")
    text = f"<p>Acknowledged by {who}. The chain has stopped; the agent's screen shows you are coming.</p>"
    return _page("Acknowledged", _facts(incident) + text + _full_view(incident))


def refused(reason: str, oncall_number: str = "", status: int = 403) -> HTMLResponse:
    """A responder with a dead link still needs a way to say "I have it": the on-call number, as a link
    a phone can dial (STAYLINE_ONCALL_NUMBER), or SMS when none is configured."""
    text = f"<p>This acknowledgement link cannot be used: {escape(reason)}.</p>"
    if oncall_number:
        dial = escape("tel:" + "".join(c for c in oncall_number if c.isdigit() or c == "+"), quote=True)
        number = f'<a href="{dial}">{escape(oncall_number)}</a>'
        how = f"Reply to the page by SMS, or call the on-call line on {number}."
    else:
        how = "Reply to the page by SMS (<code>ACK</code> and the incident code)."
    return _page("Link not valid", text + f"<p>{how}</p>", status)
