"""The two Redis checks before a rate-limited request, in one round trip.

A request to a rate-limited route (``POST /v1/messages``, the batch door) reads two limits in the shared
Redis: the failed-authentication window of its address (``api.auth_limits``: a blocked address is refused
before its key is looked at) and its key's request count (``api.limits``: counted only once the key is
known and its role admitted). Made one after the other they are two round trips a post. When the key is
one of ``STAYLINE_API_KEYS`` (found in this process's memory, with nothing recorded) and its role is
admitted, ``check_together`` sends both as one Lua script: it trims and reads the address's failures and
counts the request only if the address is not blocked. The answers are worked out from what the script
returns by the same code as the two calls' (``wait_from``, ``wait_after``), so the decisions and their
order are the same: blocked, 429 with the failure wait and nothing counted; else counted, and 429 with
the rate wait past the budget. The two are now atomic, which no caller can tell from the calls' order.

Left as two calls: keys from the database (looking one up records its use, which a blocked address must
not do), in-memory limiters (no broker), limiters on different Redis clients, and a server that refuses
scripts (the two calls are then made, as before). Redis unreachable: each limiter's own answer, as when
called alone (the failures counted in this process; the rate not limited), each with its own warning.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import redis

from api.auth_limits import FailureLimiter, RedisFailureLimiter
from api.limits import CallerLimiter, RedisRateLimiter

log = logging.getLogger(__name__)

# KEYS: the failure sets of the subjects, then (when the request is to be counted) the rate counter.
# ARGV: the number of subjects, the score below which failures have left the window, each subject's
# budget, the counter's time to live. Returns each subject's failure scores left in the window, and the
# request's count in its window (false: not counted, the address being blocked or nothing to count).
SCRIPT = """
local n = tonumber(ARGV[1])
local failures = {}
local blocked = false
for i = 1, n do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', ARGV[2])
  local scored = redis.call('ZRANGE', KEYS[i], 0, -1, 'WITHSCORES')
  local scores = {}
  for j = 2, #scored, 2 do
    scores[#scores + 1] = scored[j]
  end
  failures[i] = scores
  if #scores >= tonumber(ARGV[2 + i]) then
    blocked = true
  end
end
local count = false
if #KEYS > n and not blocked then
  count = redis.call('INCR', KEYS[n + 1])
  redis.call('EXPIRE', KEYS[n + 1], ARGV[n + 3])
end
return {failures, count}
"""


@dataclass(frozen=True)
class Checked:
    blocked: int | None  # seconds until the address may try again (429), or None
    rate: int | None  # seconds until the key may post again (429), or None; None as well when blocked


def check_together(
    failures: FailureLimiter, limiter: CallerLimiter, subjects: list[str], caller: str
) -> Checked | None:
    """``failures.wait(subjects)``, then, if that is None, ``limiter.check(caller)``: in one round trip
    when both limiters are in the same Redis; None (nothing done) when they are not."""
    if not (
        isinstance(failures, RedisFailureLimiter)
        and isinstance(limiter, RedisRateLimiter)
        and failures.client is limiter.client
    ):
        return None
    chosen = failures.chosen(subjects)
    if not chosen or limiter.per_minute <= 0:  # one check at most: no round trip to save
        blocked = failures.wait(subjects)
        return Checked(blocked, None if blocked is not None else limiter.check(caller))
    failures_now, rate_now = failures.now(), limiter.now()
    keys, oldest, budgets = failures.read_plan(chosen, failures_now)
    try:
        scores, count = failures.client.register_script(SCRIPT)(
            keys=[*keys, limiter.key(caller, rate_now)],
            args=[len(chosen), oldest, *budgets, limiter.TTL_SECONDS],
        )
    except redis.ResponseError:
        # The server refused the script (scripting turned off): nothing was counted; the two calls.
        log.debug("shared checks: script refused, two calls", exc_info=True)
        blocked = failures.wait(subjects)
        return Checked(blocked, None if blocked is not None else limiter.check(caller))
    except redis.RedisError as error:
        blocked = failures.unreachable(error, chosen)
        if blocked is None:
            limiter.unreachable(error)
        return Checked(blocked, None)
    blocked = failures.wait_from(chosen, [[float(s) for s in each] for each in scores], failures_now)
    if blocked is not None:
        return Checked(blocked, None)
    return Checked(None, limiter.wait_after(int(count), rate_now))
