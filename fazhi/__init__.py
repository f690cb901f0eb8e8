"""fazhi (法治): the rule-of-law government work platform of a Chinese township."""
