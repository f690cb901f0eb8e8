"""Benchmark of the pre-review engine: a ~15,000-character draft (about 20 pages),
reviewed repeatedly on one core; prints milliseconds per run (target: ≤ 200 ms).

Run: .venv/bin/python scripts/bench_precheck.py [runs]
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")

from fazhi.reviews.precheck import precheck  # noqa: E402
from fazhi.reviews.precheck.evaluate import EXAMPLES, load_corpus  # noqa: E402

TARGET_CHARS = 15_000
TARGET_MS = 200


def build_document() -> list[str]:
    """The shipped normative examples, then corpus sentences as numbered articles, until
    the draft reaches ~15,000 characters."""
    paragraphs = []
    for name in ("draft_normative.txt", "lawful_normative.txt"):
        paragraphs += (EXAMPLES / name).read_text(encoding="utf-8").split("\n")
    sentences = [i["text"] for i in load_corpus() if i["kind"] == "normative"]
    n = 0
    while sum(len(p) for p in paragraphs) < TARGET_CHARS:
        paragraphs.append(f"第{n + 1}条 " + sentences[n % len(sentences)])
        n += 1
    return paragraphs


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    doc = build_document()
    chars = sum(len(p) for p in doc)
    precheck(doc, "normative")  # warm-up (imports, caches)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        result = precheck(doc, "normative")
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    median = times[len(times) // 2]
    print(f"文档:{chars} 字,{len(doc)} 段;发现 {len(result.findings)} 处提示")
    print(
        f"每次预审:中位数 {median:.1f} ms,最快 {times[0]:.1f} ms,最慢 {times[-1]:.1f} ms"
        f"({runs} 次;目标 ≤ {TARGET_MS} ms)"
    )


if __name__ == "__main__":
    main()
