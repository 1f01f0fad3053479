"""Import programme listings from CSV or JSON (the format: docs/import-format.md).

`import_programmes(path_or_rows, dry_run=...)` reads the file row by row, twice,
never holding it whole: a first pass validates every row, keeping only ids,
lines, organisation names and the first MAX_ERRORS problems; if any row is
invalid it writes nothing and returns every problem as
"line N, column X: message". A file that is not what it claims (not UTF-8,
JSON with text after its list or nested too deeply, a NUL character that
PostgreSQL cannot store) is refused the same way, by line, never with a
traceback; CR-only line endings are read like any other. Otherwise a second
pass reads the rows again and imports them one by one in one transaction:
organisations are onboarded on the fly (their pages in every locale, editors'
group and collection), a programme is found again by its `external_id` and
updated with a new published revision only when something changed, and the
`*_fr` / `*_en` / `*_nl` columns become wagtail-localize translations. The
management command `import_programs` and the demo data both call it.
"""

import codecs
import csv
import datetime
import decimal
import html
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.models import Locale, Page

from home import permissions
from programs import taxonomy
from programs.languages import canonical_language_code
from programs.models import (
    Language,
    Mode,
    OrganisationPage,
    ProgramIndexPage,
    ProgramLocation,
    ProgramMunicipality,
    ProgramPage,
    Region,
    TargetGroup,
    Theme,
)
from programs.reference import resolve_municipalities

COLUMNS = [
    "external_id", "organisation", "organisation_website", "organisation_email",
    "name", "summary", "description", "themes", "target_groups", "regions", "municipalities",
    "languages", "modes", "volunteer_commitment", "min_volunteer_age",
    "accepting_volunteers", "accepting_newcomers", "status", "notice",
    "signup_url", "contact_name", "contact_email", "contact_phone",
    "address", "postcode", "city", "latitude", "longitude", "last_verified",
    "name_fr", "summary_fr", "description_fr", "name_en", "summary_en", "description_en",
]  # fmt: skip
OPTIONAL_COLUMNS = ["source_locale", "name_nl", "summary_nl", "description_nl", "request_form"]
# Who may send a request through this site (participation/): the column's value → the two page fields.
REQUEST_FORM_CHOICES = {
    "none": (False, False),
    "volunteers": (True, False),
    "newcomers": (False, True),
    "both": (True, True),
}
REQUIRED = ["external_id", "organisation", "name", "summary", "regions"]
LOCALES = ["nl", "fr", "en"]
TRANSLATED = ["name", "summary", "description"]

TAXONOMY_COLUMNS = {
    "themes": (Theme, taxonomy.THEMES),
    "target_groups": (TargetGroup, taxonomy.TARGET_GROUPS),
    "regions": (Region, taxonomy.REGIONS),
    "languages": (Language, taxonomy.LANGUAGES),
    "modes": (Mode, taxonomy.MODES),
}
MAX_LENGTHS = {
    "external_id": 100,
    "organisation": 100,
    "name": 255,
    "summary": 300,
    "description": 10000,
    "volunteer_commitment": 1000,
    "notice": 600,
    "contact_name": 120,
    "contact_phone": 40,
    "address": 200,
    "postcode": 10,
    "city": 100,
    "organisation_website": 200,
    "organisation_email": 200,
    "signup_url": 200,
    "contact_email": 200,
}
for _code in LOCALES:
    MAX_LENGTHS.update({f"name_{_code}": 255, f"summary_{_code}": 300, f"description_{_code}": 10000})
LIST_SEPARATOR = ";"


class ImportFileError(ValueError):
    """The file cannot be read at all (not UTF-8, not CSV/JSON, ...)."""


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self):
        if self.column:
            return f"line {self.line}, column {self.column}: {self.message}"
        return f"line {self.line}: {self.message}"


@dataclass
class ProgrammeRow:
    """A validated row, with its values converted."""

    line: int
    external_id: str
    organisation: str
    organisation_website: str
    organisation_email: str
    source_locale: str
    fields: dict  # ProgramPage field -> value
    terms: dict  # taxonomy field -> list of codes
    municipalities: list  # Municipality objects
    location: dict | None
    translations: dict  # locale code -> {"name":…, "summary":…, "description":…}
    description_paragraphs: list


@dataclass
class ImportResult:
    dry_run: bool = False
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    organisations_created: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    errors_not_shown: int = 0  # problems beyond the first MAX_ERRORS, counted only

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        verb = "would create" if self.dry_run else "created"
        text = (
            f"{verb} {len(self.created)}, "
            f"{'would update' if self.dry_run else 'updated'} {len(self.updated)}, unchanged {len(self.unchanged)}"
        )
        if self.organisations_created:
            text += f"; {'new' if self.dry_run else 'onboarded'} organisations: {len(self.organisations_created)}"
        return text


# Reading --------------------------------------------------------------------------------------------

CHUNK_SIZE = 64 * 1024  # bytes read from the file at a time
MAX_OBJECT_CHARS = 4 * 1024 * 1024  # one JSON object (a programme) may span at most this much text
MAX_ERRORS = 1000  # problems kept and reported; the rest are counted


class RowSource:
    """A file's rows, read again from disk each time it is iterated: (line number, {column: text}).

    Only one row is in memory at a time; `header_errors` is set once the header (CSV) or the whole file
    (JSON: its column names are those used by any object) has been read.
    """

    def __init__(self, source):
        self.source = source
        self.header_errors = []
        if isinstance(source, str | Path):
            self.path, self.data = Path(source), None
            self.kind = "json" if self.path.suffix.lower() == ".json" else "csv"
            try:
                with self.path.open("rb"):
                    pass
            except OSError as error:
                raise ImportFileError(f"cannot read {self.path}: {error.strerror or error}") from error
        else:
            self.path, self.data = None, bytes(source)
            start = self.data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
            self.kind = "json" if start.startswith(b"[") else "csv"

    def _open(self):
        return self.path.open("rb") if self.path is not None else io.BytesIO(self.data)

    def __iter__(self):
        with self._open() as binary:
            # Universal newlines (LF, CRLF and CR alone all become LF), decoded as it is read.
            text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline=None)
            text._CHUNK_SIZE = CHUNK_SIZE
            try:
                if self.kind == "json":
                    yield from self._json(text)
                else:
                    yield from self._csv(text)
            except UnicodeDecodeError as error:
                raise ImportFileError(f"line {self._undecodable_line()}: the file is not UTF-8 text") from error

    def _undecodable_line(self):
        """The first line (counted at LF, like any editor) that is not UTF-8; read again line by line."""
        decoder = codecs.getincrementaldecoder("utf-8-sig")()
        with self._open() as binary:
            for number, raw in enumerate(binary, start=1):
                try:
                    decoder.decode(raw)
                except UnicodeDecodeError:
                    return number
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                return number
        return 1

    def _csv(self, text):
        reader = csv.reader(text, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFileError("the file is empty") from None
        except csv.Error as error:
            raise ImportFileError(f"line 1: {error}") from error
        header = [h.strip() for h in header]
        errors = _header_errors(header, 1)
        duplicates = {h for h in header if header.count(h) > 1}
        errors.extend(RowError(1, column, "column appears more than once") for column in sorted(duplicates))
        self.header_errors = errors
        line = reader.line_num + 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                yield line, RowError(line, "", f"not valid CSV ({error})")
                break
            if any(v.strip() for v in values):
                if len(values) > len(header):
                    yield line, RowError(line, "", f"{len(values)} values for {len(header)} columns")
                yield line, dict(zip(header, values, strict=False))
            line = reader.line_num + 1

    def _json(self, text):
        """A JSON list of objects, decoded one object at a time; each object's line is where it starts."""
        decoder = json.JSONDecoder()
        buffer, position, lines_before, eof = "", 0, 1, False
        columns = {}

        def more():
            nonlocal buffer, position, lines_before, eof
            lines_before += buffer.count("\n", 0, position)
            buffer, position = buffer[position:], 0
            chunk = text.read(CHUNK_SIZE)
            eof = not chunk
            buffer += chunk
            return not eof

        def line_at(pos):
            return lines_before + buffer.count("\n", 0, pos)

        def skip_space():
            nonlocal position
            while True:
                while position < len(buffer) and buffer[position] in " \t\r\n":
                    position += 1
                if position < len(buffer) or not more():
                    return

        skip_space()
        if not buffer[position:].startswith("["):
            raise ImportFileError("a JSON file holds a list of objects, one per programme")
        position += 1
        skip_space()
        if position < len(buffer) and buffer[position] == "]":
            position += 1
        else:
            while True:
                skip_space()
                while True:
                    try:
                        value, end = decoder.raw_decode(buffer, position)
                    except json.JSONDecodeError as error:
                        if not eof and len(buffer) - position <= MAX_OBJECT_CHARS and more():
                            continue
                        raise ImportFileError(f"line {line_at(error.pos)}: not valid JSON ({error.msg})") from error
                    except RecursionError:
                        raise ImportFileError(
                            f"line {line_at(position)}: not valid import data (lists or objects nested too deeply; "
                            "each programme is one object of text values)"
                        ) from None
                    if end == len(buffer) and not eof and more():
                        continue  # a number may go on in the next chunk
                    break
                if isinstance(value, dict):
                    columns.update(dict.fromkeys(str(k) for k in value))
                    yield line_at(position), {str(k): v for k, v in value.items()}
                else:
                    yield line_at(position), RowError(line_at(position), "", "each item of the list must be an object")
                position = end
                skip_space()
                if position < len(buffer) and buffer[position] == ",":
                    position += 1
                    continue
                if position < len(buffer) and buffer[position] == "]":
                    position += 1
                    break
                raise ImportFileError(f"line {line_at(position)}: not valid JSON (expected , or ])")
        skip_space()
        if position < len(buffer):
            # json.load would refuse it too: a file cut or pasted twice must not import its first part alone.
            raise ImportFileError(f"line {line_at(position)}: not valid JSON (more text after the list ends)")
        self.header_errors = _header_errors(list(columns), 1)


class _ListSource:
    """Rows given as a list of dicts (tests, code): read like a file."""

    def __init__(self, rows):
        self.rows = rows
        self.header_errors = _header_errors(_keys(rows), 1)

    def __iter__(self):
        return iter((n + 1, row) for n, row in enumerate(self.rows))


def row_source(source):
    """Something to iterate (again) for (line, row or RowError), from a path, a file's bytes or a list of dicts."""
    if isinstance(source, list | tuple):
        return _ListSource(source)
    return RowSource(source)


def read_rows(source):
    """[(line number, {column: text})] and the file's errors, all in memory (small files and tests)."""
    rows_source = row_source(source)
    rows, errors = [], []
    for line, row in rows_source:
        if isinstance(row, RowError):
            errors.append(row)
        else:
            rows.append((line, row))
    return rows, rows_source.header_errors + errors


def _keys(rows):
    keys = []
    for row in rows:
        if isinstance(row, dict):
            keys.extend(k for k in row if k not in keys)
    return keys


def _header_errors(columns, line):
    errors = []
    known = set(COLUMNS) | set(OPTIONAL_COLUMNS)
    for column in columns:
        if column not in known:
            errors.append(RowError(line, str(column)[:60].replace("\x00", "\\0"), "unknown column"))
    for column in REQUIRED:
        if column not in columns:
            errors.append(RowError(line, column, "required column is missing"))
    return errors


# Validation -----------------------------------------------------------------------------------------


def _text(row, column):
    value = row.get(column)
    if value is None:
        return ""
    if isinstance(value, list) and column in TAXONOMY_COLUMNS | {"municipalities": None}:
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if not isinstance(value, str):
        raise TypeError
    return value.strip()


def _split(text):
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


_url = URLValidator(schemes=["http", "https"])


PLACES_KEPT = 2000  # municipality lists whose resolution an import keeps (rows often repeat them)


def validate_row(line, row, seen_ids, places=None):
    """A ProgrammeRow, or the row's errors; `places` (a dict) keeps resolved municipality lists between rows."""
    errors = []
    values = {}

    def error(column, message):
        errors.append(RowError(line, column, message))

    for column in row:
        if column not in COLUMNS and column not in OPTIONAL_COLUMNS:
            continue
        try:
            values[column] = _text(row, column)
        except TypeError:
            error(column, "must be text")
            values[column] = ""
    for column, value in values.items():
        if "\x00" in value:
            # PostgreSQL cannot store it; a file saved as UTF-16 is full of them.
            error(column, "contains a NUL character (code 0), which cannot be stored; remove it")
            values[column] = value.replace("\x00", "")
    for column, limit in MAX_LENGTHS.items():
        if len(values.get(column, "")) > limit:
            error(column, f"at most {limit} characters (this one has {len(values[column])})")
    for column in REQUIRED:
        if not values.get(column):
            error(column, "required")

    external_id = values.get("external_id", "")
    if external_id:
        if external_id in seen_ids:
            error("external_id", f"“{external_id}” appears twice in the file (also on line {seen_ids[external_id]})")
        else:
            seen_ids[external_id] = line

    source_locale = values.get("source_locale") or "nl"
    if source_locale not in LOCALES:
        error("source_locale", f"“{source_locale}” is not one of {', '.join(LOCALES)}")
        source_locale = "nl"
    if values.get(f"name_{source_locale}") or values.get(f"summary_{source_locale}"):
        column = f"name_{source_locale}" if values.get(f"name_{source_locale}") else f"summary_{source_locale}"
        error(column, f"the source text is already in {source_locale} (name, summary, description)")

    for column in ("organisation_website", "signup_url"):
        if values.get(column):
            try:
                _url(values[column])
            except ValidationError:
                error(column, f"“{values[column][:80]}” is not a web address (http:// or https://)")
    for column in ("organisation_email", "contact_email"):
        if values.get(column):
            try:
                validate_email(values[column])
            except ValidationError:
                error(column, f"“{values[column][:80]}” is not an e-mail address")

    terms = {}
    languages, unknown = [], []
    for part in _split(values.get("languages", "")):
        code = canonical_language_code(part)
        if code is None:
            unknown.append(part)
        elif code not in languages:
            languages.append(code)
    if unknown:
        error(
            "languages", f"unknown language code(s) {', '.join(unknown)[:200]}; use ISO 639 codes such as nl, ar, prs"
        )
    terms["languages"] = languages
    for column, (_model, labels) in TAXONOMY_COLUMNS.items():
        if column == "languages":
            continue
        by_lower = {code.lower(): code for code in labels}
        codes, unknown = [], []
        for part in _split(values.get(column, "")):
            code = by_lower.get(part.lower())
            if code is None:
                unknown.append(part)
            elif code not in codes:
                codes.append(code)
        if unknown:
            error(column, f"unknown code(s) {', '.join(unknown)[:200]}; use {', '.join(labels)}")
        terms[column] = codes
    if values.get("regions") and not terms["regions"] and not any(e.column == "regions" for e in errors):
        error("regions", "required")

    municipalities = []
    names = _split(values.get("municipalities", ""))
    if names:
        resolution = places.get(tuple(names)) if places is not None else None
        if resolution is None:
            resolution = resolve_municipalities(names)
            if places is not None:
                if len(places) >= PLACES_KEPT:
                    places.clear()
                places[tuple(names)] = resolution
        municipalities = resolution.municipalities
        if resolution.unknown:
            unknown = ", ".join(value for value, _close in resolution.unknown)
            close = [name for _value, names in resolution.unknown for name in names]
            hint = f" (did you mean {', '.join(dict.fromkeys(close))}?)" if close else ""
            error("municipalities", f"unknown municipality or postcode: {unknown[:200]}{hint[:200]}")
        for value, candidates in resolution.ambiguous:
            error("municipalities", f"“{value[:60]}” could be {' or '.join(candidates)[:200]}; write the municipality")

    fields = {}
    for column, choices in (
        ("accepting_volunteers", taxonomy.ACCEPTING_CHOICES),
        ("accepting_newcomers", taxonomy.ACCEPTING_CHOICES),
        ("status", taxonomy.STATUS_CHOICES),
    ):
        value = values.get(column, "").lower() or choices[0][0]
        if value not in dict(choices):
            error(column, f"“{values[column][:40]}” is not one of {'|'.join(code for code, _label in choices)}")
        fields[column] = value

    request_form = values.get("request_form", "").lower() or "none"
    if request_form not in REQUEST_FORM_CHOICES:
        error("request_form", f"“{values['request_form'][:40]}” is not one of {'|'.join(REQUEST_FORM_CHOICES)}")
    else:
        fields["volunteer_request_form"], fields["newcomer_request_form"] = REQUEST_FORM_CHOICES[request_form]

    fields["min_volunteer_age"] = None
    if values.get("min_volunteer_age"):
        try:
            age = int(values["min_volunteer_age"])
            if not 0 < age < 100:
                raise ValueError
            fields["min_volunteer_age"] = age
        except ValueError:
            error("min_volunteer_age", f"“{values['min_volunteer_age'][:20]}” is not an age in years")

    fields["last_verified"] = None
    if values.get("last_verified"):
        try:
            day = datetime.date.fromisoformat(values["last_verified"])
            if len(values["last_verified"]) != 10:
                raise ValueError
            if day > datetime.date.today() + datetime.timedelta(days=1):
                error("last_verified", "lies in the future")
            fields["last_verified"] = day
        except ValueError:
            error("last_verified", f"“{values['last_verified'][:20]}” is not a date YYYY-MM-DD")

    coordinates = {}
    for column, limit in (("latitude", 90), ("longitude", 180)):
        if values.get(column):
            try:
                number = decimal.Decimal(values[column].replace(",", "."))
                if not number.is_finite() or abs(number) > limit:
                    raise decimal.InvalidOperation
                coordinates[column] = number.quantize(decimal.Decimal("0.000001"))
            except decimal.InvalidOperation:
                error(column, f"“{values[column][:20]}” is not a {column} between -{limit} and {limit}")
    if bool(values.get("latitude")) != bool(values.get("longitude")):
        error("longitude" if values.get("latitude") else "latitude", "give both latitude and longitude, or neither")
    location = None
    if any(values.get(c) for c in ("address", "postcode", "city", "latitude", "longitude")):
        location = {
            "address": values.get("address", ""),
            "postcode": values.get("postcode", ""),
            "city": values.get("city", ""),
            "latitude": coordinates.get("latitude"),
            "longitude": coordinates.get("longitude"),
        }

    source_paragraphs = paragraphs(values.get("description", ""))
    translations = {}
    for code in LOCALES:
        if code == source_locale:
            continue
        given = {name: values.get(f"{name}_{code}", "") for name in TRANSLATED}
        if not any(given.values()):
            continue
        if not given["name"]:
            error(f"name_{code}", f"required when summary_{code} or description_{code} is given")
        if given["description"] and len(paragraphs(given["description"])) != len(source_paragraphs):
            error(
                f"description_{code}",
                f"has {len(paragraphs(given['description']))} paragraph(s), the description has "
                f"{len(source_paragraphs)}; translate paragraph by paragraph",
            )
        translations[code] = given

    if errors:
        return None, errors

    fields.update(
        {
            "title": values["name"],
            "summary": values["summary"],
            "description": rich_text(values.get("description", "")),
            "volunteer_commitment": values.get("volunteer_commitment", ""),
            "notice": values.get("notice", ""),
            "signup_url": values.get("signup_url", ""),
            "contact_name": values.get("contact_name", ""),
            "contact_email": values.get("contact_email", ""),
            "contact_phone": values.get("contact_phone", ""),
            "external_id": external_id,
        }
    )
    return (
        ProgrammeRow(
            line=line,
            external_id=external_id,
            organisation=" ".join(values["organisation"].split()),
            organisation_website=values.get("organisation_website", ""),
            organisation_email=values.get("organisation_email", ""),
            source_locale=source_locale,
            fields=fields,
            terms=terms,
            municipalities=municipalities,
            location=location,
            translations=translations,
            description_paragraphs=source_paragraphs,
        ),
        [],
    )


def paragraphs(text):
    """Paragraphs of plain text, separated by blank lines."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").replace("\r", "\n").split("\n\n")]
    return [block for block in blocks if block]


def rich_text(text):
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs(text))


# Import ---------------------------------------------------------------------------------------------


def validate(source):
    """(rows, errors) for every row of the file, in file order, all in memory (small files such as the demo's)."""
    rows_source = row_source(source)
    valid, errors, seen = [], [], {}
    for line, row in rows_source:
        if isinstance(row, RowError):
            errors.append(row)
            continue
        programme, row_errors = validate_row(line, row, seen)
        errors.extend(row_errors)
        if programme:
            valid.append(programme)
    errors = rows_source.header_errors + errors
    if not seen and not errors and not valid:
        errors.append(RowError(1, "", "the file has no programmes"))
    return valid, _sorted(errors)


def _sorted(errors):
    return sorted(set(errors), key=lambda e: (e.line, COLUMN_ORDER.get(e.column, 999), e.message))


COLUMN_ORDER = {column: n for n, column in enumerate(["", *COLUMNS, *OPTIONAL_COLUMNS])}


@dataclass
class CheckedFile:
    """What the first pass over a file keeps: a few keys per row, never the rows themselves."""

    rows: int = 0
    errors: list = field(default_factory=list)  # the first MAX_ERRORS problems
    errors_not_shown: int = 0
    lines: dict = field(default_factory=dict)  # external_id -> line
    programmes: dict = field(default_factory=dict)  # external_id -> (organisation name, source locale)
    organisations: dict = field(default_factory=dict)  # casefolded name -> (name, first line)

    def add_errors(self, errors):
        room = MAX_ERRORS - len(self.errors)
        self.errors.extend(errors[: max(room, 0)])
        self.errors_not_shown += max(len(errors) - max(room, 0), 0)


def check_file(rows_source, progress=None):
    """The first pass: every row read and checked, keeping only ids, organisations, lines and the problems."""
    checked = CheckedFile()
    locales = {code: code for code in LOCALES}
    places = {}
    for line, row in rows_source:
        if isinstance(row, RowError):
            checked.add_errors([row])
            continue
        checked.rows += 1
        programme, row_errors = validate_row(line, row, checked.lines, places)
        if row_errors:
            checked.add_errors(_sorted(row_errors))
            continue
        key = programme.organisation.casefold()
        name = checked.organisations.setdefault(key, (programme.organisation, line))[0]
        checked.programmes[programme.external_id] = (name, locales[programme.source_locale])
        if progress and checked.rows % PROGRESS_EVERY == 0:
            progress(checked.rows, 0)
    header = rows_source.header_errors
    if header:
        kept, checked.errors = checked.errors, []
        checked.add_errors(header + kept)
    if not checked.rows and not checked.errors:
        checked.errors.append(RowError(1, "", "the file has no programmes"))
    checked.errors = _sorted(checked.errors)
    return checked


PROGRESS_EVERY = 1000  # rows between progress reports while the file is checked


def import_programmes(source, *, dry_run=False, progress: Callable[[int, int], None] | None = None):
    """Validate and import; returns an ImportResult (with `errors` and nothing written if any row is invalid).

    The file is read twice and never held in memory: a first pass checks every row and keeps only what the
    checks need (ids, organisation names, lines, the first MAX_ERRORS problems); the second reads the rows
    again and imports them one by one, in one transaction. `progress(done, total)` is called after each
    imported row, and every PROGRESS_EVERY rows of the first pass with a total of 0 (not known yet).
    """
    result = ImportResult(dry_run=dry_run)
    try:
        rows_source = row_source(source)
        checked = check_file(rows_source, progress)
    except ImportFileError as error:
        result.errors = [RowError(_line_of(error), "", _message_of(error))]
        return result
    errors = checked.errors
    if not errors and not ProgramIndexPage.objects.exists():
        errors = [RowError(1, "", "there is no programme overview page yet (load the site first)")]
    sources = {}
    if not errors:
        sources, conflicts = existing_programmes(checked)
        errors = _sorted(conflicts + _taken_organisation_names(checked))
        if len(errors) > MAX_ERRORS:
            checked.errors_not_shown, errors = len(errors) - MAX_ERRORS, errors[:MAX_ERRORS]
    if errors:
        result.errors, result.errors_not_shown = errors, checked.errors_not_shown
        return result
    del checked.lines, checked.programmes  # the second pass needs only the existing pages

    try:
        with transaction.atomic():
            organisations, places = {}, {}
            done, line = 0, 1
            for line, item in rows_source:
                programme, row_errors = (
                    (None, [item]) if isinstance(item, RowError) else validate_row(line, item, {}, places)
                )
                if row_errors:
                    raise _RowFailed(RowError(line, "", "the file changed while it was imported; import it again"))
                done += 1
                try:
                    page = sources.get(programme.external_id)
                    page = ProgramPage.objects.get(pk=page) if page else None
                    _import_row(programme, page, organisations, result, dry_run)
                except (ValidationError, ValueError, LookupError) as error:
                    raise _RowFailed(RowError(line, "", f"could not be imported: {_describe(error)}")) from error
                if progress:
                    progress(done, checked.rows)
            if done != checked.rows:
                raise _RowFailed(RowError(line, "", "the file changed while it was imported; import it again"))
    except ImportFileError as error:  # the file changed between the two passes
        return ImportResult(dry_run=dry_run, errors=[RowError(_line_of(error), "", _message_of(error))])
    except _RowFailed as failure:
        return ImportResult(dry_run=dry_run, errors=[failure.error])
    return result


class _RowFailed(Exception):
    def __init__(self, error):
        super().__init__(str(error))
        self.error = error


def _describe(error):
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    return " ".join(getattr(error, "messages", [str(error)]))


def _import_row(row, page, organisations, result, dry_run):
    organisation = organisations.get(row.organisation.casefold())
    if organisation is None:
        organisation = find_organisation(row.organisation)
        if organisation is None:
            result.organisations_created.append(row.organisation)
            if not dry_run:
                organisation = _onboard(row)
        elif not dry_run:
            _update_organisation(organisation, row)
        organisations[row.organisation.casefold()] = organisation or row.organisation
    if page is None:
        result.created.append(row.external_id)
        if not dry_run:
            _create(row, organisation)
    elif _differs(page, row):
        result.updated.append(row.external_id)
        if not dry_run:
            _update(page, row)
    else:
        result.unchanged.append(row.external_id)


EXISTING_BATCH = 1000  # external ids looked up per query


def existing_programmes(checked):
    """({external_id: the source ProgramPage's pk}, conflicts) for the file's programmes that exist already.

    Rows that would move a programme to another organisation or language are conflicts: refused, never guessed.
    Looked up a batch of ids at a time, so that memory holds page ids, not pages.
    """
    from wagtail_localize.models import TranslationSource

    sources, conflicts = {}, []
    ids = list(checked.programmes)
    for start in range(0, len(ids), EXISTING_BATCH):
        batch = ids[start : start + EXISTING_BATCH]
        pages = (
            ProgramPage.objects.filter(external_id__in=batch, alias_of__isnull=True)
            .order_by("pk")
            .only("pk", "path", "external_id", "translation_key", "locale_id")
            .select_related("locale")
        )
        groups = {}
        for page in pages:
            groups.setdefault(page.external_id, []).append(page)
        if not groups:
            continue
        first_locale = {}
        for key, locale_id in (
            TranslationSource.objects.filter(object_id__in={pages[0].translation_key for pages in groups.values()})
            .order_by("created_at")
            .values_list("object_id", "locale_id")
        ):
            first_locale.setdefault(key, locale_id)
        picked = {
            external_id: _pick_source(pages, first_locale.get(pages[0].translation_key))
            for external_id, pages in groups.items()
        }
        parents = dict(
            Page.objects.filter(path__in={page.path[: -Page.steplen] for page in picked.values()}).values_list(
                "path", "title"
            )
        )
        for external_id, page in picked.items():
            sources[external_id] = page.pk
            line = checked.lines[external_id]
            organisation, source_locale = checked.programmes[external_id]
            title = parents.get(page.path[: -Page.steplen], "")
            if title.casefold() != organisation.casefold():
                conflicts.append(
                    RowError(
                        line,
                        "organisation",
                        f"programme {external_id} belongs to “{title}”; "
                        "the import does not move programmes between organisations",
                    )
                )
            if page.locale.language_code != source_locale:
                conflicts.append(
                    RowError(
                        line,
                        "source_locale",
                        f"programme {external_id} was written in {page.locale.language_code}, not {source_locale}",
                    )
                )
    return sources, conflicts


def _line_of(error):
    text = str(error)
    if text.startswith("line "):
        try:
            return int(text.split(":", 1)[0].split()[1])
        except (IndexError, ValueError):
            return 1
    return 1


def _message_of(error):
    text = str(error)
    return text.split(": ", 1)[1] if text.startswith("line ") and ": " in text else text


def _taken_organisation_names(checked):
    """Rows that would onboard an organisation whose group or collection belongs to someone else (home.permissions)."""
    errors = []
    for name, line in checked.organisations.values():
        if find_organisation(name) or permissions.organisation_link_named(name):
            continue
        try:
            permissions.check_organisation_name(name)
        except permissions.OrganisationNameTaken as error:
            errors.append(RowError(line, "organisation", str(error)))
    return errors


def _pick_source(pages, source_locale):
    """Of a programme's pages, the one in the locale wagtail-localize first translated from (else the oldest)."""
    for page in pages:
        if page.locale_id == source_locale:
            return page
    return min(pages, key=lambda p: p.pk)


def find_organisation(name):
    """The organisation's source page (an OrganisationPage that is no alias), found by name."""
    return OrganisationPage.objects.filter(title__iexact=name, alias_of__isnull=True).order_by("pk").first()


def _onboard(row):
    from programs.onboarding import onboard_organisation

    page = onboard_organisation(
        row.organisation,
        website=row.organisation_website,
        email=row.organisation_email,
        source_locale=row.source_locale,
    )
    return OrganisationPage.objects.get(pk=page.pk)


def _update_organisation(organisation, row):
    """Fill in or change the organisation's website and e-mail when the file gives them."""
    changes = {
        name: value
        for name, value in (("website", row.organisation_website), ("email", row.organisation_email))
        if value and getattr(organisation, name) != value
    }
    if not changes or organisation.has_unpublished_changes:
        return
    for name, value in changes.items():
        setattr(organisation, name, value)
    organisation.save_revision().publish()


def _parent_in(organisation, code):
    """The organisation's page in locale `code` (made by onboarding; an alias is created if missing)."""
    page = OrganisationPage.objects.filter(translation_key=organisation.translation_key, locale__language_code=code)
    found = page.first()
    if found is None:
        found = organisation.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True, alias=True)
    return found


def _unique_slug(parent, base):
    base = slugify(base)[:200].strip("-") or "programme"
    taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _apply(page, row):
    for name, value in row.fields.items():
        setattr(page, name, value)
    for code in row.terms["languages"]:  # any ISO 639 code: the first programme to speak it adds it
        Language.objects.get_or_create(code=code, defaults={"sort_order": len(taxonomy.LANGUAGES)})
    for name, (model, _labels) in TAXONOMY_COLUMNS.items():
        setattr(page, name, list(model.objects.filter(code__in=row.terms[name])))
    page.municipality_links = [
        ProgramMunicipality(municipality=m, sort_order=n) for n, m in enumerate(row.municipalities)
    ]
    page.locations = [ProgramLocation(sort_order=0, **row.location)] if row.location else []


def _create(row, organisation):
    """Create the programme as a draft, translate it, then publish the source and its translations.

    Translating before publishing spares making aliases in the translated locales only to
    convert them into translations a moment later.
    """
    parent = _parent_in(organisation, row.source_locale)
    page = ProgramPage(slug=_unique_slug(parent, row.fields["title"]), live=False)
    _apply(page, row)
    parent.add_child(instance=page)
    revision = page.save_revision()
    translations = _translate(ProgramPage.objects.get(pk=page.pk), row)
    revision.publish()
    for translation in translations:
        translation.get_latest_revision().publish()
        # The new translation briefly had the source's slug: no redirect from that never-public address.
        transaction.on_commit(partial(drop_automatic_redirects, translation.pk))


def drop_automatic_redirects(page_id, *, descendants=False):
    """Remove the redirects Wagtail made (after the commit) to a page whose old address was never public."""
    from wagtail.contrib.redirects.models import Redirect

    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        pages = Page.objects.descendant_of(page, inclusive=True) if descendants else Page.objects.filter(pk=page.pk)
        Redirect.objects.filter(automatically_created=True, redirect_page__in=pages).delete()


def _update(page, row):
    page = page.specific
    _apply(page, row)
    page.save_revision().publish()
    for translation in _translate(ProgramPage.objects.get(pk=page.pk), row):
        translation.get_latest_revision().publish()


def _translate(page, row):
    """Make or update the row's translations as drafts (wagtail-localize would publish after the commit)."""
    from home.translation import translate_instance

    drafts = []
    for code, given in row.translations.items():
        if not _translation_differs(page, code, given):
            continue
        translation = ProgramPage.objects.filter(
            translation_key=page.translation_key, locale__language_code=code, alias_of__isnull=True
        ).first()
        if translation is not None:
            slug = translation.slug  # a translation keeps its address
        else:
            slug = _unique_slug(_parent_in(page.get_parent().specific, code), given["name"])
        pairs = [(page.title, given["name"]), (page.slug, slug)]
        if given["summary"]:
            pairs.append((page.summary, given["summary"]))
        if given["description"]:
            pairs.extend(zip(row.description_paragraphs, paragraphs(given["description"]), strict=True))
        # Keyed the way wagtail-localize stores segments: escaped and normalised text.
        strings = {_segment(original): _segment(translated) for original, translated in pairs}
        drafts.append(translate_instance(page, code, strings, strict=False, publish=False))
    return drafts


def _segment(text):
    from wagtail_localize.strings import StringValue

    return StringValue.from_plaintext(text).data


def _translation_differs(page, code, given):
    translation = ProgramPage.objects.filter(
        translation_key=page.translation_key, locale__language_code=code, alias_of__isnull=True
    ).first()
    if translation is None:
        return True
    if translation.title != given["name"]:
        return True
    if given["summary"] and translation.summary != given["summary"]:
        return True
    return bool(given["description"]) and not same_html(translation.description, rich_text(given["description"]))


def same_html(a, b):
    """Equal rich text, whatever the entity escaping (wagtail-localize writes "'" where we write "&#x27;")."""
    return html.unescape(a or "") == html.unescape(b or "")


def _differs(page, row):
    """Whether importing `row` would change the programme or its translations."""
    page = page.specific
    for name, value in row.fields.items():
        if getattr(page, name) != value:
            return True
    for name in TAXONOMY_COLUMNS:
        if set(getattr(page, name).values_list("code", flat=True)) != set(row.terms[name]):
            return True
    if [link.municipality_id for link in page.municipality_links.all()] != [m.pk for m in row.municipalities]:
        return True
    locations = list(page.locations.all())
    if row.location is None:
        if locations:
            return True
    elif len(locations) != 1 or any(
        getattr(locations[0], key) != value for key, value in row.location.items() if key != "name"
    ):
        return True
    return any(_translation_differs(page, code, given) for code, given in row.translations.items())
