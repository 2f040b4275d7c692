"""One row per job name: who holds it and until when."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class JobLease(Model):
    """A job's lease: taken by a conditional UPDATE, so exactly one process holds it at a time."""

    name = fields.CharField(max_length=64, primary_key=True)
    holder = fields.CharField(max_length=64, default="")
    lease_until = fields.DatetimeField()
    last_finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "job_leases"
