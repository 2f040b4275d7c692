"""Reading files sent with the GraphQL multipart request spec.

The ``Upload`` scalar accepts whatever a client puts in its place, so a plain string where a file is
expected (``uploadMedia(file: "abc")``) reaches the resolver; it is a user error, not a crash.
"""

from __future__ import annotations

from starlette.datastructures import UploadFile

from api.errors import UserError

__all__ = ["read_upload"]


async def read_upload(value: object, field: str, limit: int) -> tuple[str, bytes]:
    """The file name (possibly empty) and at most ``limit`` bytes of the uploaded file in ``value``.

    Raises:
        UserError: ``not_a_file`` when ``value`` is not an uploaded file.
    """
    if not isinstance(value, UploadFile):
        raise UserError("not_a_file", "请以文件上传(multipart请求),而不是文本", field)
    return value.filename or "", await value.read(limit)
