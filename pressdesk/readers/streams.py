"""Byte streams between an opened input and its reader, each bounded.

An input passes through these stages, each chosen from its first bytes
(``open_document`` in ``inputs`` strings them together): gzip is undone, but
stopped once it expands past ``Limits.gzip_ratio`` (a few kilobytes of a
decompression bomb would otherwise be gigabytes of work); UTF-16 and UTF-32 are
transcoded to UTF-8 by their byte-order mark (a UTF-8 one is dropped); leading
blank space is read past at memory speed, counting the line breaks it holds, so
that sniffing sees the content; a file whose lines end in lone carriage returns
has them made line feeds. Each stage gives back the bytes it read to decide
(``replayable``), so no reader needs to seek.
"""

from __future__ import annotations

import codecs
import gzip
import io
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

SNIFF_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"
BUFFER_BYTES = 1024 * 1024

# Longest marks first: a UTF-32-LE mark begins with the UTF-16-LE one.
Decoder = Callable[..., tuple[str, int]]  # (data, errors, final) -> (text, bytes used)
_BYTE_ORDER_MARKS: tuple[tuple[bytes, Decoder], ...] = (
    (b"\xff\xfe\x00\x00", codecs.utf_32_le_decode),
    (b"\x00\x00\xfe\xff", codecs.utf_32_be_decode),
    (b"\xff\xfe", codecs.utf_16_le_decode),
    (b"\xfe\xff", codecs.utf_16_be_decode),
)
_NOT_UTF8 = b"\xff"  # stands for a unit that does not decode: no UTF-8 text holds this byte

Transform = Callable[[bytes, bool], bytes]


class Unreadable(Exception):
    """An input that stops being read part-way; the message is the rejection's reason."""


class _Filter(io.RawIOBase):
    """A raw stream of ``transform(chunk, at_end)`` over the chunks of ``source``."""

    def __init__(self, source: IO[bytes], transform: Transform) -> None:
        super().__init__()
        self._source = source
        self._transform = transform
        self._pending = b""
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        while not self._pending and not self._ended:
            chunk = read_some(self._source, BUFFER_BYTES)
            self._ended = not chunk
            self._pending = self._transform(chunk, self._ended)
        size = min(len(view), len(self._pending))
        view[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class _Replay(io.RawIOBase):
    """A raw stream that gives back the bytes already read for sniffing, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        data = self._take_head(len(view)) if self._head else read_some(self._rest, len(view))
        view[: len(data)] = data
        return len(data)

    def _take_head(self, size: int) -> bytes:
        data, self._head = self._head[:size], self._head[size:]
        return data


def read_some(stream: IO[bytes], size: int) -> bytes:
    """Up to ``size`` bytes, as many as one read of the stream below gives: what came before
    a damaged part of the input reaches its reader before the damage does."""
    if isinstance(stream, io.BufferedIOBase):
        return stream.read1(size)
    return stream.read(size)


def replayable(raw: IO[bytes]) -> tuple[bytes, io.BufferedReader]:
    """The first bytes of ``raw`` and a buffered stream that starts at them."""
    head = raw.read(SNIFF_BYTES)
    return head, io.BufferedReader(_Replay(head, raw), BUFFER_BYTES)


# ------------------------------------------------------------------ gzip


class _Counted(io.RawIOBase):
    """A raw stream that counts the bytes read from ``source``."""

    def __init__(self, source: IO[bytes]) -> None:
        super().__init__()
        self._source = source
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        data = self._source.read(len(view))
        view[: len(data)] = data
        self.count += len(data)
        return len(data)


class _Gunzip(io.RawIOBase):
    """gzip undone, stopped with ``Unreadable`` once past ``floor`` bytes out and ``ratio``
    times the bytes in: real text compresses ten-fold or so, a bomb a thousand-fold."""

    def __init__(self, source: IO[bytes], ratio: int, floor: int) -> None:
        super().__init__()
        self._counted = _Counted(source)
        self._gzip = gzip.GzipFile(fileobj=self._counted, mode="rb")
        self._ratio, self._floor, self._out = ratio, floor, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        size = self._gzip.readinto1(buffer)
        self._out += size
        if self._out > self._floor and self._out > self._ratio * self._counted.count:
            raise Unreadable(
                f"gzip data expands more than {self._ratio}-fold ({self._counted.count} bytes"
                f" to over {self._out}): not read further"
            )
        return size


def gunzip(stream: IO[bytes], ratio: int, floor: int) -> IO[bytes]:
    return io.BufferedReader(_Gunzip(stream, ratio, floor), BUFFER_BYTES)


# ------------------------------------------------------------------ text encodings


def byte_order_mark(head: bytes) -> tuple[bytes, Decoder] | None:
    """The UTF-16 or UTF-32 byte-order mark ``head`` starts with, and its decoder."""
    return next((found for found in _BYTE_ORDER_MARKS if head.startswith(found[0])), None)


def transcode(stream: IO[bytes], decode: Decoder) -> IO[bytes]:
    """UTF-8 bytes of a UTF-16 or UTF-32 stream (its mark already read past)."""
    rest = b""

    def transform(chunk: bytes, at_end: bool) -> bytes:
        nonlocal rest
        text, rest = _decode_units(decode, rest + chunk, at_end)
        return text

    return io.BufferedReader(_Filter(stream, transform), BUFFER_BYTES)


def _decode_units(decode: Decoder, data: bytes, final: bool) -> tuple[bytes, bytes]:
    """UTF-8 for the whole units of ``data`` and the bytes left over. A unit that does not
    decode (a lone surrogate, a cut-off last unit) becomes a byte no UTF-8 holds, so only
    the line holding it is rejected, as invalid UTF-8 would be."""
    out = bytearray()
    while True:
        try:
            text, used = decode(data, "strict", final)
        except UnicodeDecodeError as err:
            out += decode(data[: err.start], "strict", True)[0].encode("utf-8") + _NOT_UTF8
            data = data[err.end :]
            continue
        out += text.encode("utf-8")
        return bytes(out), data[used:]


# ------------------------------------------------------------------ line breaks


def skip_blank_start(stream: io.BufferedReader) -> int:
    """Read past the blank space an input starts with, at memory speed; how many line
    breaks (LF, CRLF or lone CR) it held."""
    breaks, after_cr = 0, False
    while ahead := stream.peek(BUFFER_BYTES):
        blank = ahead[: len(ahead) - len(ahead.lstrip())]
        breaks += blank.count(b"\n") + blank.count(b"\r") - blank.count(b"\r\n")
        if after_cr and blank.startswith(b"\n"):  # a CRLF split across two reads
            breaks -= 1
        after_cr = blank.endswith(b"\r")
        stream.read(len(blank))
        if len(blank) < len(ahead):
            break
    return breaks


def ends_lines_in_lone_cr(head: bytes) -> bool:
    """Whether the first bytes end their lines in carriage returns alone (old Mac files)."""
    return b"\r" in head and b"\n" not in head


def cr_to_lf(stream: IO[bytes]) -> IO[bytes]:
    """The stream with every CRLF and every lone CR made one LF."""
    carry = b""

    def transform(chunk: bytes, at_end: bool) -> bytes:
        nonlocal carry
        data, carry = carry + chunk, b""
        if data.endswith(b"\r") and not at_end:  # its LF may be the next chunk's first byte
            data, carry = data[:-1], b"\r"
        return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")

    return io.BufferedReader(_Filter(stream, transform), BUFFER_BYTES)
