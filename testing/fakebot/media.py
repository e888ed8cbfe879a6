"""Photos and documents: images the tests make, image sizes, upload limits and the files the fake keeps."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from .spec import JSON, ApiSpec, UploadedFile, bad_request

FILE_EXTENSIONS = {"photo": ".jpg", "voice": ".oga", "sticker": ".webp", "document": ""}


def make_png(width: int = 1, height: int = 1, rgb: tuple[int, int, int] = (0, 120, 215)) -> bytes:
    """Return a valid PNG image of one colour (for photo uploads in tests)."""

    def chunk(tag: bytes, payload: bytes) -> bytes:
        checksum = zlib.crc32(tag + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + tag + payload + struct.pack(">I", checksum)

    pixels = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF, JPEG, BMP or WebP image; None if it is not one."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    if data.startswith(b"BM") and len(data) >= 26:
        width, height = struct.unpack("<ii", data[18:26])
        return int(width), abs(int(height))
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return 512, 512
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Read the frame size from a JPEG's start-of-frame segment."""
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:
            index += 2
            continue
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height = int.from_bytes(data[index + 5 : index + 7], "big")
            width = int.from_bytes(data[index + 7 : index + 9], "big")
            return width, height
        index += 2 + int.from_bytes(data[index + 2 : index + 4], "big")
    return None


def check_upload(spec: ApiSpec, upload: UploadedFile, kind: str) -> tuple[int, int]:
    """Raise the error Telegram gives for an empty, too big or (photos) unreadable upload; a photo's size."""
    limit = spec.limits["photo_bytes" if kind == "photo" else "document_bytes"]
    if not upload.content:
        raise bad_request("file must be non-empty")
    if len(upload.content) > limit:
        raise bad_request("file is too big", f"{len(upload.content)} bytes > {limit}")
    if kind != "photo":
        return 0, 0
    size = image_size(upload.content)
    if size is None:
        raise bad_request("IMAGE_PROCESS_FAILED", "upload is not a PNG/JPEG/GIF/BMP/WebP image")
    width, height = size
    too_big = width + height > spec.limits["photo_dimensions_sum"]
    if width <= 0 or height <= 0 or too_big or max(size) / min(size) > spec.limits["photo_aspect_ratio"]:
        raise bad_request("PHOTO_INVALID_DIMENSIONS", f"photo is {width}x{height}")
    return size


@dataclass(frozen=True)
class StoredFile:
    """A file known to the fake (uploaded by the bot or sent by a simulated user)."""

    file_id: str
    file_unique_id: str
    content: bytes
    file_path: str
    filename: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0
    url: str | None = None

    def photo_size(self) -> JSON:
        """PhotoSize object for this file."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "width": self.width or 640,
            "height": self.height or 480,
            "file_size": len(self.content),
        }

    def document(self) -> JSON:
        """Document object for this file."""
        payload: JSON = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
        }
        if self.filename:
            payload["file_name"] = self.filename
        if self.mime_type:
            payload["mime_type"] = self.mime_type
        return payload
