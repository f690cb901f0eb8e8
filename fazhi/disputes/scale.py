"""矛盾纠纷 at county scale (`fazhi scale-data`): about 300,000 disputes over five years at
factor 1.0, two or three parties each, with their sessions, agreements (the signed copy
of each written one as an attachment sharing one stored file per town), judicial
confirmation and follow-ups — each in the state the workflow would have reached by now.

The services' rules hold on every row: at least two parties (applicant and respondent)
with valid ID numbers, encrypted, with the keyed hash that links repeat disputes (a pool
of people per town, so the same people come back); acceptance within days of
registration; a written agreement signed on or after the day it was agreed, its window
for judicial confirmation 30 days from signing by the deadline service (an application
always within it); a mediated dispute closed only after a follow-up; the open columns
(`next_due`, `judicial_due`) as the services keep them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from hashlib import sha256
from time import perf_counter

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone

from fazhi.core import pii
from fazhi.core.deadlines import deadline, overrides_read_once
from fazhi.core.demo import demo_id_number
from fazhi.core.models import Attachment
from fazhi.core.scale import BATCH

from .demo import CASES, _png
from .models import Agreement, Dispute, FollowUp, Party, Session
from .params import ACCEPT_WORKDAYS, HANDLE_DAYS, JUDICIAL_DAYS

DISPUTES = 300_000
PEOPLE_PER_DISPUTE = 1.6  # fewer people than party rows: some come back
S = Dispute.Status
J = Agreement.Judicial
_OUTCOMES = [(S.MEDIATED, 78), (S.FAILED, 9), (S.REFUSED, 4), (S.TRANSFERRED, 9)]
# Online reports are the residents' own (created by them), not the office's: none here.
_SOURCES = [("grid_visit", 35), ("walk_in", 40), ("phone", 15), ("initiative", 10)]


def _weighted(rng, pairs):
    return rng.choices([p for p, _ in pairs], [w for _, w in pairs])[0]


class _Days:
    """The deadline service, remembered per start day (a few thousand distinct days)."""

    def __init__(self):
        self.cache: dict[tuple, date] = {}

    def __call__(self, start: date, n: int, unit: str) -> date:
        key = (start, n, unit)
        if key not in self.cache:
            self.cache[key] = deadline(start, n, unit)
        return self.cache[key]


class _People:
    """Each town's pool of residents: name, ID number (valid, fictional region 339901),
    its keyed hash and a phone; drawn again and again, so repeat disputes exist."""

    def __init__(self, ctx, rng):
        self.ctx, self.rng = ctx, rng
        self.pools: dict[int, list[tuple[str, str, str, str]]] = {}
        self.next = 0

    def _person(self) -> tuple[str, str, str, str]:
        k = self.next
        self.next += 1
        born = date(1945, 1, 1) + timedelta(days=(k * 7919) % 21_900)
        number = demo_id_number(born, 200 + (k // 21_900) % 700, female=bool(k % 2))
        phone = f"13{self.rng.randint(5, 9)}{self.rng.randrange(100_000_000):08d}"
        # Stored encrypted, once per person (the field would encrypt on every row).
        return (self.ctx.person_name(self.rng), pii.encrypt(number), pii.keyed_hash(number),
                pii.encrypt(phone))  # fmt: skip

    def draw(self, town_id: int, size: int):
        pool = self.pools.setdefault(town_id, [])
        if len(pool) < size or self.rng.random() < 0.6:
            pool.append(self._person())
            return pool[-1]
        return pool[self.rng.randrange(len(pool))]


def _insert(ctx, model, columns: list[str], rows, label: str) -> None:
    """Rows (tuples in `columns` order, values already as the database stores them) in
    batches through one prepared INSERT: for the big child tables, whose ids nothing
    reads back, without building a model instance per row."""
    qn = connection.ops.quote_name
    names = ", ".join(qn(model._meta.get_field(c).column) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {qn(model._meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        batch: list = []
        started = perf_counter()
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                ctx.progress.add(label, len(batch), started)
                batch, started = [], perf_counter()
        if batch:
            cursor.executemany(sql, batch)
            ctx.progress.add(label, len(batch), started)
    ctx.progress.done(label)


def _day(value: date | None):
    return connection.ops.adapt_datefield_value(value)


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 30)))


def _dispute(ctx, rng, town, days, today, params) -> tuple:
    accept_wd, handle_days, judicial_days = params
    registered = ctx.day(rng)
    village = rng.random() < 0.7 and town.villages
    unit = rng.choice(town.villages) if village else town.unit
    category, place, summary, facts, issues, resp, terms, manner = rng.choice(CASES)
    source = _weighted(rng, _SOURCES)
    d = Dispute(
        org_unit=unit,
        source=source,
        category=category,
        place=place.format(v=unit.name, n=rng.randint(1, 90), m=rng.randint(1, 90)),
        summary=summary,
        handler_body=Dispute.Body.VILLAGE if village else Dispute.Body.LAW_OFFICE,
        handler_name="" if village else f"{town.unit.name}司法所",
        registered_on=registered,
        created_by=town.officer,
        created_at=_at(registered),
        involved_count=rng.randint(5, 40) if category == "labour" and rng.random() < 0.5 else None,
    )
    if source == "grid_visit" and town.grids:
        d.reported_unit = rng.choice(town.grids)
    age = (today - registered).days
    extra = {"sessions": [], "agreement": None, "followup": None}
    if age <= 2 and rng.random() < 0.7:
        d.status = S.REGISTERED
        d.next_due = days(registered, accept_wd, "workdays")
        return d, extra
    d.accepted_on = min(registered + timedelta(days=rng.randint(0, 2)), today - timedelta(days=1))
    d.mediator = town.officer
    outcome_day = d.accepted_on + timedelta(days=rng.randint(3, 40))
    if outcome_day >= today:  # still in mediation
        d.status = S.MEDIATING if rng.random() < 0.8 else S.ACCEPTED
        d.next_due = days(d.accepted_on, handle_days, "days")
        if d.status == S.MEDIATING:
            extra["sessions"].append(_session(rng, d, d.accepted_on))
        return d, extra
    d.outcome = _weighted(rng, _OUTCOMES)
    d.outcome_on = outcome_day
    if d.outcome in (S.MEDIATED, S.FAILED):
        extra["sessions"].append(_session(rng, d, d.accepted_on))
    if d.outcome == S.FAILED:
        d.remedies_told = "已告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。"
    elif d.outcome == S.REFUSED:
        d.refused_on = outcome_day
    if d.outcome == S.MEDIATED:
        a, followup = _agreement(
            rng, d, days, judicial_days, today, (facts, issues, resp, terms, manner)
        )
        extra["agreement"], extra["followup"] = a, followup
        settled = a.judicial_state not in (J.OPEN,)
        if followup is not None and settled and followup.visited_on + timedelta(days=1) < today:
            d.status, d.closed_on = S.CLOSED, followup.visited_on + timedelta(days=1)
        else:
            d.status = S.MEDIATED
            if a.judicial_state == J.OPEN:
                d.judicial_due = d.next_due = a.judicial_due
        return d, extra
    close = outcome_day + timedelta(days=rng.randint(1, 5))
    d.status, d.closed_on = (S.CLOSED, close) if close < today else (d.outcome, None)
    return d, extra


def _session(rng, d, day) -> Session:
    return Session(held_on=day, place=f"{d.org_unit.name}人民调解室", mediators="人民调解员",
                   attendees="双方当事人", record="听取双方陈述,释明法律规定,组织协商。",
                   result="agreed" if d.outcome == S.MEDIATED else "continue")  # fmt: skip


def _agreement(rng, d, days, judicial_days, today, texts):
    facts, issues, resp, terms, manner = texts
    written = rng.random() < 0.7
    agreed = d.outcome_on
    a = Agreement(
        form=Agreement.Form.WRITTEN if written else Agreement.Form.ORAL,
        facts=facts, issues=issues, responsibility=resp, terms=terms, performance_manner=manner,
        performance_deadline=agreed + timedelta(days=30), mediators="人民调解员",
        committee=f"{d.org_unit.name}人民调解委员会", agreed_on=agreed,
    )  # fmt: skip
    last = agreed
    if not written:
        a.effective_on = agreed  # art 30
    else:
        signed = agreed + timedelta(days=rng.randint(0, 3))
        if signed >= today:
            return a, None  # not signed yet: no window
        a.signed_on = a.effective_on = signed
        a.judicial_due = days(signed, judicial_days, "days")
        a.judicial_state = J.OPEN
        if a.judicial_due >= today and rng.random() < 0.6:
            return a, None  # the window is open today
        if rng.random() < 0.35:
            applied = min(signed + timedelta(days=rng.randint(1, 25)), a.judicial_due)
            if applied >= today:
                return a, None  # still open: the parties have not applied yet
            a.applied_on, a.court, a.judicial_state = applied, "县人民法院", J.APPLIED
            last = applied
            decided = applied + timedelta(days=rng.randint(3, 15))
            if decided < today:
                a.decided_on = decided
                a.judicial_state = J.CONFIRMED if rng.random() < 0.95 else J.REJECTED
                last = decided
        else:
            waived = signed + timedelta(days=rng.randint(1, 20))
            if waived >= today:
                return a, None
            a.judicial_state = J.WAIVED
            a.judicial_note = "双方当事人表示无需申请司法确认。"
            last = waived
    visit = last + timedelta(days=rng.randint(5, 30))
    if visit >= today:
        return a, None
    f = FollowUp(visited_on=visit, performance=_weighted(rng, [("done", 85), ("partial", 10),
                                                                 ("not_done", 5)]))  # fmt: skip
    return a, f


class _SignedCopies:
    """One stored scan per town for its signed agreements (like the inspections' evidence)."""

    def __init__(self, ctx, rng):
        self.ctx, self.rng = ctx, rng
        self.storage = Attachment._meta.get_field("file").storage
        self.files: dict[int, tuple[str, int, str]] = {}

    def file_for(self, town_id: int) -> tuple[str, int, str]:
        if town_id not in self.files:
            content = _png(self.rng.randrange(256))
            name = f"attachments/{self.ctx.first_day:%Y/%m}/{self.rng.getrandbits(128):032x}.png"
            digest = sha256(content).hexdigest()
            if not self.storage.exists(name):
                name = self.storage.save(name, ContentFile(content))
            self.files[town_id] = (name, len(content), digest)
        return self.files[town_id]


def generate(ctx) -> None:
    rng = ctx.rng("disputes")
    days, people = _Days(), _People(ctx, rng)
    rows = []
    with overrides_read_once():
        params = {
            t.unit.pk: (int(ACCEPT_WORKDAYS.value(t.unit)), int(HANDLE_DAYS.value(t.unit)),
                        int(JUDICIAL_DAYS.value(t.unit)))
            for t in ctx.towns
        }  # fmt: skip
        total = ctx.n(DISPUTES)
        pool_size = max(10, int(total * PEOPLE_PER_DISPUTE / max(1, len(ctx.towns))))
        for _ in range(total):
            town = rng.choice(ctx.towns)
            d, extra = _dispute(ctx, rng, town, days, ctx.today, params[town.unit.pk])
            d.fill_search()  # as save() would
            n_parties = 3 if rng.random() < 0.1 else 2
            parties = [people.draw(town.unit.pk, pool_size) for _ in range(n_parties)]
            rows.append((town, d, parties, extra))
    saved = ctx.bulk(Dispute, (r[1] for r in rows), "矛盾纠纷")

    def party_rows():
        for (_, _, parties, _), d in zip(rows, saved, strict=True):
            day = _day(d.registered_on)
            for i, (name, number, digest, phone) in enumerate(parties):
                yield (d.pk, "applicant" if i == 0 else "respondent", name, number, digest,
                       phone if i == 0 else "", f"{d.org_unit.name}{i + 1}号", day)  # fmt: skip

    _insert(ctx, Party, ["dispute", "role", "name", "id_number", "id_hash", "phone", "address",
                         "registered_on"], party_rows(), "当事人")  # fmt: skip
    sessions, agreements, followups = [], [], []
    for (_, _, _, extra), d in zip(rows, saved, strict=True):
        for x in extra["sessions"]:
            sessions.append((d.pk, _day(x.held_on), x.place, x.mediators, x.attendees, x.record,
                             x.result, d.mediator_id))  # fmt: skip
        if extra["agreement"] is not None:
            a = extra["agreement"]
            a.dispute_id, a.recorded_by_id = d.pk, d.mediator_id
            agreements.append((d, a))
        if extra["followup"] is not None:
            f = extra["followup"]
            followups.append((d.pk, _day(f.visited_on), f.performance, "", d.mediator_id))
    _insert(ctx, Session, ["dispute", "held_on", "place", "mediators", "attendees", "record",
                           "result", "recorded_by"], sessions, "调解记录")  # fmt: skip
    saved_agreements = ctx.bulk(Agreement, (a for _, a in agreements), "调解协议")
    _insert(ctx, FollowUp, ["dispute", "visited_on", "performance", "note", "visited_by"],
            followups, "回访")  # fmt: skip
    copies = _SignedCopies(ctx, rng)
    content_type = ContentType.objects.get_for_model(Agreement)
    town_of = {r[1].org_unit_id: r[0].unit.pk for r in rows}

    def attachment_rows():
        for (d, _), a in zip(agreements, saved_agreements, strict=True):
            if a.signed_on is None:
                continue
            name, size, digest = copies.file_for(town_of[d.org_unit_id])
            yield (d.org_unit_id, content_type.pk, a.pk, name, "调解协议书签字件.png", "png", size,
                   digest, d.mediator_id,
                   connection.ops.adapt_datetimefield_value(_at(a.signed_on)))  # fmt: skip

    _insert(ctx, Attachment, ["org_unit", "content_type", "object_id", "file", "original_name",
                              "file_type", "size", "sha256", "uploaded_by", "uploaded_at"],
            attachment_rows(), "附件(调解协议书签字件)")  # fmt: skip
