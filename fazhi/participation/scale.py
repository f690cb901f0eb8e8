"""公众参与 at county scale (`fazhi scale-data`): about 2,500 consultations over five years
and 500,000 comments at factor 1.0, with their answers and a few hundred hearings.

The rows keep the services' rules: each consultation runs at least its minimum period
(30 days); comments fall inside its period; a closed consultation has every comment
answered (grouped answers of up to five comments, each with a reason), an open one some
still waiting; the counters on the consultation are exactly its comments and answers;
a hearing is noticed at least 7 days ahead. Comments here are the offline channels the
officer enters (letters, 座谈会, hotline, visits) — scale data creates no resident accounts."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from itertools import islice

from django.utils import timezone

from .models import Answer, Comment, Consultation, Hearing, Outcome, Tag
from .services.common import split_text

CONSULTATIONS = 2_500
COMMENTS = 500_000
HEARINGS = 300
_TOPICS = ["渔港环境整治", "农村宅基地管理", "垃圾分类", "养老服务", "学校周边交通", "民宿管理",
           "海岸带保护", "村庄规划", "停车管理", "文化设施开放"]  # fmt: skip
_TAGS = [(Tag.PUBLIC, 55), (Tag.DEPUTY, 10), (Tag.CPPCC, 4), (Tag.PEOPLE_ORG, 6),
         (Tag.GRASSROOTS, 10), (Tag.SOCIAL_ORG, 5), (Tag.INTERESTED, 10)]  # fmt: skip
_CHANNELS = ["letter", "symposium", "hotline", "visit"]
_OUTCOMES = [(Outcome.ADOPTED, 35), (Outcome.PARTLY, 25), (Outcome.REJECTED, 40)]
_REASONS = {
    Outcome.ADOPTED: "已采纳,相应条文已修改",
    Outcome.PARTLY: "部分采纳,其余内容已有规定",
    Outcome.REJECTED: "不采纳,超出本事项范围,已转有关部门研究",
}
_TEXT = "\n".join(f"第{n}条 示范条文内容第{n}项。" for n in "一二三四五六")


def _moment(day):
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def generate(ctx) -> None:
    rng = ctx.rng("participation")
    paragraphs = split_text(_TEXT)
    n_consult = ctx.n(CONSULTATIONS)
    per = max(1, ctx.n(COMMENTS) // n_consult)
    consultations, plans = [], []
    for seq in range(n_consult):
        town = rng.choice(ctx.towns)
        starts = ctx.day(rng, end=ctx.today - timedelta(days=2))
        ends = starts + timedelta(days=rng.choice([30, 30, 35, 45]))
        open_ = ends >= ctx.today
        c = Consultation(
            org_unit=town.unit, kind=rng.choice(["plan", "plan", "other"]),
            title=f"{town.unit.name}{rng.choice(_TOPICS)}实施方案(征求意见稿){starts.year}-{seq}",
            paragraphs=paragraphs, starts_on=starts, ends_on=ends,
            closed_on=None if open_ else ends + timedelta(days=1), created_by=town.officer,
            created_at=_moment(starts),
        )  # fmt: skip
        c.fill_search()
        n = max(1, int(per * rng.uniform(0.5, 1.5)))
        last = min(ends, ctx.today - timedelta(days=1))
        plans.append((town, n, open_, last))
        consultations.append(c)
    saved = ctx.bulk(Consultation, consultations, "征求意见")
    answers, comment_specs = [], []
    for c, (town, n, open_, last) in zip(saved, plans, strict=True):
        answered = n if not open_ else rng.randrange(n + 1)
        counts = {Outcome.ADOPTED: 0, Outcome.PARTLY: 0}
        i = 0
        while i < n:
            group = min(rng.randint(1, 5), n - i)
            answer_index = None
            if i < answered:
                group = min(group, answered - i)
                outcome = rng.choices([o for o, _ in _OUTCOMES], [w for _, w in _OUTCOMES])[0]
                answers.append(Answer(consultation=c, org_unit=c.org_unit, outcome=outcome,
                                      reason=_REASONS[outcome], answered_by=town.officer,
                                      answered_at=_moment(last)))  # fmt: skip
                answer_index = len(answers) - 1
                if outcome in counts:
                    counts[outcome] += group
            for _ in range(group):
                comment_specs.append((c, town, last, answer_index))
            i += group
        c.comment_count, c.answered_count = n, answered
        c.adopted_count, c.partly_count = counts[Outcome.ADOPTED], counts[Outcome.PARTLY]
    Consultation.objects.bulk_update(
        saved, ["comment_count", "answered_count", "adopted_count", "partly_count"], batch_size=500
    )
    answers = ctx.bulk(Answer, answers, "意见答复")
    tags = [t for t, _ in _TAGS]
    weights = [w for _, w in _TAGS]

    def comments():
        for c, town, last, answer_index in comment_specs:
            day = ctx.day(rng, c.starts_on, last) if last >= c.starts_on else c.starts_on
            no = rng.choice([None, 1, 2, 3, 4, 5, 6])
            yield Comment(
                consultation=c, org_unit=c.org_unit, paragraph=no,
                quote=paragraphs[no - 1]["text"] if no else "",
                body=f"关于{rng.choice(_TOPICS)}的意见:建议进一步明确责任和期限。",
                author_name=ctx.person_name(rng), tag=rng.choices(tags, weights)[0],
                channel=rng.choice(_CHANNELS), entered_by=town.officer, created_at=_moment(day),
                answer=answers[answer_index] if answer_index is not None else None,
            )  # fmt: skip

    # In slices, so half a million instances are never held at once.
    stream = comments()
    while chunk := list(islice(stream, 20_000)):
        ctx.bulk(Comment, chunk, "公众意见")
    hearings = []
    for _ in range(ctx.n(HEARINGS)):
        town = rng.choice(ctx.towns)
        noticed = ctx.day(rng, end=ctx.today - timedelta(days=20))
        held = noticed + timedelta(days=rng.randint(10, 20))
        hearings.append(Hearing(
            org_unit=town.unit, title=f"{town.unit.name}{rng.choice(_TOPICS)}听证会",
            matter="听证材料已于公告时公布。", place=f"{town.unit.name}人民政府会议室",
            held_on=held, notice_published_on=noticed,
            registration_ends_on=noticed + timedelta(days=5),
            status=Hearing.Status.HELD if held < ctx.today else Hearing.Status.NOTICED,
            list_published_on=noticed + timedelta(days=6), created_by=town.officer,
        ))  # fmt: skip
    ctx.bulk(Hearing, hearings, "听证")
