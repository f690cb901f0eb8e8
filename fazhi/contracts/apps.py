from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import LAWFUL_ADMIN_ROLES


class ContractsConfig(registry.FazhiAppConfig):
    name = "fazhi.contracts"
    verbose_name = "行政协议与合同"
    url_prefix = "contracts/"
    menu = (MenuEntry("合同协议", "contracts:contract_list", LAWFUL_ADMIN_ROLES, "依法行政"),)
