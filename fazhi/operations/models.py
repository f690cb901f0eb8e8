"""What the system administrator's workbench and /healthz read about backups."""

from django.db import models


class BackupRun(models.Model):
    """One finished `fazhi backup`: where it went and what it held (the manifest is
    in the backup itself; this row only tells the workbench how old the last one is)."""

    finished_at = models.DateTimeField("完成时间", db_index=True)
    path = models.CharField("备份目录", max_length=500)
    engine = models.CharField("数据库", max_length=16)
    size_bytes = models.BigIntegerField("大小(字节)")
    tables = models.PositiveIntegerField("表数")
    rows = models.BigIntegerField("行数")
    files = models.PositiveIntegerField("文件数")

    class Meta:
        verbose_name = verbose_name_plural = "备份记录"
        ordering = ["-finished_at"]

    def __str__(self):
        return f"备份 {self.finished_at:%Y-%m-%d %H:%M} {self.path}"
