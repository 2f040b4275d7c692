"""A customer's flows: one editable draft each, and the immutable versions published from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account

if TYPE_CHECKING:
    from api.numbers.models import Number


class Flow(Model):
    """A flow and its draft. ``revision`` grows with every save, so a stale save can be refused."""

    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="flows", on_delete=fields.CASCADE
    )
    account_id: int
    simple_number: fields.ForeignKeyNullableRelation[Number] = fields.ForeignKeyField(
        "models.Number",
        related_name=False,
        null=True,
        on_delete=fields.CASCADE,
        description="the number whose simple routing form generated this flow: the form's own, internal",
    )
    simple_number_id: int | None
    name = fields.CharField(max_length=80)
    kind = fields.CharField(
        max_length=8,
        default="flow",
        db_default="flow",
        description="flow: runs on numbers; module: a reusable sub-flow (子流程) that flows call, never a number",
    )
    draft = fields.TextField(description="the flow document (JSON) as the editor last saved it")
    revision = fields.IntField(default=1)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "flows"
        indexes = (("account_id",),)

    @property
    def internal(self) -> bool:
        """Kept out of the customer's flow lists and pickers, and changed only by saving the form."""
        return self.simple_number_id is not None


class FlowVersion(Model):
    """A published version: frozen, numbered 1, 2, 3 … per flow; never updated."""

    id = fields.IntField(primary_key=True)
    flow: fields.ForeignKeyRelation[Flow] = fields.ForeignKeyField(
        "models.Flow", related_name="versions", on_delete=fields.CASCADE
    )
    flow_id: int
    account_id = fields.IntField(db_index=True)
    version = fields.IntField()
    document = fields.TextField()
    digest = fields.CharField(max_length=64, description="the library's flow digest (ignores positions)")
    message = fields.CharField(max_length=200, default="")
    published_by = fields.CharField(max_length=120, default="")
    created_at = fields.DatetimeField()

    class Meta:
        table = "flow_versions"
        unique_together = (("flow_id", "version"),)


class FlowVersionModule(Model):
    """A module version a flow version calls (directly or through other modules), fixed at publishing.

    Recompiling the flow version (holidays, settings, putting it back in service) inlines exactly these,
    and a module version some flow version calls cannot be deleted (``RESTRICT``; the API refuses first).
    """

    id = fields.IntField(primary_key=True)
    flow_version: fields.ForeignKeyRelation[FlowVersion] = fields.ForeignKeyField(
        "models.FlowVersion", related_name="modules", on_delete=fields.CASCADE
    )
    flow_version_id: int
    module_version: fields.ForeignKeyRelation[FlowVersion] = fields.ForeignKeyField(
        "models.FlowVersion", related_name="callers", on_delete=fields.RESTRICT
    )
    module_version_id: int

    class Meta:
        table = "flow_version_modules"
        unique_together = (("flow_version_id", "module_version_id"),)
