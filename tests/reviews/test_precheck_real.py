"""智能预审 on real documents (issue 14, item 5): a normative document that *cites* a
licence, fee, fine or permit set by higher law is lawful; one that *creates* it is not; a
clause sending all the town's business to operators the town picked is 限定交易.

The real-document figures are measured on corpus/real: files 01–233 tune the rules (dev;
111–120, picked for 限定交易 and 指定 clauses and their lawful look-alikes, were the
thirteenth round's measurement and tune the fourteenth round's structural reading of
限定交易; 121–131 were the fourteenth round's blind set and tune the fifteenth round's;
132–142 were the fifteenth round's and train the sixteenth round's learned 限定交易 second
opinion, confine_model.py; 143–153 were the sixteenth round's and tune the seventeenth
round's: names are not clauses, discrimination needs a difference, traffic is not trade,
rewards tied to tax; 154–165 were the seventeenth round's and tune the eighteenth round's
reading of genres: the issuer's own procedures, a benefit's conditions, definitions and
headings; 166–177 were the eighteenth round's and train the nineteenth round's model of every
competition kind, measured by leaving each once-blind group out in test_precheck_logo.py;
178–189 were the nineteenth round's and tune the twentieth round's reading of who is bound or
rewarded, test_precheck_who.py; 190–200 were the twentieth round's and, with every other
group's first-seen findings, recalibrate high severity in the twenty-first round; 201–218
were the twenty-first round's, a reviewer's ordinary week and five documents that touch
business, and are a tenth leave-one-group-out fold from the twenty-second round; 219–233
were the twenty-second round's, taken in the mirror index's order, and tune the twenty-third
round's reading of the town's own small-works permits and stop-work orders, an eleventh
fold; 234–240 were the twenty-third round's and tune the twenty-fourth round's reading of
street offices and their own departments, a twelfth fold); 241– are held out for the next
round, added and run once by the lead.
Since round 11, high severity on a normative document is calibrated: a family's finding
is high only in the reading that proved reliable on unseen documents, otherwise medium
(rules.calibrated); since round 12 a legal basis counts only when it modifies the
document's own measure."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from fazhi.reviews.precheck import precheck
from fazhi.reviews.precheck.evaluate import (
    MIN_REAL_HIGH_PRECISION,
    REAL,
    REAL_DEV,
    REAL_HELD_OUT,
    evaluate_real,
    held_out_present,
)


def categories(text: str) -> set[str]:
    return precheck(text, "normative", whole_document=False).categories()


# ---- creating versus citing ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "违反本规定乱倒垃圾的，按照国家有关法律法规予以处罚。",
        "擅自占用绿地的，依照《城市绿化条例》的有关规定处理。",
        "违反本办法的行为，有关法律、法规已有处罚规定的，从其规定。",
        "运输单位应当持有建筑垃圾运输许可证。",
        "农户应当按照乡村建设规划许可证的要求施工。",
        "由镇规建办将审核意见报镇人民政府审批。",
        "建设控制地带由镇文物管理部门划出，报镇人民政府批准后予以公布。",
        "物业服务企业应当按照区物价部门核定的收费标准执行。",
        "因宅基地征收已安置的人员不得重复申请。",
        "村民委员会应当召集村民会议讨论。",
        "电工等特种作业人员应当持证上岗。",
        # Round 3: the named competent body, its own approval, held papers, internal bodies.
        "在禁放区域燃放烟花爆竹的，由公安机关责令停止燃放，处二百元罚款。",
        "渣土中转码头必须经县交通运输局许可后方可经营。",
        "运输船舶应持有建筑垃圾处置证副本，按照核定的航线运输。",
        "资产出租超过五年的，报街道主任办公会讨论批准后方可签订合同。",
        "情节严重的，移送公安部门，由公安部门进行刑事处罚。",
        "业委会与物业服务企业签订合同时，约定垃圾清运的收费标准。",
        # Round 4: papers handed in, the town's office applying upwards, names and events.
        "施工单位营业执照、安全生产许可证复印件（提交一份，原件复核）；",
        "由区住房和城乡建设管理委员会依法核发施工许可证。",
        "镇规划建设办将可行性研究报告集中打包报区发改委审批。",
        "已办理农用地转用、征收批准手续并完成征收的土地。",
        "使用集体资金的项目提交集资委会议纪要一份。",
        "企业被新闻媒体曝光存在安全隐患的，镇安监办应当督促整改。",
        # Round 5: a generic citation, an approval named only as the missing precondition of
        # a ban, a reward to the introducer, a temporary closure, a zone the county drew.
        "对屡教不改的，依据相关条例进行处罚。",
        "任何单位和个人未经审批不得占用集镇道路摆摊设点。",
        "取缔未经依法批准的各类占道摊点。",
        "因疫情防控需要，暂时关闭全镇集贸市场，恢复时间另行通知。",
        # Round 6: a province's 厅 approving, a definition listing 集资 as a kind of advert.
        "因科研需要在禁渔区采集水生生物的，应当经省农业农村厅批准。",
        "本通告所称“牛皮癣”，是指乱张贴的办证、集资、贷款等内容的小广告。",
        # Round 7: 城乡规划法 is no township's rule, a permit held in full, the law's or a
        # higher government's approval, a private person's consent, a heading, the
        # detention article of 治安管理处罚法 cited, planned maintenance.
        "违法建设逾期不拆除的，依照《中华人民共和国城乡规划法》的规定予以强制拆除。",
        "持有《食品经营许可证》的商户可以报名参加年货展销。",
        "任何单位和个人未经法定部门批准，不得擅自建设骨灰堂。",
        "未经县级以上人民政府批准，不得出让集体经营性建设用地。",
        "借用他人车辆运输的，应当征得车辆所有人同意。",
        "准予通行的情形：",
        "构成违反治安管理行为的，由公安机关依照《中华人民共和国治安管理处罚法》第五十条处五日以下拘留。",
        "因线路检修，供电所暂停对东街片区的供电半天。",
    ],
)
def test_a_cited_measure_is_not_reported(text):
    """Given a measure set by higher law, named, held or decided inside government, when
    pre-reviewed, then no licence, fee, fine or coercion finding."""
    assert not categories(text) & {"penalty", "coercion", "licensing", "fee"}, text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("违反本规定乱倒垃圾的，由镇政府处200元罚款。", "penalty"),
        ("在集镇摆摊的，须向镇政府申领摊位许可证。", "licensing"),
        ("村民修缮房屋的，须报镇人民政府审批。", "licensing"),
        ("审核通过后，由镇政府发放院墙修缮批准文件。", "licensing"),
        ("镇政府定期向社会公布不诚信商户名单。", "penalty"),
        ("巡查人员发现违规搭建的，应当现场责令停工。", "coercion"),
        ("村道养护所需经费，纳入村级预算由各村自筹。", "fee"),
        ("全镇生活垃圾由镇指定的收运企业统一进行收运。", "competition"),
        ("镇政府择优确定两家企业作为全镇装修垃圾清运单位。", "competition"),
        ("单位产生的装修垃圾应当交由镇清运主体企业清运。", "competition"),
        # Round 3: outsiders kept out, tax localised, work handed out, blanket maximum fines.
        ("非本县登记的运输车辆不得进入本镇承运。", "competition"),
        ("承租企业须确保税收属地化。", "competition"),
        ("经镇长办公会同意后，委派施工单位先行施工。", "competition"),
        ("违者一律由县市场监督管理局按有关规定顶格处罚。", "penalty"),
        ("申请人须取得居委会出具的无违建的证明。", "certificate"),
        # Round 4: the town issuing a county-level permit, picked lists, market bans.
        ("镇规划建设办对材料齐全的项目核发小型建设工程施工许可证。", "licensing"),
        ("限额以下工程承发包实行预选承包商名录制度。", "competition"),
        ("申报材料：工程初步方案、由城建公司编制的工程预算。", "competition"),
        ("相关施工单位三年内禁止承担本镇村庄道路建设项目。", "penalty"),
        # Round 5: the town's own rules, a closed list of named markets, tax-named rewards to
        # operators, a zone or market day the town itself draws or abolishes, checkpoints.
        ("违者由镇综合执法队按照镇相关规定予以罚款。", "penalty"),
        (
            "所有活禽经营户只能进入东街农贸市场或城南农贸市场交易，不得在市场以外销售。",
            "competition",
        ),
        ("完成税收基数的，给予企业8%的税收基数奖。", "competition"),
        ("镇人民政府决定在全镇范围内划定禁燃区，禁燃区内禁止燃放烟花爆竹。", "duty"),
        ("经研究决定，自即日起取消每月逢五的集市日。", "duty"),
        ("全镇板栗开始采收时间统一为9月10日，此前采收的视为抢青。", "duty"),
        ("各村成立护林队在进山路口设卡检查，劝返进山人员。", "coercion"),
        ("未经镇政府同意，经营户不得在镇区主干道摆摊设点。", "licensing"),
        # Round 6: who decides (a coordinating body, an office, a committee), bans for good
        # or by origin, removal within days by notice, the town's own rules as the basis of
        # a sanction.
        ("县森防指决定在我县涉林乡镇重点村禁止燃放烟花爆竹，现通告如下：", "duty"),
        ("村委会决定，本村村民一律不得将房屋出租给外来人员。", "duty"),
        ("兴义市城区永久禁止活禽交易和活禽宰杀行为。", "duty"),
        ("石哈河镇境内不允许农牧户将镇外牲畜招入到各村集体的草场上进行放牧。", "duty"),
        ("凡已招揽镇外牲畜进行放牧的，必须于本公告发布之日起5日内将牲畜撤离。", "duty"),
        ("对违反本通告的，按照《石门镇畜禽养殖管理办法》从重处罚。", "penalty"),
        # Round 7: who acts on whom, by what power — owners' vehicles sealed at the village
        # committee, the supply cut for an activity, owned animals deemed ownerless or
        # culled, a detention term, a sanction joined to a cited one, one named provider,
        # bans with no subject, an approval before 方可, the town's own 乡 rules.
        ("各村所有的外出车辆统一到村委会集中封存，不得擅自驾驶。", "coercion"),
        ("对拒不拆除的养殖场，供电所停止对其生产用电的供电。", "coercion"),
        ("未办理登记的家犬一律视为流浪犬，由镇执法队收容处置。", "coercion"),
        ("散放的鸭鹅由村巡查队就地捕杀，不予补偿。", "coercion"),
        ("在禁放区燃放烟花爆竹的，由公安机关处十日以下拘留。", "penalty"),
        ("违反本规定的，依照有关规定处罚，并在镇政府公众号上曝光。", "penalty"),
        ("对违规操办的，镇政府将会同有关部门严格处罚。", "penalty"),
        ("对违反本通告的，按照《红星乡集贸市场管理办法》予以罚款。", "penalty"),
        ("辖区内丧事一律由县殡仪馆负责承办，其他单位不得承接。", "competition"),
        ("异地购买的农机具一律不予享受本镇补贴。", "competition"),
        ("集镇不得饲养鸽子、肉鸡等家禽。", "duty"),
        ("寿宴、升学宴一律不能操办。", "duty"),
        ("凡路边的彩钢棚一律自行拆除。", "duty"),
        ("行人除就医、购买生活必需品外，一律不得上街。", "duty"),
        ("经村委会审核同意并签订承诺书后，方可操办酒席。", "licensing"),
        # Round 8: what the sentence does — the exclusion of every other collector, a charge
        # paid up with its amount, a village committee's proof, people turned back by origin,
        # every vehicle searched, officials holding or opening a family's property, a ban
        # lifted only by a township's approval.
        (
            "决定由镇环卫站为集镇保洁服务收费的执行主体，其他任何单位和个人均不得收取保洁费用。",
            "competition",
        ),
        ("各村每年上缴垃圾处理费3000元，于6月底前交到镇经济发展办公室。", "fee"),
        ("凡在本镇出售的牛羊，必须持有所在村委会出具的饲养证明。", "certificate"),
        ("非本镇车辆和人员进入镇区一律劝返。", "duty"),
        ("各卡点对过往车辆逢车必查、逢人必检。", "coercion"),
        ("骨灰盒暂存期间须加锁，钥匙由村殡改信息员负责保管。", "coercion"),
        ("骨灰送达公墓后，由工作人员打开骨灰盒检查骨灰是否真实。", "coercion"),
        ("禁止未经乡畜牧兽医站同意出售种猪。", "licensing"),
        ("未经县、乡林业部门批准，不得采伐林木。", "licensing"),
        ("未经社区居委会同意擅自在小区内停放货车的；", "licensing"),
        # Round 9: a charge needs a payer and an amount (a range per household counts); a
        # deposit named far from 缴纳; payment made the condition of a procedure; vehicles
        # seized, destroyed or disposed of for nothing; goods of residents' own cost; an
        # approval gate on goods from outside the county.
        ("集镇商铺卫生费80-120元/间·年。", "fee"),
        ("建房户须缴纳3000元的建筑垃圾清运及道路维护保证金。", "fee"),
        ("未缴纳保证金的，不予办理开工手续。", "licensing"),
        ("对违规营运的电动三轮车，一经查获，强制扣车。", "coercion"),
        ("对查获的非法营运车辆一律现场销毁。", "coercion"),
        ("对违规停放的车辆一律予以无偿处置。", "penalty"),
        ("沿街商户应当自行购置分类垃圾桶。", "duty"),
        ("未经县级农业农村部门批准，禁止将县外活禽运入本镇销售。", "competition"),
        ("外县生猪调入本乡须经乡畜牧兽医站批准。", "competition"),
        # Round 10: what the sentence does — a whole class of people or goods confined to one
        # named or designated place or body, however it is worded; a sanction joined with
        # "除…外，还要"; a penalty scale of the document's own; a lawful trade banned with
        # no end; businesses made to run checkpoints.
        ("凡产生建筑垃圾的单位和车辆，必须将建筑垃圾清运至城东建筑垃圾中转站。", "competition"),
        ("全镇所有肉牛只能送往红岭屠宰场屠宰。", "competition"),
        ("政府确定的活禽集中交易点除外，城关镇暂定为北门农贸交易中心。", "competition"),
        ("全县餐饮单位的废弃油脂交由县绿源再生资源有限公司统一收运。", "competition"),
        ("自来水入户工程由镇供水有限公司负责，其他任何单位和个人不得承接。", "competition"),
        ("违者除予以曝光外，还要按有关规定处理。", "penalty"),
        ("对超载的渣土车，按照超载吨位进行处罚。", "penalty"),
        ("对乱倒渣土的运输车辆，县城管局将严厉处罚。", "penalty"),
        ("即日起城区全面禁止活禽宰杀和交易。", "duty"),
        ("要在店门口设立专门的扫码登记点，对顾客和员工逐一登记。", "duty"),
        ("未经县级农业农村部门批准，禁止将县外活禽运入本镇销售。", "competition"),
    ],
)
def test_a_created_measure_is_reported(text, category):
    """Given a licence, fee, fine, coercive measure or 限定交易 the town creates, when
    pre-reviewed, then it is reported in its category."""
    assert category in categories(text), text


def test_a_citation_makes_the_fine_a_reference_the_bare_fine_is_not():
    """ "依照国家有关规定" points to the law that sets the fine; without it the town sets it."""
    text = "依照国家有关规定，处500元罚款。"
    assert "penalty" not in categories(text)
    assert categories("违反本规定的，处500元罚款。") == {"penalty"}


# ---- the real documents --------------------------------------------------------------------


def test_a_reward_to_the_introducer_is_not_aid_to_an_operator():
    """A reward to whoever brought the investor in goes to no operator on the market; the
    same reward to the enterprise, tied to its tax, is selective aid."""
    assert "competition" not in categories("项目投产纳税后，给予引荐人一次性3万元奖励。")
    assert "competition" not in categories("对招商中介按引进企业首年税收的5%给予奖励。")
    assert "competition" in categories("对引进企业按其年纳税额的10%给予奖励。")


def test_lawful_near_misses_of_round_five_are_not_reported():
    """Round 5's lawful look-alikes: a market list with no ban elsewhere, a zone the county
    drew, advice on the harvest date, police checkpoints."""
    for text in (
        "鼓励经营户进入东街农贸市场、城南农贸市场经营。",
        "镇政府按照县政府划定的禁燃区范围做好宣传和巡查。",
        "镇农技站建议核桃采收时间为白露节前后。",
        "公安交警部门依法设置临时检查点，查处酒后驾驶。",
    ):
        assert not categories(text), text


def test_lawful_near_misses_of_round_six_are_not_reported():
    """Round 6's lawful look-alikes: the government's own decision carried out by its
    指挥部, a villagers' meeting, a ban on unlawful conduct, a protected zone, an
    epidemic area, unlawful buildings told to go, a higher law as the basis."""
    for text in (
        "经县人民政府同意，县森林防火指挥部决定在重点林区禁止燃放烟花爆竹。",
        "经村民会议讨论决定，本村禁止在河道内倾倒垃圾。",
        "永久禁止非法占用耕地建房。",
        "饮用水水源保护区内永久禁止新建排污口。",
        "来自疫区的县外牲畜一律不得进入本县。",
        "违法建筑应于本通告发布之日起7日内自行拆除。",
        "对违反本通告的，按照《中华人民共和国草原法》依法处理。",
        "各养殖户应当严格遵守禁养区管理规定。",
        "沿街商户一律不得出店经营。",
    ):
        assert not categories(text), text


def test_lawful_near_misses_of_round_seven_are_not_reported():
    """Round 7's lawful look-alikes: the villages forbidden to charge (the town's own
    units), outsiders who are no operators, a truly stray dog caught, culling in an
    epidemic area, an appeal, a ban on unlawful buildings, a closed season."""
    for text in (
        "各村不得以任何名义向村民收取卫生费。",
        "欢迎外地游客来镇观光度假。",
        "镇政府组织对无人看管的流浪犬进行捕捉，集中处理。",
        "疫点内的生猪依法扑杀并给予补偿。",
        "希望广大群众对集镇整治工作予以支持。",
        "违章搭建的棚屋一律自行拆除。",
        "禁采期内全县一律禁止在河道采砂。",
        "对醉酒驾驶的，由公安机关依法从严处罚。",
        "群众办理证照统一由镇便民服务中心受理。",
    ):
        assert not categories(text), text


def test_lawful_near_misses_of_round_eight_are_not_reported():
    """Round 8's lawful look-alikes: titles and headings that announce a fee or a
    blacklist, items of a list of conditions, a classification of unlawful building, the
    rent of the office's own hall, a charge set by the county, money paid into the
    treasury, a permit held, 购买地 as a place, a checkpoint of the police, the law's or
    an unnamed approver, a freedom protected."""
    for text in (
        "关于向各社区收取2025年度环境卫生费的通知",
        "三、农贸市场管理费收费标准",
        "城区文明养犬失信黑名单制度",
        "经研究，制定了一份违规经营黑名单制度，具体如下：",
        "未经批准擅自占用城市道路摆摊设点，经责令改正拒不改正的；",
        "因违法占道经营被公安机关依法给予治安管理处罚的；",
        "凡未经自然资源部门批准占用耕地修建的建筑物，均属违法建设。",
        "租借文化礼堂举办宴席的，需交纳电费150元、卫生费100元，场地租金免除。",
        "符合租借条件的居民，向社区服务中心办理交纳押金等手续后使用活动室。",
        "集镇保洁服务由镇环卫站负责，具体收费按县发展改革局核定的标准执行。",
        "收取的垃圾处理费全部上缴县财政专户，实行收支两条线。",
        "经营户必须持有营业执照和食品经营许可证。",
        "运输的生猪必须注明购买地和运输目的地，随车携带动物检疫合格证明。",
        "公安交警在检查站依法对过往车辆进行检查。",
        "未经批准不得在河道管理范围内采砂。",
        "未经县级林业主管部门批准，不得采伐林木。",
        "少数民族群众自愿改革丧葬习俗的，他人不得干涉。",
    ):
        assert not categories(text), text


def test_lawful_near_misses_of_round_nine_are_not_reported():
    """Round 9's lawful look-alikes: sentences about charging that charge no one (its
    principle, start, use, collector, a heading), a range of support, a payment the law
    makes a condition, a seizure or destruction the law gives, goods bought by choice,
    goods from outside held to quarantine, property of others protected, a false
    declaration or an obstruction forbidden."""
    for text in (
        "生活垃圾处理费的收取实行收支两条线管理。",
        "上述收费时间自2025年1月1日起执行。",
        "环卫服务收费工作由镇综合执法中队负责落实。",
        "集镇保洁收费坚持合理补偿成本、公开透明的原则。",
        "征收时间",
        "对参加培训的农民给予误工补助50-80元/人·天。",
        "未缴纳土地出让金的，不予办理不动产登记。",
        "交警部门将依法对违法车辆进行暂扣。",
        "对进入有螺地带放养的家畜，相关部门将依法予以暂扣与处置。",
        "对查获的假冒伪劣商品，由市场监管部门依法予以销毁。",
        "达到国家强制报废标准的机动车一律报废。",
        "鼓励居民自行购买环保购物袋。",
        "未经检疫的县外生猪不得调入本镇。",
        "从疫区调入生猪须经县农业农村局批准。",
        "任何单位和个人不得损坏镇里设置的禁牧警示标志。",
        "商户对占用的公共垃圾桶必须立即归还至原处。",
        "禁止养殖户将外购生猪作为自养生猪申报检疫。",
    ):
        assert not categories(text), text


def test_lawful_near_misses_of_round_ten_are_not_reported():
    """Round 10's lawful look-alikes: a designation the law makes (生猪 to the 定点屠宰厂,
    bodies to the 殡仪馆 for cremation), a class of qualified haulers or a tender's winner
    rather than one the document picked, public collection points, a ban carried out for a
    suspension's period, a referral to the police, a ban whose article is cited in the next
    sentence of the item, an encouragement."""
    for text in (
        "生猪必须送往县定点屠宰厂屠宰。",
        "火葬区内死亡人员的遗体应当运送殡仪馆火化。",
        "建筑垃圾必须运至经核准的消纳场处置。",
        "装修垃圾应交由符合条件的运输单位清运。",
        "渣土运输由公开招标确定的单位承担。",
        "居民应将生活垃圾投放到指定的垃圾收集点。",
        "暂停活禽交易期间，各经营户不得从事活禽交易。",
        "疫情防控期间，全面禁止活禽交易，恢复时间另行通知。",
        "对拒不改正的，移送公安机关从重处罚。",
        "城区范围内严禁饲养鸽子。如有违反，执法部门将依据《城市市容和环境卫生管理条例》第三十四条规定处理。",
        "鼓励经营户到县农产品交易中心交易。",
    ):
        assert not categories(text), text


def test_the_outside_goods_rule_is_a_normative_competition_rule():
    """Round 9's barrier.outside_goods is named competition.outside_goods."""
    from fazhi.reviews.precheck.rules import RULES

    rule = next(r for r in RULES if r.id == "competition.outside_goods")
    assert rule.category == "competition" and "normative" in rule.kinds
    assert not any(r.id.startswith("barrier.") for r in RULES)


def test_a_township_or_a_community_is_not_an_internal_body():
    """The township named by itself, a street office and a community are not offices
    inside the government (46's 大地社区, 53's 白济汛乡); an office still is."""
    for title in (
        "白济汛乡关于解除疑似非洲猪瘟疫情封锁后有关事项的通知",
        "青山镇东湖社区关于规范小区停车秩序的公告",
        "城南街道办事处关于开展门前三包工作的通知",
    ):
        assert "issuer" not in categories(title), title
    assert "issuer" in categories("红星乡综合执法队关于规范占道经营的通告")


def severities(text: str) -> dict[str, str]:
    return {
        f.category: f.severity
        for f in precheck(text, "normative", whole_document=False).findings
        if f.paragraph is not None
    }


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Round 11: inside the reading that proved reliable — a concrete measure on the
        # public, set by the document, with no legal basis named; since round 21 only the
        # readings that held on first-seen documents: a fine with its amount, an operator
        # named, a reward tied to tax with its rate.
        ("违反本规定乱倒垃圾的，由镇政府处200元罚款。", "penalty"),
        ("全镇建筑垃圾统一由镇指定的宏达清运公司清运。", "competition"),
        ("对年纳税额超过100万元的企业，按其缴纳的地方税收的50%给予奖励。", "competition"),
    ],
)
def test_high_severity_stays_in_the_reliable_reading(text, category):
    """Given a sentence in its family's reliable reading, when pre-reviewed as a normative
    document, then the finding is high."""
    assert severities(text).get(category) == "high", (text, severities(text))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Outside it the finding still reports, at medium: a fee with no amount and no payer,
        # a fine with a basis named, a licence approved by a higher body or a meeting, a
        # coercive measure "依法", a designation with no operator named.
        ("垃圾处理费的收取实行政府定价管理，并向社会公布收费标准。", "fee"),
        # Round 21 (docs/precheck.md, 第二十一轮): in round 11's reading but medium since,
        # their families held too rarely on first-seen documents (fees 0 of 1, licences 1 of
        # 5, coercion 5 of 6, penalties other than fines 3 of 12).
        ("每艘渔船每年缴纳管理费300元。", "fee"),
        ("镇将向各村收取2024年度垃圾转运费。", "fee"),
        ("渔船出海前须经镇海洋渔业办审批。", "licensing"),
        ("对长期堆放不清理的杂物，视为无主物统一清理，不予任何赔偿。", "coercion"),
        ("对拒不整改的农家乐，由镇政府予以关闭。", "penalty"),
        ("对违反规定的，依据《城市市容和环境卫生管理条例》从重处罚，并处罚款。", "penalty"),
        ("修缮房屋的，须报区规划部门审批后方可施工。", "licensing"),
        ("对拒不拆除的违法建筑，将依法予以强制拆除。", "coercion"),
        ("所有经营户必须选择镇里认可的服务商。", "competition"),
    ],
)
def test_high_severity_outside_the_reliable_reading_reports_at_medium(text, category):
    """Given a sentence outside its family's reliable reading (round 11 calibration, narrowed
    in round 21), when pre-reviewed, then a finding of the category, if any, is medium, not
    high."""
    assert severities(text).get(category, "medium") == "medium", (text, severities(text))


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        # Round 21 (docs/precheck.md, 第二十一轮): high only in the readings that held on
        # first-seen documents. A reward tied to tax with its rate; without an amount or rate
        # (a heading, a rule on how the money is used) medium.
        ("新办企业当年纳税额在5万元以上的，按企业纳税额的5%给予奖励。", "competition", "high"),
        ("对税收贡献大的企业给予奖励。", "competition", "medium"),
        # A local-only condition the sentence sets; named in a title-like phrase, medium.
        ("参与投标的企业必须在本县注册。", "competition", "high"),
        # A trade confined to a named place (structural reading); a non-trade, medium.
        ("全县生猪一律到县城南屠宰场屠宰。", "competition", "high"),
        ("全县农村客运班车一律进城南公交枢纽站停靠运营。", "competition", "medium"),
        # A fine with its amount stays high; other penalties, licences, fees, coercion medium.
        ("违反本规定的，由镇政府处500元罚款。", "penalty", "high"),
        ("对违规的物业企业，取消其年度考核评优资格并通报批评。", "penalty", "medium"),
        ("居民装修房屋应当报社区审批。", "licensing", "medium"),
        ("每户每月缴纳卫生费10元。", "fee", "medium"),
        ("对拒不拆除的，视为无主物统一清理。", "coercion", "medium"),
    ],
)
def test_round_twenty_one_high_readings(text, category, severity):
    """Given a normative sentence, then its finding is high only in a reading whose
    first-seen findings held (28 of 30 on the blind sets 91–200); everything else is still
    reported, at medium."""
    assert severities(text).get(category) == severity, (text, severities(text))


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # Round 22 (docs/precheck.md, 第二十二轮): a reward tied to tax or the local fiscal
        # contribution, or paid as a proportion of output, sales or investment, stays high.
        ("企业年纳税额首次达到100万元的，一次性奖励10万元。", "high"),
        ("对年销售额超过5000万元的企业，按其缴纳的地方留成税收的30%给予奖励。", "high"),
        ("对规模以上工业企业，按当年销售收入的0.5%给予奖励。", "high"),
        ("固定资产投资规模在1000万元以上的项目，按实际投资额的5%给予补助。", "high"),
        # A fixed one-off sum past a sales or size threshold: still a finding, at medium.
        ("对年销售额达到2000万元以上的企业，一次性奖励5万元。", "medium"),
        ("对新增并纳入统计范围的规模以上工业企业，一次性给予5万元奖励。", "medium"),
        ("营业面积在100平方米以上，经营满一年的一次性奖励1万元。", "medium"),
        # Paying tax as the law asks ties the reward to nothing.
        ("对年营业收入达到1亿元以上且依法纳税的企业，奖励20万元。", "medium"),
    ],
)
def test_round_twenty_two_threshold_rewards(text, severity):
    """Given a reward past a threshold in a normative document, then it is reported as
    competition, high only when tied to tax or paid as a proportion: all five false high
    findings of the blind set 201–218 were fixed one-off sums past a sales or size
    threshold, a reading two labellers disagree on."""
    assert severities(text).get("competition") == severity, (text, severities(text))


def test_calibration_touches_normative_documents_only():
    """Contracts and agreements keep their rules' severities: a tax-linked reward in an
    agreement is reported as before."""
    from fazhi.reviews.precheck.rules import RULES, calibrated

    subsidy = next(r for r in RULES if r.id == "competition.subsidy")
    assert "contract" in subsidy.kinds and subsidy.severity == "high"
    medium = calibrated(subsidy, "给予引资人一次性奖励2万元。")
    assert medium.severity == "medium" and medium.id == subsidy.id
    assert calibrated(subsidy, "按企业缴纳税收的50%给予奖励。") is subsidy


def test_an_internal_issuer_is_reported_at_medium():
    """issuer.internal had no upheld finding on the real documents (0 of 2 on first
    sight): since round 11 it reports at medium."""
    found = precheck("红星乡综合执法队关于规范占道经营的通告", "normative", whole_document=False)
    assert {f.severity for f in found.findings if f.category == "issuer"} == {"medium"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Round 11: 84's equipment fitted by everyone within days, 86's market stopped, 87's
        # market told what to trade and the trade banned around it.
        ("自本通告发布之日起10日内，所有沿街商户须自行安装统一式样的店招。", "duty"),
        ("自2025年3月1日起，停止东门市场内活禽交易。", "duty"),
        ("西街市场不再作为蔬菜批发市场使用。", "duty"),
        ("禁止在南关市场周边从事水果批发经营。", "duty"),
        ("对拒不整改的农家乐，由镇政府予以关闭。", "penalty"),
    ],
)
def test_round_eleven_measures_are_reported(text, category):
    assert category in categories(text), text


def test_lawful_near_misses_of_round_eleven_are_not_reported():
    """Round 10's list of errors on 81–90, read generally: a concession held, a fireworks
    time or place limit the county may set, a list of offences, the government's own
    facility closing on a date, cremation restated, verified measuring instruments, a
    temporary stop and a call to support it."""
    for text in (
        "某环保公司通过公开招标取得全县生活垃圾收运特许经营权，负责日常收运工作。",
        "除指定的临时销售点外，其他区域一律禁止销售烟花爆竹。",
        "（二）未经核准擅自处置建筑垃圾、沿途抛撒等违法违规行为。",
        "原垃圾中转站继续使用至2025年6月30日关闭。",
        "火葬区内死亡人员的遗体一律实行火化。",
        "集贸市场内经营者使用的电子秤必须在检定有效期内使用。",
        "台风期间暂停东门市场交易，恢复时间另行通知。",
        "请广大经营户积极支持配合停止东门市场活禽交易的工作。",
    ):
        assert not categories(text), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Round 12: a basis phrase that modifies another act is no basis of the measure:
        # the company's tax ("依法缴纳的…税收"), the rule an offence breaks ("违反有关规定…的").
        ("对年纳税额500万元以上的企业，按其依法缴纳的县级地方税收的20%给予奖励。", "competition"),
        ("企业依法缴纳的增值税地方留成部分，由镇财政按50%返还给企业。", "competition"),
        ("违反有关规定占道经营的，由镇综合执法队处200元罚款。", "penalty"),
    ],
)
def test_a_basis_modifying_another_act_keeps_high(text, category):
    assert severities(text).get(category) == "high", (text, severities(text))


def test_a_basis_modifying_another_act_is_no_basis_where_the_reading_is_medium():
    """A confiscation is a penalty other than a fine: medium since round 21, but its
    "违反法律法规的" still names no basis of the measure (round 12's reading holds)."""
    from fazhi.reviews.precheck.rules import RULES, _round11_reading

    other = next(r for r in RULES if r.id == "penalty.other")
    text = "违反法律法规的，由镇综合执法队没收其经营工具。"
    assert _round11_reading(other, text)
    assert severities(text).get("penalty") == "medium"


def test_a_basis_modifying_the_measure_still_reports_at_medium():
    """ "依法予以强制拆除", "依据《…条例》从重处罚": the basis is the measure's own."""
    for text, category in (
        ("对拒不拆除的违法建筑，将依法予以强制拆除。", "coercion"),
        ("对违反规定的，依据《城市市容和环境卫生管理条例》从重处罚，并处罚款。", "penalty"),
    ):
        assert severities(text).get(category, "medium") == "medium", text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Round 12, from 91–100: fishing banned in every water, the town's own notice as the
        # basis of a sanction, the date of a family's rite fixed, every farm told to build
        # facilities by a date, and the sentences that still bind after a request or a
        # reward's use.
        ("严禁在河流、水库、山塘等水域进行垂钓、捕捞活动。", "duty"),
        ("对违反上述规定的，将依据镇政府印发的《禁止焚烧秸秆通告》从严查处。", "penalty"),
        ("本乡今年清明节上坟时间统一定为4月3日至5日，违者后果自负。", "duty"),
        ("2024年6月30日前各餐饮经营户全部自行安装油烟净化设施并投入使用。", "duty"),
        ("请沿街商户务必于本周内一律自行清除门前堆放物，否则予以清理。", "duty"),
        ("以上企业按其缴纳增值税的30%给予奖励，奖励资金只能用于扩大再生产。", "competition"),
        ("每户村民应当配备一名垃圾分类督导员，由户主担任。", "duty"),
    ],
)
def test_round_twelve_measures_are_reported(text, category):
    assert category in categories(text), text


def test_lawful_near_misses_of_round_twelve_are_not_reported():
    """Round 11's list read generally: how money already granted may be spent, a request
    for care, an item of a list of roles, fishing bans the fisheries law makes, a
    county's sanction under a cited article, advice on when to visit graves, villages'
    own work by a date, papers for the town's meeting that decides a reward."""
    for text in (
        "以上税收奖励资金只能用于企业的扩大再生产和技术革新改造，不得挪作他用。",
        "以上补贴资金应当专款专用，由财政部门负责监督。",
        "请广大游客及群众务必提高警惕，增强自我保护意识，自觉远离危险水域！",
        "督导员：每个投放点应当配备一名督导员，由社区志愿者担任。",
        "严禁在江河、水库等水域电鱼、毒鱼、炸鱼。",
        "禁渔期内严禁在江河、湖泊等水域进行捕捞作业。",
        "对违反规定的，由县林业部门依据《森林防火条例》第五十条依法处罚。",
        "建议群众错峰祭扫，祭扫时间宜安排在上午。",
        "2024年6月30日前各村全部完成垃圾收集设施建设。",
        "对引荐人的认定由本人提出申请，引资企业出具证明，报镇党委会研究认定。",
    ):
        assert not categories(text), text


def _immediate(paragraphs):
    found = precheck(paragraphs, "normative").findings
    return [f for f in found if f.rule == "effective_date.immediate"]


def test_a_notice_enforcing_a_named_law_may_take_effect_at_once():
    """The reason for immediate effect may stand in the document: a 通告 whose preamble
    names the law it enforces, or an emergency in the title or preamble. A 办法 with no
    such reason, and the bare sentence (the corpus), are still reported (low)."""
    notice = [
        "关于禁止露天焚烧秸秆的通告",
        "根据《中华人民共和国大气污染防治法》第七十七条，现通告如下：",
        "一、禁止在露天场所焚烧秸秆。",
        "本通告自发布之日起施行。",
    ]
    assert not _immediate(notice)
    urgent = ["关于暂停集市的通告", "为做好疫情防控工作，现通告如下：", "本通告自发布之日起施行。"]
    assert not _immediate(urgent)
    rules = ["红星镇集镇管理办法", "为加强集镇管理，制定本办法。", "本办法自发布之日起施行。"]
    assert _immediate(rules)
    assert "effective_date" in categories("本通告自公布之日起生效。")


def test_real_dev_documents_meet_the_high_severity_target():
    """Given the dev documents (01–240 since round 24), when pre-reviewed, then every
    high-severity finding is a labelled problem: 67 of 67; 259 of 420 findings are right, 125
    of the 152 competition problems are reported as competition and 259 of the 366 labelled
    problems are found. The rules were tuned and the competition model is trained on these
    documents: these are not measures of unseen ones (each group's first run is in
    docs/precheck.md, round by round, and the leave-one-group-out folds in
    test_precheck_logo.py). The parts below keep the figures of the rounds that added them."""
    assert len(REAL_DEV) == 240
    everything = evaluate_real(REAL_DEV)
    assert everything.high.tp >= 67 and everything.high.fp == 0, everything.high
    assert everything.all.tp >= 259, everything.all
    assert everything.competition == 152 and everything.competition_caught >= 125
    assert everything.caught >= 259
    # (last file, high true ≥, high false ≤, competition labels, reported ≥, found ≥)
    for last, tp, fp, labels, reported, found in (
        (233, 67, 0, 146, 123, 254),
        (218, 65, 0, 143, 121, 242),
        (200, 63, 0, 129, 108, 227),
        (189, 60, 0, 118, 101, 218),
        (177, 55, 0, 99, 85, 202),
        (165, 55, 0, 83, 76, 192),
    ):
        part = evaluate_real(tuple(f"{n:02d}" for n in range(1, last + 1)))
        assert part.high.tp >= tp and part.high.fp <= fp, (last, part.high)
        assert part.competition == labels and part.competition_caught >= reported, last
        assert part.caught >= found, last
    upto153 = evaluate_real(tuple(f"{n:02d}" for n in range(1, 154)))
    assert upto153.high.tp >= 46 and upto153.high.fp == 0, upto153.high
    assert upto153.competition == 62 and upto153.competition_caught >= 57
    assert upto153.caught >= 171
    ev = evaluate_real(tuple(f"{n:02d}" for n in range(1, 143)))
    assert ev.high.tp >= 41 and ev.high.fp == 0, ev.high
    assert ev.competition == 52
    assert ev.competition_caught >= 48, [m for m in ev.missed if m[1] == "competition"]
    assert ev.caught >= 160
    look_alikes = (
        *("116-", "117-", "118-", "119-", "120-", "127-", "128-", "129-", "130-", "131-"),
        *("134-", "136-", "142-"),
    )
    assert not [f for f in ev.findings if f[0].startswith(look_alikes) and f[1] == "competition"]
    before = evaluate_real(tuple(f"{n:02d}" for n in range(1, 132)))
    assert before.high.tp >= 38 and before.high.fp == 0, before.high
    assert before.competition == 40 and before.competition_caught >= 38
    assert before.caught >= 146
    old = evaluate_real(tuple(f"{n:02d}" for n in range(1, 121)))
    assert old.competition == 29 and old.competition_caught == 29
    assert old.high.tp >= 34 and old.high.fp == 0, old.high


def test_the_round_thirteen_misses_are_reported_as_competition():
    """The five 限定交易 clauses round 10's reading missed on unseen documents (round 13),
    each reported as competition at high severity by round 14's reading. (The learned
    second opinion's one medium finding here in round 16, 113's 运输车辆进入市场前一律进行消毒,
    was a known false one; retrained in round 17, it no longer adds it.)"""
    ev = evaluate_real(("111", "112", "113", "114"))
    found = {(f[0][:3], f[4][:12]) for f in ev.findings if f[1] == "competition" and f[5]}
    assert len(found) == 5, found
    rules = [f for f in ev.findings if f[1] == "competition" and f[3] != "model.confined"]
    # High since round 21 only where the reading held on first-seen documents; every one
    # at high is right.
    assert rules and all(f[5] for f in rules if f[2] == "high")
    assert len([f for f in rules if f[2] == "high"]) >= 2
    assert all(f[2] == "medium" for f in ev.findings if f[3] == "model.confined")


def test_the_round_fourteen_blind_misses_are_reported_as_competition():
    """121–131 were round 14's blind set (2 of 11 限定交易 reported) and are dev material in
    round 15: the bus centre (122), the issuer's own 白蚁防治站 (123), the regional
    restriction "委托市内…机构" (124) and 126's "统由…公司经营销售", "其它任何单位和个人不得
    私自采购、批发" are reported as competition at high severity; 128's public water supply
    is no longer a false competition finding."""
    ev = evaluate_real(tuple(str(n) for n in range(121, 132)))
    assert ev.competition == 11 and ev.competition_caught >= 9, ev.missed
    found = {f[0][:3] for f in ev.findings if f[1] == "competition" and f[5]}
    assert {"121", "122", "123", "124", "126"} <= found
    high = [f for f in ev.findings if f[1] == "competition" and f[2] == "high"]
    assert high and all(f[5] for f in high)  # medium since round 21 where not a trade
    assert not [f for f in ev.findings if f[0].startswith("128-") and f[1] == "competition"]


def test_the_round_fifteen_blind_set_is_dev_material():
    """132–142 were round 15's blind set (3 of 12 限定交易 reported, 4 of 6 high-severity
    findings true; 139's unloading place and 141's price rule are the known false ones) and
    are dev material in round 16: the learned second opinion is trained on them, so the
    figures here (10 of 12 reported since round 19, 11 in rounds 16–18; the model's findings
    at medium) say nothing
    about unseen documents — its leave-one-set-out figure is in
    test_precheck_confine_model.py. The rules' high findings are unchanged."""
    ev = evaluate_real(tuple(str(n) for n in range(132, 143)))
    assert ev.problems == 20 and ev.competition == 12
    assert ev.high.tp >= 3 and ev.high.fp == 0, ev.high  # 4 of 4 before round 21
    assert ev.competition_caught >= 10 and ev.caught >= 14, ev.missed
    assert all(f[2] == "medium" for f in ev.findings if f[3] == "model.confined")


def test_the_round_sixteen_blind_set_is_dev_material():
    """143–153 were round 16's blind set (high-severity 2 of 6, 限定交易 3 of 10) and tune
    round 17 (docs/precheck.md, 第十七轮): the title and the form's name in 《》 of 144, the
    "内外地粮商" treated alike (143) and the Spring-Festival parking (151) are no longer
    competition findings; the local preference (145), the one-firm-one-deal (146) and the
    rewards in proportion to the county's share of income tax (147) are."""
    ev = evaluate_real(tuple(str(n) for n in range(143, 154)))
    assert ev.problems == 20 and ev.competition == 10
    assert ev.high.tp >= 5 and ev.high.fp == 0, ev.high  # 6 before round 21
    assert ev.competition_caught >= 8 and ev.caught >= 10, ev.missed
    competition = [f for f in ev.findings if f[1] == "competition"]
    assert all(f[5] for f in competition), competition
    found = {f[0][:3] for f in competition}
    assert {"143", "144", "145", "146", "147"} <= found
    assert not [f for f in competition if f[0].startswith("151-")]
    assert not [f for f in ev.findings if "管理办法（试行）" in f[4] or f[4].startswith("《")]


def test_the_round_seventeen_blind_set_is_dev_material():
    """154–165 were round 17's blind set (high-severity 10 of 20, competition 8 of 21) and
    tune round 18 (docs/precheck.md, 第十八轮): the street office's own procurement and
    contract approvals (156), a subsidy withheld for its own conditions (157), a definition
    (154) and a heading (158) are no longer findings; the three named carriers (155), the
    local payee and invoice (154), the size threshold (157), the industries left out (158),
    registration here (161) and preferences by agreement (161) are competition findings."""
    ev = evaluate_real(tuple(str(n) for n in range(154, 166)))
    assert ev.problems == 27 and ev.competition == 21
    assert ev.high.tp >= 9 and ev.high.fp == 0, ev.high  # 11 in round 21, 17 before
    assert ev.competition_caught >= 17 and ev.caught >= 19, ev.missed
    wrong = [f for f in ev.findings if not f[5] and f[1] in {"licensing", "penalty", "competition"}]
    assert not wrong, wrong
    found = {f[0][:3] for f in ev.findings if f[1] == "competition" and f[5]}
    assert {"154", "155", "157", "158", "159", "160", "161"} <= found
    assert not [f for f in ev.findings if f[0].startswith("156-") and f[1] == "licensing"]
    assert not [f for f in ev.findings if "以下简称" in f[4] or f[4] == "对税收增长的奖励。"]


def test_the_round_eighteen_blind_set_is_dev_material():
    """166–177 were round 18's blind set (one finding right, high-severity 0 of 9,
    competition 0 of 16) and train round 19's competition model (docs/precheck.md, 第十九轮):
    trained on them, it reports 168's eight rewards on the district's revenue and 169's
    registration and tax here, at medium, as the model's; these figures say nothing about
    unseen documents (its leave-one-group-out figure is in test_precheck_logo.py). Round 19
    changed no rule; round 20's reading of who is bound (genre.own_side) reads two of the
    rules' nine false high findings as the issuer's own side — the street's own firm's rent
    procedure (169) and the village committee hiring a supervisor for its own works (173) —
    and all documents together still meet the high-severity target (issue 14)."""
    assert not set(REAL_HELD_OUT) & set(REAL_DEV)
    ev = evaluate_real(tuple(str(n) for n in range(166, 178)))
    assert len(ev.files) == 12
    assert ev.problems == 20 and ev.competition == 16
    assert ev.competition_caught >= 9 and ev.caught >= 10, ev.missed
    assert ev.high.fp <= 7, ev.high
    assert not [f for f in ev.findings if f[4].startswith("街道下属企业应建立租金底价决策机制")]
    assert not [f for f in ev.findings if f[4].startswith("村委会（建设单位）应委托监理公司")]
    model = [f for f in ev.findings if f[3] == "model.confined"]
    assert model and all(f[2] == "medium" for f in model)
    assert {f[0][:3] for f in model if f[5]} >= {"168", "169"}
    everything = evaluate_real()
    assert everything.high.precision >= MIN_REAL_HIGH_PRECISION, everything.high


def test_the_round_nineteen_blind_set_is_dev_material():
    """178–189 were round 19's blind set, run once by the lead (high-severity 5 of 8 right,
    competition 13 of 19 reported, 13 of 19 problems found) and tune round 20 (docs/precheck.md,
    第二十轮): 188's rewards to towns and departments for their firms' output are internal
    assessment (genre.own_side), not aid to operators — no high finding is false here any
    more; registration in the county written into who may apply (178, 181) is competition.
    These are dev figures (the rules were written looking at these files and the model is
    trained on them); the fold's leave-one-group-out figure is in test_precheck_logo.py."""
    assert not set(REAL_HELD_OUT) & set(REAL_DEV)
    ev = evaluate_real(tuple(str(n) for n in range(178, 190)))
    assert len(ev.files) == 12
    assert ev.problems == 19 and ev.competition == 19
    assert ev.competition_caught >= 16 and ev.caught >= 16, ev.missed
    assert ev.high.tp >= 5 and ev.high.fp == 0, ev.high  # 6 in round 21, 7 before
    assert not [f for f in ev.findings if f[0].startswith("188-") and f[1] == "competition"]
    found = {f[0][:3] for f in ev.findings if f[3] == "competition.locality" and f[5]}
    assert {"178", "181"} <= found
    everything = evaluate_real()
    assert everything.high.precision >= MIN_REAL_HIGH_PRECISION, everything.high


def test_the_round_twenty_blind_set_is_dev_material():
    """190–200 were round 20's blind set, run once by the lead (docs/precheck.md, 第二十轮:
    high-severity 5 of 7 right, competition 7 of 11 reported, 9 of 14 problems found, the
    same with the round-19 engine). Since round 21 they are dev documents and a ninth
    leave-one-group-out fold (train.LOGO_GROUPS); the engine may not do worse on them than
    it did on that one blind run."""
    assert not set(REAL_HELD_OUT) & set(REAL_DEV)
    ev = evaluate_real(tuple(str(n) for n in range(190, 201)))
    assert len(ev.files) == 11
    assert ev.problems == 14 and ev.competition == 11
    assert ev.competition_caught >= 7 and ev.caught >= 9, ev.missed
    assert ev.high.tp + ev.high.fp <= 7 and ev.high.fp <= 2, ev.high
    everything = evaluate_real()
    assert everything.high.precision >= MIN_REAL_HIGH_PRECISION, everything.high


def test_the_round_twenty_one_blind_set_is_dev_material():
    """201–218 were round 21's blind set (two helpers who never saw the engine; 201–213 a
    reviewer's ordinary week, 214–218 documents that touch business), run once by the lead
    (docs/precheck.md, 第二十一轮): high-severity 2 of 7 right (the round-20 engine: 6 of 19),
    12 of 28 problems found, competition 10 of 14 reported. Since round 22 they are dev
    documents and a tenth leave-one-group-out fold (train.LOGO_GROUPS); the engine may not do
    worse on them than it did on that one blind run. Round 22 reads the five false high
    findings of that run — one-off rewards past a sales or size threshold — at medium: no
    high finding here is false (an in-sample figure: the reading was written after them)."""
    assert not set(REAL_HELD_OUT) & set(REAL_DEV)
    ev = evaluate_real(tuple(str(n) for n in range(201, 219)))
    assert len(ev.files) == 18
    assert ev.problems == 28 and ev.competition == 14
    assert ev.caught >= 12 and ev.competition_caught >= 10, ev.missed
    assert ev.high.tp >= 2 and ev.high.fp == 0, ev.high
    ordinary = evaluate_real(tuple(str(n) for n in range(201, 214)))
    assert ordinary.high.tp + ordinary.high.fp == 0, ordinary.high
    everything = evaluate_real()
    assert everything.high.precision >= MIN_REAL_HIGH_PRECISION, everything.high


def test_the_round_twenty_two_blind_set_is_dev_material():
    """219–233 were round 22's blind set (fifteen Shanghai town and street documents taken in
    the mirror index's order by a helper who never saw the engine), run once by the lead with
    the round-20, -21 and -22 engines: high-severity 6 of 12, 2 of 3 and 2 of 3 right, 6 of
    26 problems found, competition 2 of 3 (docs/precheck.md, 第二十二轮). Since round 23 they
    are dev documents and an eleventh leave-one-group-out fold; round 23 reads the false high
    finding (223, "必须严格控制因增加使用功能…": a building's use, no trade) and the town's own
    small-works permits and stop-work orders: 2 of 2 high, 12 problems found (in-sample)."""
    assert not set(REAL_HELD_OUT) & set(REAL_DEV)
    ev = evaluate_real(tuple(str(n) for n in range(219, 234)))
    assert len(ev.files) == 15
    assert ev.problems == 26 and ev.competition == 3
    assert ev.caught >= 12 and ev.competition_caught >= 2, ev.missed
    assert ev.high.tp >= 2 and ev.high.fp == 0, ev.high


def test_the_round_twenty_three_blind_set_is_dev_material():
    """234–240 were round 23's blind set: seven Shanghai town and street documents, 234–238 the
    rest of the mirror's town index (positions 50–79) and 239–240 its topic indexes, collected
    and labelled by two helpers who never saw the engine, and run once by the lead with the
    round-22 and round-23 engines (docs/precheck.md, 第二十三轮): no high-severity finding with
    either, 2 of 15 problems found, none of the 6 competition problems, 13 false findings.
    Since round 24 they are dev documents and a twelfth leave-one-group-out fold; round 24
    reads a street office as the street's government, the street's own departments applying
    to it, its party working committee (党工委) deciding, a compensation range as money paid
    out and a blacklist joined after a citation: 6 false findings, 3 problems found and 2
    competition ones by the retrained model (in-sample)."""
    assert REAL_HELD_OUT[0] == "241" and REAL_DEV[-1] == "240" and len(REAL_DEV) == 240
    assert not set(REAL_HELD_OUT) & set(REAL_DEV)
    ev = evaluate_real(tuple(str(n) for n in range(234, 241)))
    assert len(ev.files) == 7
    assert ev.problems == 15 and ev.competition == 6
    assert ev.caught >= 3 and ev.competition_caught >= 2, ev.missed
    assert ev.all.fp <= 6, ev.findings
    assert ev.high.fp == 0, ev.high
    assert not [f for f in ev.findings if f[3] == "issuer.internal"]
    everything = evaluate_real()
    assert everything.high.precision >= MIN_REAL_HIGH_PRECISION, everything.high


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A permit for works below the threshold exists only by the town's document
        # (建筑法 第八条 leaves them out), whether issued, required or held.
        ("企业必须在取得“限额以下小型建设工程施工许可证”后方可进行施工。", "licensing"),
        ("由镇规建办核发《某镇限额以下小型建设工程施工许可证》。", "licensing"),
        # A firm's request granted by the town's leaders is a licence.
        (
            "由企业提出申请，并填报《某镇小型建设工程审批表》，经镇规建部门审核，"
            "并提交建设分管领导审批通过。",
            "licensing",
        ),
        # The town's own force against building, or against those who will not comply.
        ("如发现违法违规建设行为，第一时间责令停工。", "coercion"),
        ("各管理单元对未办理施工许可证而开工的项目，采取有效措施制止施工。", "coercion"),
        ("对拒不整改的，采取相关的行政手段，确保整改到位。", "coercion"),
        # A trade partner chosen for everyone still is one.
        ("施工单位只能选择镇建材公司的商品混凝土。", "competition"),
    ],
)
def test_round_23_reads_the_towns_own_permits_and_stop_work_orders(text, category):
    assert category in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("建设单位应当依法取得建筑工程施工许可证后方可进行施工。", "licensing"),
        ("建设单位取得建筑工程施工许可证后方可进行施工。", "licensing"),
        # An attachment's title in the list at the end (14).
        ("七宝镇限额以下建设工程施工许可证", "licensing"),
        # The town's own builder asking its own leaders (221).
        ("由建设单位提出申请，填报《某镇小型建设工程审批表一》，报建设分管领导审批。", "licensing"),
        # A landlord's answer to a tenant is civil (169).
        ("对承租人违反协议约定的，应采取措施及时制止，并追究违约责任。", "coercion"),
        # A building's use and a method of calculation are not trades (223, 227).
        ("各建设单位必须严格控制因增加使用功能、提高标准等级而增加的工作量。", "competition"),
        ("两种计算方式只能选择其中的一种，不可重复计算。", "competition"),
    ],
)
def test_round_23_leaves_statutory_permits_own_builders_and_methods_alone(text, category):
    assert category not in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A street office is the street's government, however long the district's name.
        ("上海市奉贤区人民政府头桥街道办事处关于印发《头桥街道建设管理办法》的通知", "issuer"),
        # The street's own departments asking the street, for the street's own works (239).
        (
            "在施工过程中，因客观原因需要变更设计超过概算金额5%及以上的，实施部门应当向街道提出申请，"
            "经街道审核同意后由设计单位变更设计图。",
            "licensing",
        ),
        # Its party working committee deciding is the street's own decision (239).
        (
            "确因特殊原因需先施工后报批的需经街道党工委会讨论同意明确先实施后补手续后方可实施。",
            "licensing",
        ),
        # A range the town pays out is compensation, not a charge (235).
        ("以企业房屋建筑面积为计算基数，按200-300元/㎡进行补偿。", "fee"),
    ],
)
def test_round_24_reads_street_offices_and_their_own_departments_as_the_government(text, category):
    assert category not in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # An office of the street is not its government.
        ("上海市奉贤区人民政府头桥街道城建中心关于印发《头桥街道建设管理办法》的通知", "issuer"),
        # A resident's request granted by the town stays a licence.
        ("个人建房的，应当向镇政府提出申请，经镇政府审核同意后方可施工。", "licensing"),
        # A charge written as a range stays a charge.
        ("沿街店面房140元-180元/年·间。", "fee"),
        # A blacklist joined after the citation is the document's own sanction (240).
        (
            "有不良行为的，将依照有关规定处理，经领导小组同意后列入黑名单，三年内不得参加街道建设工程招投标。",
            "penalty",
        ),
    ],
)
def test_round_24_still_reads_offices_residents_charges_and_added_sanctions(text, category):
    assert category in categories(text)


def test_a_label_copied_with_its_item_marker_matches_the_quote():
    """The segmenter cuts "4、" off a sentence and keeps its "；": a label copied from the
    text with the marker still matches the finding's quote."""
    from fazhi.reviews.precheck.evaluate import _squeeze

    assert _squeeze("4、畜禽养殖户必须实行圈养，严防污染；") == _squeeze(
        "畜禽养殖户必须实行圈养，严防污染"
    )
    assert _squeeze("（二）限养区内禁止新建。") == "限养区内禁止新建"


def test_every_real_label_quotes_its_file():
    """Each label's text occurs in its file, and every file has a source."""
    import json

    from fazhi.reviews.precheck.evaluate import load_real_labels

    sources = {
        json.loads(line)["file"]
        for line in (REAL / "sources.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    files = {p.name for p in REAL.glob("*.txt")}
    assert files == sources
    for item in load_real_labels():
        assert item["text"] in (REAL / item["file"]).read_text(encoding="utf-8"), item


def test_precheck_eval_real_prints_dev_held_out_and_all(capsys):
    call_command("precheck_eval", "--real")
    out = capsys.readouterr().out
    assert "开发集 01–240:高风险" in out and "留出集 241–" in out and "全部:高风险" in out


def test_a_missing_held_out_set_is_skipped_not_scored(tmp_path, monkeypatch, capsys):
    """With no held-out file in the folder, the evaluation has nothing to score and
    precheck_eval --real skips the held-out line with a message, still printing dev and
    all."""
    from fazhi.reviews.management.commands import precheck_eval as command

    (tmp_path / "labels.jsonl").write_text("", encoding="utf-8")
    assert not held_out_present(tmp_path)
    empty = evaluate_real(REAL_HELD_OUT, tmp_path)
    assert empty.files == [] and empty.problems == 0 and not empty.findings
    monkeypatch.setattr(command, "held_out_present", lambda: False)
    call_command("precheck_eval", "--real")
    out = capsys.readouterr().out
    assert "留出集 241–:尚无文件" in out
    assert "开发集 01–240:高风险" in out and "全部:高风险" in out


def test_a_twenty_page_normative_document_is_reviewed_within_200_ms():
    """Given ~15,000 characters of real normative text, when pre-reviewed, then ≤ 200 ms, or
    on a slower machine ≤ twice a fixed regex scan of the same text (tests/reviews/helpers.py)."""
    from tests.reviews.helpers import precheck_within_budget

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt")))
    paragraphs, total = [], 0
    for line in text.splitlines():
        if total >= 15_000:
            break
        paragraphs.append(line)
        total += len(line)
    ok, why = precheck_within_budget(paragraphs, "normative")
    assert ok, why
