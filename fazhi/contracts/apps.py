from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import LAWFUL_ADMIN_ROLES


class ContractsConfig(registry.FazhiAppConfig):
    name = "fazhi.contracts"
    verbose_name = "行政协议与合同"
    url_prefix = "contracts/"
    menu = (MenuEntry("合同协议", "contracts:contract_list", LAWFUL_ADMIN_ROLES, "依法行政"),)
    # The workflow's steps (services.CONTRACT_FLOW) name themselves.
    audit_labels = {
        "contract.create": "登记合同",
        "contract.update": "修改合同",
        "contract.import": "导入合同台账",
        "contract_payment.add": "添加付款计划",
        "contract_payment.pay": "登记付款",
        "contract.export": "导出合同台账",
    }
    # A concluded legality review (fazhi.reviews) moves the contract: 审核通过 or back to 登记.
    review_hook = "services.contract_review_concluded"
    # 智能预审 of a contract sent for legality review reads its record (title, stage).
    precheck_context = "review_context.precheck_context"
