"""The one refusal of backup and restore: a Chinese message, nothing overwritten."""


class OperationsRefused(Exception):
    """Backup or restore refused before anything was overwritten; `message` is Chinese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
