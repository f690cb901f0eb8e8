"""Demo data of 行政协议与合同: a year of 海屿镇's agreements and contracts, made through the
services by the demo accounts."""

from __future__ import annotations

_CC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n: int, region: str = "339901") -> str:
    """A well-formed 统一社会信用代码 (GB 32100 check digit) for fictional company `n`:
    91 (市场监管, 企业) + region + a 9-character organisation code + the check digit."""
    body = f"91{region}MA2{n:06d}"
    total = sum(_CC_CHARS.index(c) * w for c, w in zip(body, _CC_WEIGHTS, strict=True))
    return body + _CC_CHARS[(31 - total % 31) % 31]
