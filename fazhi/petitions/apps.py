from fazhi.core import registry
from fazhi.core.registry import MenuEntry
from fazhi.core.roles import Role


class PetitionsConfig(registry.FazhiAppConfig):
    name = "fazhi.petitions"
    verbose_name = "信访"
    url_prefix = "petitions/"
    menu = (
        MenuEntry(
            "信访事项",
            "petitions:petition_list",
            {Role.LAW_OFFICER, Role.TOWN_LEADER, Role.COUNTY_SUPERVISOR},
            "基层治理",
        ),
    )
    # The workflow's steps (services.PETITION_FLOW) name themselves.
    audit_labels = {
        "petition.register": "登记信访事项",
        "petition.answer_document": "生成信访处理意见书",
    }
