"""Import programme listings from CSV or JSON (the format: docs/import-format.md).

`import_programmes(path_or_rows, dry_run=...)` reads the file row by row, twice,
never holding it whole: a first pass validates every row (each through
programs/import_forms.py's `ProgrammeRowForm`), keeping only ids,
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
import html
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale, Page

from home import locales, permissions
from home.translation import translate_instance
from programs import taxonomy
from programs.import_forms import (
    COLUMNS,
    LOCALES,
    OPTIONAL_COLUMNS,
    REQUIRED,
    TAXONOMY_COLUMNS,
    ProgrammeRowForm,
    paragraphs,
    rich_text,
)
from programs.models import (
    Language,
    OrganisationPage,
    ProgramIndexPage,
    ProgramLocation,
    ProgramMunicipality,
    ProgramPage,
)
from programs.onboarding import onboard_organisation


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
        items = _JsonItems(text)
        yield from items
        self.header_errors = _header_errors(list(items.columns), 1)


class _JsonItems:
    """The items of a JSON list read from `text` a chunk at a time: (line, {column: value} or RowError) each.

    `buffer` holds the text not consumed yet from `position` on; `lines_before` counts the lines before it.
    `columns` gathers the column names the objects use.
    """

    def __init__(self, text):
        self.text, self.decoder = text, json.JSONDecoder()
        self.buffer, self.position, self.lines_before, self.eof = "", 0, 1, False
        self.columns = {}

    def more(self):
        self.lines_before += self.buffer.count("\n", 0, self.position)
        self.buffer, self.position = self.buffer[self.position :], 0
        chunk = self.text.read(CHUNK_SIZE)
        self.eof = not chunk
        self.buffer += chunk
        return not self.eof

    def line_at(self, pos):
        return self.lines_before + self.buffer.count("\n", 0, pos)

    def skip_space(self):
        while True:
            while self.position < len(self.buffer) and self.buffer[self.position] in " \t\r\n":
                self.position += 1
            if self.position < len(self.buffer) or not self.more():
                return

    def take(self, char):
        """Whether the next character is `char` (then consumed)."""
        if self.position < len(self.buffer) and self.buffer[self.position] == char:
            self.position += 1
            return True
        return False

    def __iter__(self):
        self.skip_space()
        if not self.buffer[self.position :].startswith("["):
            raise ImportFileError("a JSON file holds a list of objects, one per programme")
        self.position += 1
        self.skip_space()
        if not self.take("]"):
            yield from self._items()
        self.skip_space()
        if self.position < len(self.buffer):
            # json.load would refuse it too: a file cut or pasted twice must not import its first part alone.
            raise ImportFileError(f"line {self.line_at(self.position)}: not valid JSON (more text after the list ends)")

    def _items(self):
        while True:
            self.skip_space()
            value, end = self._decode()
            line = self.line_at(self.position)
            if isinstance(value, dict):
                self.columns.update(dict.fromkeys(str(k) for k in value))
                yield line, {str(k): v for k, v in value.items()}
            else:
                yield line, RowError(line, "", "each item of the list must be an object")
            self.position = end
            self.skip_space()
            if self.take(","):
                continue
            if self.take("]"):
                return
            raise ImportFileError(f"line {self.line_at(self.position)}: not valid JSON (expected , or ])")

    def _decode(self):
        """(the value that starts at `position`, where it ends), reading more text until it is whole."""
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.position)
            except json.JSONDecodeError as error:
                if not self.eof and len(self.buffer) - self.position <= MAX_OBJECT_CHARS and self.more():
                    continue
                raise ImportFileError(f"line {self.line_at(error.pos)}: not valid JSON ({error.msg})") from error
            except RecursionError:
                raise ImportFileError(
                    f"line {self.line_at(self.position)}: not valid import data (lists or objects nested too deeply; "
                    "each programme is one object of text values)"
                ) from None
            if end == len(self.buffer) and not self.eof and self.more():
                continue  # a number may go on in the next chunk
            return value, end


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


def validate_row(line, row, seen_ids, places=None):
    """A ProgrammeRow, or the row's errors; `places` (a dict) keeps resolved municipality lists between rows."""
    form = ProgrammeRowForm(row, line=line, seen_ids=seen_ids, places=places)
    errors = [RowError(line, column, message) for column, message in form.row_errors()]
    if errors:
        return None, errors
    return form.programme(), []


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
    sources, conflicts = {}, []
    ids = list(checked.programmes)
    for start in range(0, len(ids), EXISTING_BATCH):
        picked = _existing_sources(ids[start : start + EXISTING_BATCH])
        if not picked:
            continue
        parents = dict(
            Page.objects.filter(path__in={page.path[: -Page.steplen] for page in picked.values()}).values_list(
                "path", "title"
            )
        )
        for external_id, page in picked.items():
            sources[external_id] = page.pk
            organisation = parents.get(page.path[: -Page.steplen], "")
            conflicts.extend(_conflicts(checked, external_id, page, organisation))
    return sources, conflicts


def _existing_sources(external_ids):
    """{external_id: its source page (pk, path, locale)} for those of `external_ids` that exist."""
    from wagtail_localize.models import TranslationSource

    pages = (
        ProgramPage.objects.sources()
        .filter(external_id__in=external_ids)
        .order_by("pk")
        .only("pk", "path", "external_id", "translation_key", "locale_id")
        .select_related("locale")
    )
    groups = {}
    for page in pages:
        groups.setdefault(page.external_id, []).append(page)
    if not groups:
        return {}
    first_locale = {}
    for key, locale_id in (
        TranslationSource.objects.filter(object_id__in={pages[0].translation_key for pages in groups.values()})
        .order_by("created_at")
        .values_list("object_id", "locale_id")
    ):
        first_locale.setdefault(key, locale_id)
    return {
        external_id: _pick_source(pages, first_locale.get(pages[0].translation_key))
        for external_id, pages in groups.items()
    }


def _conflicts(checked, external_id, page, title):
    """The row's errors if it would move the existing `page` to another organisation or source language."""
    line = checked.lines[external_id]
    organisation, source_locale = checked.programmes[external_id]
    conflicts = []
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
    return conflicts


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
    return OrganisationPage.objects.sources().filter(title__iexact=name).order_by("pk").first()


def _onboard(row):
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
        (found,) = locales.ensure_aliases(organisation, Locale.objects.filter(language_code=code))
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
    drafts = []
    for code, given in row.translations.items():
        if not _translation_differs(page, code, given):
            continue
        translation = (
            ProgramPage.objects.sources()
            .filter(translation_key=page.translation_key, locale__language_code=code)
            .first()
        )
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
    translation = (
        ProgramPage.objects.sources().filter(translation_key=page.translation_key, locale__language_code=code).first()
    )
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
