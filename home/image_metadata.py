"""Photos are stored without what could locate or identify the people in them.

A phone photo carries its GPS position, the camera's serial number and maker
notes, often the owner's name (XMP, IPTC, comments) and a thumbnail of the
uncropped picture. Renditions are re-encoded without any of it, but an
original is public by its URL, and for photos of refugees its location must
not be. So every original is stripped before it is stored: an upload by the
image form's file field (home/image_validation.py), where a file that cannot
be cleaned is refused with a message, and anything saved another way (the
demo loader, code) by `CampaignImage.save`, which refuses to store it.
`manage.py strip_image_metadata` strips the originals stored before.

What stays is what changes how the pixels look: the orientation (as a minimal
EXIF block holding only the Orientation tag) and the colour profile (ICC);
the JFIF header and Adobe's colour-transform marker in a JPEG; palette,
transparency, gamma, colour and animation chunks in a PNG, WebP or GIF.

JPEG, PNG, WebP and GIF are rewritten block by block, so the image data is
copied byte for byte and never re-compressed. AVIF and HEIC keep their
metadata inside a container whose offsets would all shift, so they are
re-encoded (high quality) when they carry any. A file with nothing to remove
is left exactly as it is. Every result is read back with Pillow; if anything
identifying is still found, the image is re-encoded instead.
"""

import io
import re
import struct
import zlib

from PIL import ExifTags, Image
from pillow_heif import HeifImagePlugin  # noqa: F401 - registers HEIC with Pillow, as Willow does

ORIENTATION = ExifTags.Base.Orientation
GPS_INFO = ExifTags.IFD.GPSInfo
# Pillow's `info` keys for metadata blocks that may name or locate someone.
IDENTIFYING_INFO_KEYS = ("xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "mp")
# What Pillow's `info` may keep when an image is encoded again: how it is drawn, nothing about who or where.
RENDERING_INFO_KEYS = ("transparency", "background", "duration", "loop", "disposal", "blend", "dpi")
REENCODE_QUALITY = 92
SUPPORTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF", "AVIF", "HEIF"}


class _Unparseable(Exception):
    """The file's block structure is not what its format says; re-encode it instead."""


def strip_metadata(data):
    """`data` (an image file's bytes) without identifying metadata, or None when there is nothing to remove.

    Formats the site does not accept (TIFF, BMP …) are left alone.
    """
    with Image.open(io.BytesIO(data)) as image:
        image_format = image.format
        orientation = _orientation(image)
    if image_format not in SUPPORTED_FORMATS:
        return None
    rewrite = _REWRITERS.get(image_format)
    try:
        stripped = rewrite(data, orientation) if rewrite else data
    except (_Unparseable, struct.error, IndexError):
        stripped = None
    if stripped is not None and not identifying_metadata(stripped):
        return None if stripped == data else stripped
    stripped = _reencode(data, orientation)
    if found := identifying_metadata(stripped):
        raise ValueError(f"Could not remove {', '.join(sorted(found))} from the image.")
    return stripped


def identifying_metadata(data):
    """The kinds of identifying metadata Pillow finds in `data` (an empty set when there are none)."""
    found = set()
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        if any(tag != ORIENTATION for tag in exif):
            found.add("EXIF")
        if exif.get_ifd(GPS_INFO):
            found.add("GPS")
        found.update(key for key in IDENTIFYING_INFO_KEYS if image.info.get(key))
        if getattr(image, "text", None):  # PNG text chunks (author, comment, description …)
            found.add("text")
        if image.format == "MPO":  # further pictures appended to a JPEG, each with metadata of its own
            found.add("MPO")
        application, _ = image.info.get("extension") or (b"", None)
        if image.format == "GIF" and application and not application.startswith(_GIF_KEPT_APPLICATIONS):
            found.add("GIF application block")
    return found


def _orientation(image):
    try:
        orientation = image.getexif().get(ORIENTATION, 1)
    except Exception:  # noqa: BLE001 - an unreadable EXIF block holds no orientation we can keep
        return 1
    return orientation if isinstance(orientation, int) and 2 <= orientation <= 8 else 1


def _orientation_tiff(orientation):
    """A big-endian TIFF structure holding one IFD with only the Orientation tag (EXIF's payload)."""
    entry = struct.pack(">HHIHH", ORIENTATION, 3, 1, orientation, 0)
    return b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + entry + struct.pack(">I", 0)


# JPEG: a sequence of marker segments; after each start-of-scan, entropy-coded data up to the next marker.

_JPEG_NEXT_MARKER = re.compile(rb"\xff(?!\x00|[\xd0-\xd7])")
_APP0, _APP1, _APP2, _APP14, _APP15, _COM, _SOS, _EOI = 0xE0, 0xE1, 0xE2, 0xEE, 0xEF, 0xFE, 0xDA, 0xD9


def _rewrite_jpeg(data, orientation):
    if data[:2] != b"\xff\xd8":
        raise _Unparseable
    out = [b"\xff\xd8"]
    exif = _jpeg_segment(_APP1, b"Exif\x00\x00" + _orientation_tiff(orientation)) if orientation != 1 else b""
    position = 2
    first = True
    while True:
        if data[position] != 0xFF:
            raise _Unparseable
        while data[position] == 0xFF:  # fill bytes
            position += 1
        marker = data[position]
        position += 1
        if marker == _EOI:
            out.append(b"\xff\xd9")  # anything after it (appended pictures, trailers) is dropped
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.append(bytes((0xFF, marker)))
            continue
        (length,) = struct.unpack(">H", data[position : position + 2])
        if length < 2 or position + length > len(data):
            raise _Unparseable
        payload = data[position + 2 : position + length]
        position += length
        kept = _kept_jpeg_payload(marker, payload)
        is_jfif = marker == _APP0 and kept is not None
        if first and not is_jfif:
            out.append(exif)  # EXIF goes right after SOI, or after a JFIF header there
        if kept is not None:
            out.append(_jpeg_segment(marker, kept))
        if first and is_jfif:
            out.append(exif)
        first = False
        if marker == _SOS:
            match = _JPEG_NEXT_MARKER.search(data, position)
            if match is None:
                raise _Unparseable
            out.append(data[position : match.start()])
            position = match.start()
    return b"".join(out)


def _kept_jpeg_payload(marker, payload):
    """The payload to keep for a segment, or None to drop it."""
    if marker == _APP0:
        # JFIF without its optional thumbnail; JFXX (a thumbnail and nothing else) goes.
        return payload[:12] + b"\x00\x00" if payload.startswith(b"JFIF\x00") and len(payload) >= 14 else None
    if marker == _APP2:
        return payload if payload.startswith(b"ICC_PROFILE\x00") else None  # not MPF, FlashPix
    if marker == _APP14:
        return payload if payload.startswith(b"Adobe") else None  # the colour transform decoders need
    if _APP0 <= marker <= _APP15 or marker == _COM:
        return None  # EXIF, XMP, IPTC/Photoshop, maker blocks, comments
    return payload


def _jpeg_segment(marker, payload):
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


# PNG: a signature, then length-type-data-CRC chunks up to IEND.

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEPT_ANCILLARY = {
    b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB", b"cICP", b"mDCV", b"mDCv", b"cLLI", b"cLLi",
    b"bKGD", b"hIST", b"pHYs", b"sPLT", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip


def _rewrite_png(data, orientation):
    if not data.startswith(_PNG_SIGNATURE):
        raise _Unparseable
    out = [_PNG_SIGNATURE]
    position = len(_PNG_SIGNATURE)
    while True:
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            raise _Unparseable
        critical = kind[:1].isupper()
        if critical or kind in _PNG_KEPT_ANCILLARY:  # not tEXt, zTXt, iTXt (XMP), eXIf, tIME, private chunks
            out.append(data[position:end])
        if kind == b"IHDR" and orientation != 1:
            out.append(_png_chunk(b"eXIf", _orientation_tiff(orientation)))
        position = end
        if kind == b"IEND":
            return b"".join(out)


def _png_chunk(kind, payload):
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


# WebP: a RIFF container of chunks; metadata lives in EXIF and XMP chunks flagged in VP8X.

_WEBP_KEPT = {b"VP8X", b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def _rewrite_webp(data, orientation):
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise _Unparseable
    (riff_size,) = struct.unpack("<I", data[4:8])
    end = min(8 + riff_size, len(data))
    chunks = []
    position = 12
    while position + 8 <= end:
        kind = data[position : position + 4]
        (size,) = struct.unpack("<I", data[position + 4 : position + 8])
        payload = data[position + 8 : position + 8 + size]
        if len(payload) != size:
            raise _Unparseable
        position += 8 + size + (size & 1)
        if kind in _WEBP_KEPT:
            chunks.append([kind, payload])
    if not chunks:
        raise _Unparseable
    if chunks[0][0] == b"VP8X":
        flags = chunks[0][1][0] & ~(_VP8X_EXIF | _VP8X_XMP)
        if orientation != 1:
            flags |= _VP8X_EXIF
            chunks.append([b"EXIF", _orientation_tiff(orientation)])
        chunks[0][1] = bytes((flags,)) + chunks[0][1][1:]
    body = b"WEBP" + b"".join(
        kind + struct.pack("<I", len(payload)) + payload + (b"\x00" if len(payload) & 1 else b"")
        for kind, payload in chunks
    )
    return b"RIFF" + struct.pack("<I", len(body)) + body


# GIF: header, screen descriptor and colour table, then extension and image blocks up to the trailer.

_GIF_KEPT_APPLICATIONS = (b"NETSCAPE2.0", b"ICCRGBG1012")  # looping, colour profile


def _rewrite_gif(data, orientation):
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        raise _Unparseable
    flags = data[10]
    position = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    out = [data[:position]]
    while True:
        introducer = data[position]
        if introducer == 0x3B:  # trailer; anything after it is dropped
            out.append(b";")
            return b"".join(out)
        start = position
        if introducer == 0x2C:  # image: descriptor, local colour table, LZW code size, data sub-blocks
            local = data[position + 9]
            position += 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0) + 1
            position = _after_gif_sub_blocks(data, position)
            out.append(data[start:position])
        elif introducer == 0x21:
            label = data[position + 1]
            position = _after_gif_sub_blocks(data, position + 2)
            application = data[start + 3 : start + 14] if label == 0xFF and data[start + 2] == 11 else b""
            # Graphic control and plain text stay; comments and other applications' blocks (XMP) go.
            if label in (0xF9, 0x01) or application in _GIF_KEPT_APPLICATIONS:
                out.append(data[start:position])
        else:
            raise _Unparseable


def _after_gif_sub_blocks(data, position):
    while (size := data[position]) != 0:
        position += 1 + size
    if position >= len(data):
        raise _Unparseable
    return position + 1


_REWRITERS = {
    "JPEG": _rewrite_jpeg,
    "MPO": _rewrite_jpeg,
    "PNG": _rewrite_png,
    "WEBP": _rewrite_webp,
    "GIF": _rewrite_gif,
}


def _reencode(data, orientation):
    """The image decoded and encoded again in its own format, with only its orientation and colour profile."""
    with Image.open(io.BytesIO(data)) as image:
        image_format = "JPEG" if image.format == "MPO" else image.format
        options = {}
        if icc_profile := image.info.get("icc_profile"):
            options["icc_profile"] = icc_profile
        # Pillow writes some `info` entries (a JPEG or GIF comment, say) back unless told otherwise.
        image.info = {key: value for key, value in image.info.items() if key in RENDERING_INFO_KEYS}
        if orientation != 1:
            exif = Image.Exif()
            exif[ORIENTATION] = orientation
            options["exif"] = exif
        if image_format == "JPEG":
            options.update(quality="keep", subsampling="keep")  # the source's own tables: as close as it gets
        elif image_format in ("WEBP", "AVIF", "HEIF"):
            options["quality"] = REENCODE_QUALITY
        if getattr(image, "n_frames", 1) > 1 and image_format != "JPEG":
            options["save_all"] = True
        output = io.BytesIO()
        image.save(output, image_format, **options)
    return output.getvalue()
