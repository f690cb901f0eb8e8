"""A learned 限定交易 second opinion for normative documents (issue 14, round 16).

Rounds 10, 14 and 15 each read 限定交易 (公平竞争审查条例 第八条) by rules fitted on the
documents seen so far and reached every clause there, but on the next blind set only 1 of 6,
2 of 11 and 3 of 12: each new set brings new sectors, nouns and constructions. This module
asks one question only — "is this sentence of a normative document a 限定交易 clause?" —
with a logistic regression over the sentence's characters, in the spirit of the contracts'
model (model.py, round 7), and the engine uses it beside the rules (`second_opinion`):

where no rule flagged a sentence, the model is confident (above `ADD_ABOVE`) and the
rules do not read the sentence as a lawful look-alike, a medium finding is added, worded
as what it is: the clause *resembles* 限定交易 and should be checked; it carries the basis
and suggestion of the rules' reading and says it comes from a statistical model. (Dropping
a rule hit the model finds unlikely was measured and not adopted: 第十六轮.)

Names are replaced by their role before the characters are read, so that the model learns
the shape of the clause, not the operators seen: a proper name ending in an operator or
place suffix ("荣辉农业开发服务中心", "县城南屠宰场", "神旅集团") becomes Ⓞ, an authority
("县市场监管局", "新建区人民政府") Ⓐ, a place name ("兰州市", "徽县") Ⓟ; words that only
describe a kind of place ("农贸市场", "有资质的公司") stay as they are — "到Ⓞ购买" and
"到有资质的公司购买" are different clauses.

Trained (train.py, `python -m fazhi.reviews.precheck.train`) on the sentences of the real
documents of the dev set (a sentence matching a 限定交易 label is positive, every other
sentence negative; competition labels of other kinds — tax rebates, pre-selected lists,
entry of outside goods — are left out of both) and on the normative sentences of
`corpus/sentences.jsonl`. Deterministic and pure Python; the weights ship as
`confine_weights.tsv`, and `tests/reviews/test_precheck_confine_model.py` checks that
retraining reproduces the file. Thresholds were chosen by leaving each of the two sets that
were blind for earlier rounds out of training (docs/precheck.md, 第十六轮).

Round 19: the same model answers for every competition kind — 限定交易, registration or tax
in the locality, rewards tied to revenue, output or sales, case-by-case deals — trained on
every competition label of the real documents and of the corpus (train.
competition_training_items), and a sentence of favours (`_FAVOUR`) is asked as well as one of
constraints. Five blind sets in a row showed rule rounds fitted to 限定交易 wordings did not
carry over; measured leaving each of the seven once-blind groups out (train.leave_group_out),
this model reported 50 of their 76 competition labels against 46 for the 限定交易 model and 43
for the rules alone, with fewer false findings than the 限定交易 model (docs/precheck.md,
第十九轮). The module keeps its name and its findings their id (`model.confined`).
"""

from __future__ import annotations

import functools
import json
import math
import random
import re
from pathlib import Path

from .model import _sigmoid, vocabulary
from .rules import _NOT_OPERATOR_REWARD, CATEGORIES, Rule

WEIGHTS = Path(__file__).parent / "confine_weights.tsv"
# A sentence above ADD_ABOVE gets a finding where no rule fired (docs/precheck.md, 第十六轮:
# 0.6 chosen by leaving each of the two earlier blind sets out; 第十九轮: 0.7 for the model of
# every competition kind, by leaving each of the seven once-blind groups out — 0.6 and 0.5
# found two and four more clauses on the folds for six and nineteen more false findings).
ADD_ABOVE = 0.7

# Training settings (Adagrad on the L2-regularised log loss, weights averaged over epochs).
EPOCHS = 8
RATE = 0.2
L2 = 1e-3
SEEDS = (0, 1, 2)
MIN_COUNT = 2

# Characters that end a name when reading leftwards from its suffix: punctuation, function
# words and the verbs of a clause ("一律到|县城南屠宰场", "交由|南召县环境卫生…中心").
_BREAK = set(
    "，。；：、,.;:!?！？（）()“”\"'《》【】 \t"
    "的在到由向与和及或从至将把对给为是须应必统律只能请交卖买送进入往"
    "等其他它任何所有全本该各我你此凡均一不得禁止严按照以于被让叫自并且而同跟予权"
)
# Suffixes of a trade partner (operator, place of trade) and of an authority; the longest
# first. A name needs two characters before the suffix that are not a kind of place.
_OPERATOR = (
    "有限责任公司|股份有限公司|有限公司|公司|集团|合作社|供销社|企业|商行|商店|超市|商场|门市部|门市|"
    "经营部|经销部|经销处|经销点|销售点|代销点|网点|专卖店|门店|酒店|宾馆|饭店|酒楼|市场|交易中心|"
    "服务中心|中心|基地|园区|广场|加油站|检测站|站|处置场|消纳场|屠宰场|屠宰厂|停车场|场|厂|殡仪馆|"
    "公墓|陵园|馆|驾校|学校|医院|银行|所|社|店|院|城"
)
_AUTHORITY = "人民政府|政府|管理委员会|委员会|管委会|办事处|办公室|局|厅|委|部门|机关"
_PLACE = "省|自治区|市|自治州|州|地区|盟|县|自治县|区|旗|镇|乡|街道|村|社区"
# Not a suffix where it starts a common word ("所有", "行驶", "场所", "部分", "城区").
_SUFFIX = re.compile(
    f"(?:(?:{_AUTHORITY})|(?:{_OPERATOR})|(?:{_PLACE}))"
    "(?![有在属需得以政驶为业动分门区市内外长员点所地景级域])"
)
_AUTHORITY_RE = re.compile(f"(?:{_AUTHORITY})$")
_OPERATOR_RE = re.compile(f"(?:{_OPERATOR})$")
# Words that describe a kind of place, not a name (rules.CONFINE_GENERIC has the long list;
# here only what decides whether anything is left of a name).
_GENERIC = re.compile(
    r"指定|定点|合法|正规|相应|相关|有关|附近|就近|当地|所在地?|辖区|临时|集中|专门|专业|"
    r"有资质|资质|具备|具有|符合|条件|核准|批准|许可|备案|合格|依法|正式|新建|现有|公共|公用|"
    r"农贸|农副产品|农产品|批发|零售|综合|交易|屠宰|殡仪|殡葬|垃圾|建筑|装修|再生资源|"
    r"城区|城市|农村|乡镇|乡村|居民|社区|小区|大型|小型|标准化?|规范化?|新|旧|老|原|上述|下列"
)
_MAX_NAME = 14
_MAX_PLACE = 4
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_MARKS = re.compile(r"[，,；;：:、]")
_SPACE = re.compile(r"\s+")


def masked(text: str) -> str:
    """The sentence with names replaced by their role (Ⓞ operator or place of trade,
    Ⓐ authority, Ⓟ place), digits by 0 and clause marks by "，"."""
    text = _SPACE.sub("", text)
    out, i, done = [], 0, 0
    for m in _SUFFIX.finditer(text):
        if m.start() < done:
            continue
        start = m.start()
        while start > done and m.start() - start < _MAX_NAME and text[start - 1] not in _BREAK:
            start -= 1
        name = text[start : m.start()]
        # Something must be left once the words for a kind of place are taken out.
        if len(_GENERIC.sub("", name)) < 2:
            continue
        suffix = m.group()
        role = "Ⓐ" if _AUTHORITY_RE.search(suffix) else "Ⓞ" if _OPERATOR_RE.search(suffix) else "Ⓟ"
        # A place name is short ("兰州市", "阿木古郎镇"); a longer run before 县 or 市 is a
        # clause ("…的经营权授予县…").
        if role == "Ⓟ" and len(name) > _MAX_PLACE:
            continue
        out += [text[i:start], role]
        i = done = m.end()
    out.append(text[i:])
    return _MARKS.sub("，", _DIGITS.sub("0", "".join(out)))


# Cue words, each a feature of its own whatever its place: a choice left free, a law cited,
# a tender, a temporary arrangement, an exemption, the other operators.
_CUES = {
    "可": "可",
    "自主": "自主",
    "自愿": "自愿",
    "自行选择": "自主",
    "鼓励": "鼓励",
    "特许经营": "特许",
    "招标": "招标",
    "政府采购": "招标",
    "依法": "依法",
    "依照": "依法",
    "根据": "依法",
    "条例": "法规",
    "《": "法规",
    "临时": "临时",
    "期间": "临时",
    "除外": "除外",
    "其他": "其他",
    "其它": "其他",
    "其余": "其他",
}


# The second view: the clause as a sequence of word classes, so that "只能卖给Ⓞ" and
# "须交售给Ⓞ", "一律到Ⓞ购买" and "统一由Ⓞ供应" share features whatever the verb. Longest
# words first; anything else is skipped.
_CLASSES = (
    ("S", r"本(站|中心|公司|所|院|馆|社)|我(站|中心|公司|院|馆|社)"),
    ("G", r"《|条例|法》|法律|法规|国家规定|依照|依据"),
    ("N", r"公开招标|招标|政府采购|竞争性|公开竞争|拍卖|询价|比选"),
    ("F", r"自主|自愿|自行选择|自由选择|可以|鼓励|任选|任何一家"),
    ("Q", r"资质|符合[^，。；]{0,6}条件|许可证?|核准|依法|合法|持有"),
    ("K", r"临时|期间|暂停|暂时|改造|施工"),
    ("E", r"除外|以外|除"),
    ("D", r"指定|定点|选定|授予|独家|唯一|专营|代理制|经营权|特许"),
    ("R", r"其他|其它|其余|别的|任何|外地|外省|外县|县外|市外|非本"),
    ("X", r"不得|不准|不能|不许|禁止|严禁|不予|不再|取缔|停止"),
    ("M", r"必须|务必|应当|一律|统一|统由|只能|只准|仅限|均须|均应|全部|一并|须|应|请|要"),
    (
        "L",
        r"交售给|卖给|售给|交给|交由|委托|迁入|进入|运至|送至|运往|送往|调整至|到|至|往|进|"
        r"由|向|从|与|在",
    ),
    (
        "T",
        r"购买|购置|购进|采购|进货|购|订购|定制|销售|出售|经销|代销|批发|零售|卖|收购|经营|营运|运营|"
        r"使用|选用|安装|加装|供应|配送|供货|承担|承办|承接|承揽|提供|代理|收运|清运|运输|屠宰|加工|"
        r"检测|检验|测绘|设计|施工|投保|刻制|印制|充装|维护|维修|保养|消毒|交易|办理|举办|登记",
    ),
    ("Ⓞ", r"Ⓞ"),
    ("Ⓐ", r"Ⓐ"),
    ("Ⓟ", r"Ⓟ"),
    ("，", r"，|。"),
)
_CLASS = re.compile("|".join(f"(?P<c{n}>{p})" for n, (_, p) in enumerate(_CLASSES)))


def _classes_of(masked_text: str) -> str:
    return "".join(_CLASSES[int(m.lastgroup[1:])][0] for m in _CLASS.finditer(masked_text))


def classes(text: str) -> str:
    """The masked sentence as word classes ("MLⓄT" for "一律到Ⓞ购买")."""
    return _classes_of(masked(text))


def features(text: str, _read: tuple[str, str] | None = None) -> set[str]:
    """The sentence's masked characters in 1–3-grams, with "^"/"$" for its ends; its word
    classes in 1–3-grams within a clause and as pairs in one clause (`classes`); cue
    words (`_CUES`). `_read`: (masked text, classes) when already computed."""
    m, cls = _read or _read_of(text)
    s = f"^{m}$"
    out = set(s)
    out.update(s[i : i + 2] for i in range(len(s) - 1))
    out.update(s[i : i + 3] for i in range(len(s) - 2))
    out.update(f"C:{tag}" for word, tag in _CUES.items() if word in text)
    for clause in cls.split("，"):
        c = f"^{clause}$"
        out.update(f"W:{c[i : i + n]}" for n in (1, 2, 3) for i in range(len(c) - n + 1))
        out.update(f"P:{a}{b}" for i, a in enumerate(clause) for b in clause[i + 1 :])
    return out


def _scale(n: int) -> float:
    """Each of a sentence's n features counts 1/√n: a long sentence is not a long list of
    small pieces of evidence against it (the vectors have unit length)."""
    return 1.0 / math.sqrt(n) if n else 0.0


def _read_of(text: str) -> tuple[str, str]:
    m = masked(text)
    return m, _classes_of(m)


def train(items: list[tuple[str, bool]]) -> tuple[float, dict[str, float]]:
    """Fit on (sentence, is 限定交易) pairs; returns (bias, weight per feature).
    Deterministic: the same items in the same order give the same floats. Positives are
    weighted by the ratio of negatives to positives (they are a few percent of the
    sentences); a feature seen in fewer than `MIN_COUNT` sentences is left out."""
    vocab, xs = vocabulary([features(t) for t, _ in items], MIN_COUNT)
    ys = [y for _, y in items]
    pos = sum(ys) or 1
    ratio = min(10.0, max(1.0, (len(ys) - pos) / pos / 3))
    size = len(vocab)
    wsum = [0.0] * size
    bsum = 0.0
    for seed in SEEDS:
        w = [0.0] * size
        g2 = [1e-8] * size
        b, gb = 0.0, 1e-8
        order = list(range(len(items)))
        rnd = random.Random(seed)
        for _ in range(EPOCHS):
            rnd.shuffle(order)
            for n in order:
                x, y = xs[n], ys[n]
                scale = _scale(len(x))
                z = 0.0
                for f in x:
                    z += w[f]
                z = b + z * scale
                g = (_sigmoid(z) - y) * (ratio if y else 1.0)
                for f in x:
                    gf = g * scale + L2 * w[f]
                    g2[f] += gf * gf
                    w[f] -= RATE * gf / math.sqrt(g2[f])
                gb += g * g
                b -= RATE * g / math.sqrt(gb)
            for f in range(size):
                wsum[f] += w[f]
            bsum += b
    runs = EPOCHS * len(SEEDS)
    weights = {}
    for f, name in enumerate(vocab):
        # Every feature of the vocabulary is kept, zeros too: each counts for the length.
        weights[name] = round(wsum[f] / runs, 4)
    return round(bsum / runs, 4), weights


def dump(bias: float, weights: dict[str, float]) -> str:
    """The weights file: a header line, the bias line, then one feature a line (JSON-quoted
    name, tab, weight)."""
    lines = ["# competition (normative documents)", f"bias\t{bias:g}"]
    lines += [
        json.dumps(name, ensure_ascii=False) + f"\t{v:g}" for name, v in sorted(weights.items())
    ]
    return "\n".join(lines) + "\n"


def parse(text: str) -> tuple[float, dict[str, float]]:
    lines = text.splitlines()
    bias = float(lines[1].split("\t")[1])
    weights = {}
    for line in lines[2:]:
        name, v = line.rsplit("\t", 1)
        weights[json.loads(name)] = float(v)
    return bias, weights


@functools.cache
def _loaded() -> tuple[float, dict[str, float]]:
    return parse(WEIGHTS.read_text(encoding="utf-8"))


# Weights in use; None means the shipped file. The leave-one-set-out measurement swaps in
# a model trained without the set measured (`use`).
_override: tuple[float, dict[str, float]] | None = None


def use(model: tuple[float, dict[str, float]] | None) -> None:
    global _override
    _override = model


# Off: the rules alone (the measurement's baseline).
ENABLED = True


def probability(text: str, _read: tuple[str, str] | None = None) -> float:
    """The model's probability that a sentence of a normative document is 限定交易."""
    bias, weights = _override or _loaded()
    x = features(text, _read)
    # Only the features seen in training count for the length, as they did there.
    found = [v for v in map(weights.get, x) if v is not None]
    return _sigmoid(bias + sum(found) * _scale(len(found)))


@functools.cache
def model_rule() -> Rule:
    """The finding added where no competition rule fired: medium severity (a resemblance,
    not a reading of the clause). Since round 19 the model answers for every competition
    kind, so it cites the articles of all of them (market access, free movement of goods,
    production costs, business conduct) and suggests the general remedy. The id stays
    `model.confined`, the name findings have been stored under since round 16."""
    return Rule(
        id="model.confined",
        category="competition",
        severity="medium",
        basis="《公平竞争审查条例》第八条至第十一条",
        explanation=(
            f"与“{CATEGORIES['competition']}”类条款相似(限定经营、购买、使用特定经营者提供的"
            "商品和服务的限定交易,以在本地注册、纳税为条件或只给本地经营者的待遇,与纳税额、"
            "产值、销售额挂钩的奖励,个案议定的优惠),请核对。规则没有命中这一句;这是按已标注的"
            "规范性文件训练的统计模型给出的提示,可能有误:若该句引用的是法律、法规规定的定点、"
            "特许经营制度,只是对象自主选择、临时安排,或是按公开、普惠的标准给予的补贴,"
            "则不构成排除、限制竞争。"
        ),
        suggestion=(
            "删除点名特定经营者、以在本地注册或纳税为条件、按纳税额或产值计奖、个案议定优惠的"
            "内容,改为对所有符合条件的经营者一视同仁的公开标准;确需由特定经营者提供的,写明"
            "法律、法规依据或特许经营等公开竞争的产生方式。"
        ),
        kinds=("normative",),
    )


# A line too short to judge (a heading, a date, a signature): the model's score is its bias.
_MIN_CHARS = 8


# Lawful look-alikes the rules read from the parts of a sentence (structure.confinements:
# an unnamed designated disposal site, a place word that is no name) or that the model
# scores high even after training on them, written out for the model (engine.
# _confine_lawful reads them with the rules' own exemptions): a ban for an epidemic zone
# (动物防疫法); places inside one market (a designated area, not a designated operator); a
# designated disposal site or collection point left unnamed (the approved site the law
# asks for, 112 and 119); a building site; keeping the receipts of what was bought (a
# record, not where to buy).
LAWFUL = re.compile(
    r"疫区|疫点|封锁区|"
    r"(本|该)市场|市场(内|里)[^，。；]{0,20}(摊位|区域|专区|区)|"
    r"(指定|规定|核准|批准)的[^，。；]{0,12}(处置场所?|消纳场所?|堆放点|堆放场所|中转站|收集点)|"
    r"(施工|作业)现场|"
    r"索取[^，。；]{0,8}(凭证|票据|发票|证明)|进货查验|台账|"
    # A licence applied for under the law, operators competing on equal terms (round 17).
    r"依法(办理|取得|申领|申请)|平等(参与|参加|竞争)|"
    # A registration with an authority ("一律按规定办理登记"), not a purchase.
    r"(按规定|按照规定|依规)(办理|登记|备案)|"
    # The county's 定点 slaughterhouse the law provides, unnamed (生猪屠宰管理条例 第二条; the
    # rules read it so in structure._named): "由县生猪定点屠宰厂负责".
    r"(^|[，由到往至送向在进入])(本|全)?(县|市|区|镇|乡)?(生猪)?定点屠宰(厂|场|企业|点)|"
    # A place (not an operator) the police or fire service designate for a regulated
    # activity ("必须在当地公安机关指定的地点亮照营业", 126): 烟花爆竹安全管理条例 第十九条.
    r"(公安|交警|交通管理|消防|应急管理)[^，。；]{0,6}指定的?(地点|区域|场所|路线|时间)|"
    # Round 19, the model answering for rewards too: a reward to whoever brought an investor
    # in goes to no operator on the market (the rules' reading, rules._NOT_OPERATOR_REWARD).
    rf"{_NOT_OPERATOR_REWARD}"
)

# A confinement needs a constraint: an obligation, a ban, a designation or an exemption,
# or a trade sent to a named operator ("由Ⓞ提供讲解服务"). A sentence with none of them
# (a bus route, a statistic) is not asked, whatever its characters.
_CONSTRAINT = re.compile(r"[MXDE]|LⓅ?[ⓄS]")


# Round 19: the model answers for every competition kind, and a reward tied to revenue or a
# preference for the locality carries no obligation or ban ("对当年实现区内财政收入300万元以上
# …的企业，奖励…"): such a sentence is asked too.
_FAVOUR = re.compile(
    r"奖励|奖补|补贴|补助|返还|扶持|优惠|注册|纳税|税收|财政收入|本地|外地|县内|区内|县外|"
    r"本县|本区|本镇|一事一议"
)


def _score(text: str) -> float | None:
    """The probability for a sentence the model is asked about, None for the others."""
    if len(text) < _MIN_CHARS:
        return None
    read = _read_of(text)
    if not (_CONSTRAINT.search(read[1]) or _FAVOUR.search(text)):
        return None
    return probability(text, read)


def second_opinion(hits: list, sentences, lawful=None) -> list:
    """The hits of a normative document after the model's second opinion: a confident
    resemblance to 限定交易 added on a sentence no rule flagged (one per sentence).
    `lawful(text)`: what the rules read as a lawful look-alike (a cited law of the measure,
    a general exemption, a concession held…) — the model does not add it back.

    Only unflagged sentences: on a sentence a rule already reports (a permit, a fee, an
    added duty) the reviewer is looking already, and those sentences share the shape of an
    obligation with 限定交易 — where the model erred most in the leave-one-set-out
    measurement. No rule hit is dropped: there the model's low scores fell on true
    限定交易 as often as on false findings (docs/precheck.md, 第十六轮)."""
    if not ENABLED:
        return hits
    flagged = {id(s) for _, s in hits if s is not None}
    added = [
        (model_rule(), s)
        for s in sentences
        if id(s) not in flagged
        and (p := _score(s.text)) is not None
        and p > ADD_ABOVE
        and not (lawful is not None and lawful(s.text))
    ]
    return hits + added
