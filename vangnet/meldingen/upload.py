"""Uploads on the reporting routes: kept in memory only, and cut off at the limits.

Django's own handlers write a large file to a temporary file on disk, unencrypted. Here
every file stays in memory until ``bijlagen.maak_alles_schoon`` cleans it and ``acties``
encrypts it. A file over ``bijlagen.MAX_GROOTTE``, or one file more than
``bijlagen.MAX_AANTAL``, stops the upload at once: the handler remembers why, so the view
can tell the reporter instead of failing.
"""

from io import BytesIO

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from vangnet.meldingen import bijlagen


class BegrensdeGeheugenUpload(FileUploadHandler):
    """An upload handler that keeps files in memory and stops at the attachment limits.

    Install it before anything reads ``request.POST`` or ``request.FILES``::

        request.upload_handlers = [BegrensdeGeheugenUpload(request)]
    """

    def __init__(self, request: HttpRequest | None = None) -> None:
        super().__init__(request)
        self.aantal = 0
        self.te_groot = False
        self.te_veel = False
        self._buffer: BytesIO | None = None
        self._grootte = 0

    @property
    def gestopt(self) -> bool:
        """True when the upload was cut off at a limit."""
        return self.te_groot or self.te_veel

    @property
    def fout(self) -> str:
        """Why the upload was cut off, for the reporter; empty when it was not."""
        if self.te_groot:
            return _("Een bestand is te groot: het maximum is %(grootte)s per bestand.") % {
                "grootte": filesizeformat(bijlagen.MAX_GROOTTE)
            }
        if self.te_veel:
            return _("Je kan maximaal %(aantal)s bestanden toevoegen.") % {
                "aantal": bijlagen.MAX_AANTAL
            }
        return ""

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.aantal += 1
        if self.aantal > bijlagen.MAX_AANTAL:
            self.te_veel = True
            raise StopUpload(connection_reset=False)
        self._buffer = BytesIO()
        self._grootte = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self._grootte += len(raw_data)
        if self._grootte > bijlagen.MAX_GROOTTE:
            self.te_groot = True
            self._buffer = None  # let go of what was read so far
            raise StopUpload(connection_reset=False)
        self._buffer.write(raw_data)
        return None  # no handler after this one gets the data

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        self._buffer.seek(0)
        return InMemoryUploadedFile(
            file=self._buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
