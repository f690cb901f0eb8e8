"""Password policy (等保 2.0): at least three of four character classes."""

import re

from django.core.exceptions import ValidationError


class CharacterClassValidator:
    CLASSES = [r"[a-z]", r"[A-Z]", r"\d", r"[^a-zA-Z\d]"]

    def validate(self, password, user=None):
        found = sum(1 for c in self.CLASSES if re.search(c, password or ""))
        if found < 3:
            raise ValidationError(
                "密码须包含大写字母、小写字母、数字、特殊符号中的至少三类",
                code="password_classes",
            )

    def get_help_text(self):
        return "密码至少8位,且包含大写字母、小写字母、数字、特殊符号中的至少三类。"


class MinimumLengthValidator:
    """At least 8 characters. Ours because Django 5.2's message has no Chinese translation."""

    def __init__(self, min_length: int = 8):
        self.min_length = min_length

    def validate(self, password, user=None):
        if len(password or "") < self.min_length:
            raise ValidationError(
                f"密码太短,至少需要{self.min_length}个字符", code="password_too_short"
            )

    def get_help_text(self):
        return f"密码至少{self.min_length}个字符。"
