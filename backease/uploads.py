"""No BackEase form takes a file (FILE_UPLOAD_HANDLERS)."""

from django.core.exceptions import BadRequest
from django.core.files.uploadhandler import FileUploadHandler


class NoFileUploadHandler(FileUploadHandler):
    """Refuses a request as soon as its body holds a file, before a byte of the file is kept.
    Django's own handlers would stream a file of any size to a temporary file (they read the
    body for the CSRF check, so before any login), and DATA_UPLOAD_MAX_MEMORY_SIZE does not
    count files. The whole request is refused, so no view acts on the other fields alone."""

    def new_file(self, *args, **kwargs) -> None:
        # For the log only: the visitor sees the 400 page.
        raise BadRequest("a request with a file (no form takes one)")

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        return None

    def file_complete(self, file_size: int) -> None:
        return None
