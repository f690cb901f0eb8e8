"""The Chinese names of audit verbs, for the audit pages. Core's own are here; an app
declares its own on its AppConfig (`audit_labels`), and a Workflow names its steps."""

VERB_LABELS = {
    "auth.login": "登录",
    "auth.login_failed": "登录失败",
    "auth.login_throttled": "登录被限制",
    "auth.logout": "退出",
    "auth.unlock": "解锁账号",
    "auth.password_change": "修改密码",
    "user.create": "新建账号",
    "membership.grant": "分配角色",
    "membership.end": "终止任职",
    "org_unit.create": "新增单位",
    "org_unit.update": "修改单位",
    "holiday.schedule_enter": "录入节假日安排",
    "holiday.override_set": "调整节假日",
    "holiday.override_delete": "删除节假日调整",
    "api_token.create": "创建API令牌",
    "api_token.revoke": "撤销API令牌",
    "attachment.add": "上传附件",
    "attachment.download": "下载附件",
    "attachment.remove": "删除附件",
    "pii.unmask": "查看完整个人信息",
    "audit.export": "导出审计日志",
    "audit.prune": "清理审计日志",
    "parameter.set": "设置参数",
    "parameter.reset": "恢复参数默认",
    "admin.add": "后台新增",
    "admin.change": "后台修改",
    "admin.delete": "后台删除",
    "system.bootstrap": "系统初始化",
    "system.scale_data": "生成规模测试数据",
}


def verb_label(verb: str) -> str:
    if verb not in VERB_LABELS:  # an app's workflow not imported in this process yet
        from .hooks import import_declarations

        import_declarations()
    return VERB_LABELS.get(verb, verb)
