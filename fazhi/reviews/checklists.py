"""What a legality review checks, per kind of subject (legal-rules.md §1, §3, §6): each item
a key, the question the reviewer answers (符合 / 不符合, with a note) and its basis. A
reviewer's conclusion must answer every item of the subject's kind. Bases are citations
only (article numbers), never statute text."""

from __future__ import annotations

from typing import NamedTuple


class Item(NamedTuple):
    key: str
    question: str
    basis: str


CHECKLISTS: dict[str, list[Item]] = {
    "normative": [
        Item(
            "issuer",
            "制定主体合法:以镇人民政府(或其办公室受托)名义制发,非内设机构或议事协调机构",
            "国办发〔2018〕37号",
        ),
        Item(
            "authority",
            "在法定职权范围内制发,未超越权限、未增加本机关权力或减少法定职责",
            "国办发〔2018〕37号;《优化营商环境条例》第六十四条",
        ),
        Item(
            "no_license_penalty_coercion",
            "未设定行政许可、行政处罚、行政强制",
            "《行政许可法》第十七条;《行政处罚法》第十六条;《行政强制法》第十条",
        ),
        Item(
            "no_rights_reduction",
            "无法律依据不减损公民、法人和其他组织合法权益,不增加其义务,不增设证明事项",
            "国办发〔2018〕37号;《优化营商环境条例》第六十四条",
        ),
        Item(
            "no_fees",
            "未违法设定收费、摊派、集资、保证金等",
            "国办发〔2018〕37号",
        ),
        Item(
            "public_comment",
            "已公开征求意见(一般不少于7个工作日;与市场主体生产经营活动密切相关的不少于30日)",
            "《优化营商环境条例》第六十二条;国办发〔2018〕37号",
        ),
        Item(
            "fair_competition",
            "涉及经营者经济活动的,已开展公平竞争审查并有审查结论",
            "《公平竞争审查条例》第二条、第十三条",
        ),
        Item(
            "validity",
            "有效期不超过5年;标题含“暂行”“试行”的不超过2年",
            "本地规范性文件管理规定",
        ),
        Item(
            "consistency",
            "与上位法及现行有效的其他规范性文件不相抵触,引用依据准确",
            "《立法法》第一百零七条至第一百零九条",
        ),
    ],
    "agreement": [
        Item(
            "agreement_type",
            "属于行政协议范围,类型认定准确(特许经营、征收补偿、国有资产使用等)",
            "《最高人民法院关于审理行政协议案件若干问题的规定》第二条",
        ),
        Item(
            "authority",
            "签约主体具有订立该协议的法定职权",
            "《最高人民法院关于审理行政协议案件若干问题的规定》第二条",
        ),
        Item(
            "required_clauses",
            "必备条款齐全:当事人、标的、数量、质量、价款、履行期限地点方式、违约责任、争议解决",
            "《民法典》第四百七十条",
        ),
        Item(
            "no_arbitration",
            "未约定仲裁条款(行政协议约定仲裁的条款无效),争议解决约定为诉讼",
            "《最高人民法院关于审理行政协议案件若干问题的规定》第二十六条",
        ),
        Item(
            "no_guarantee",
            "未以任何方式为单位或个人的债务提供担保",
            "《预算法》第三十五条",
        ),
        Item(
            "no_prefinancing",
            "政府投资项目未要求施工单位垫资建设",
            "《政府投资条例》第二十二条",
        ),
        Item(
            "public_interest_change",
            "明确因公共利益变更、解除协议的情形及补偿",
            "《最高人民法院关于审理行政协议案件若干问题的规定》第十六条、第二十一条",
        ),
        Item(
            "payment_term",
            "向中小企业付款期限自交付(验收合格)之日起不超过30日,约定的最长不超过60日",
            "《保障中小企业款项支付条例》第九条、第十条",
        ),
        Item(
            "state_assets",
            "涉及国有资产出租、出借、处置的,已按规定评估、审批",
            "《行政事业性国有资产管理条例》第十二条、第三十六条",
        ),
    ],
    "contract": [
        Item(
            "parties",
            "合同相对方主体资格合法,统一社会信用代码核验无误,履约能力和信用良好",
            "《民法典》第四百七十条;GB 32100",
        ),
        Item(
            "required_clauses",
            "必备条款齐全:当事人、标的、数量、质量、价款、履行期限地点方式、违约责任、争议解决",
            "《民法典》第四百七十条",
        ),
        Item(
            "tendering",
            "达到招标或政府采购限额标准的,已依法招标或采购",
            "《招标投标法》第三条;《政府采购法》;国家发展改革委令第16号",
        ),
        Item(
            "budget",
            "资金有预算安排,未无预算、超预算采购",
            "《保障中小企业款项支付条例》第八条",
        ),
        Item(
            "payment_term",
            "向中小企业付款期限自交付(验收合格)之日起不超过30日,约定的最长不超过60日",
            "《保障中小企业款项支付条例》第九条、第十条",
        ),
        Item(
            "no_forced_noncash",
            "未强制以商业汇票等非现金方式付款,未以审计结果作为结算依据",
            "《保障中小企业款项支付条例》第十一条、第十二条",
        ),
        Item(
            "no_guarantee",
            "未为他人债务提供担保",
            "《预算法》第三十五条",
        ),
        Item(
            "liability",
            "违约责任对等、明确,无显失公平的免责或加重责任条款",
            "《民法典》第四百九十六条、第四百九十七条",
        ),
    ],
    "decision": [
        Item(
            "scope",
            "属于重大行政决策事项范围,已列入年度决策事项目录",
            "《重大行政决策程序暂行条例》第三条",
        ),
        Item(
            "authority",
            "决策事项符合法定权限",
            "《重大行政决策程序暂行条例》第二十七条",
        ),
        Item(
            "public_participation",
            "已履行公众参与程序(公开征求意见一般不少于30日)",
            "《重大行政决策程序暂行条例》第十四条至第十八条",
        ),
        Item(
            "expert_argument",
            "专业性、技术性较强的,已组织专家论证",
            "《重大行政决策程序暂行条例》第十九条、第二十条",
        ),
        Item(
            "risk_assessment",
            "可能影响社会稳定等的,已开展风险评估",
            "《重大行政决策程序暂行条例》第二十二条至第二十四条",
        ),
        Item(
            "materials",
            "送审材料齐全(决策草案、依据、履行法定程序的说明),审查时间不少于7个工作日",
            "《重大行政决策程序暂行条例》第二十六条",
        ),
        Item(
            "content",
            "决策草案内容符合法律、法规、规章和国家政策",
            "《重大行政决策程序暂行条例》第二十七条",
        ),
        Item(
            "adviser_opinion",
            "已组织法律顾问、公职律师提出法律意见",
            "《重大行政决策程序暂行条例》第二十八条",
        ),
    ],
}


def items_for(kind: str) -> list[Item]:
    return CHECKLISTS.get(kind, [])


def keys_for(kind: str) -> list[str]:
    return [item.key for item in items_for(kind)]
