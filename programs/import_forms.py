"""The form that checks one row of a programme import (the format: docs/import-format.md).

programs/importer.py reads the file; `ProgrammeRowForm(row, seen_ids=..., places=...)` checks one row the
way Django checks a POST: each column is a form field (text with a maximum length, a web address, an
e-mail address, a choice, a date, a number, a list of codes), `clean_<column>` resolves what needs the
database or the rest of the file (municipalities, ids seen on earlier lines) and `clean()` the rules that
join columns (a translation needs its name, latitude needs longitude). `row_errors()` gives every problem
as (column, message), which the importer reports as "line N, column X: message"; `programme(line)` the
checked row with its values converted. The fields hold no state, so a form per row copies none of them.
"""

import datetime
import decimal
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.html import escape

from programs import taxonomy
from programs.languages import canonical_language_code
from programs.models import Language, Mode, Region, TargetGroup, Theme
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
PLACES_KEPT = 2000  # municipality lists whose resolution an import keeps (rows often repeat them)
LOCATION_COLUMNS = ("address", "postcode", "city", "latitude", "longitude")


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


def paragraphs(text):
    """Paragraphs of plain text, separated by blank lines."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").replace("\r", "\n").split("\n\n")]
    return [block for block in blocks if block]


def rich_text(text):
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs(text))


def split_list(text):
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def column_text(row, column):
    """The column's value as text (JSON numbers, booleans and lists of codes too); TypeError for anything else."""
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


def row_values(row):
    """({column: text} of the known columns given, [(column, problem)]): text, without NUL characters."""
    values, problems = {}, []
    for column in row:
        if column not in COLUMNS and column not in OPTIONAL_COLUMNS:
            continue
        try:
            values[column] = column_text(row, column)
        except TypeError:
            problems.append((column, "must be text"))
            values[column] = ""
    for column, value in values.items():
        if "\x00" in value:
            # PostgreSQL cannot store it; a file saved as UTF-16 is full of them.
            problems.append((column, "contains a NUL character (code 0), which cannot be stored; remove it"))
            values[column] = value.replace("\x00", "")
    return values, problems


# Fields ---------------------------------------------------------------------------------------------


def _at_most(limit):
    def check(value):
        if len(value) > limit:
            raise ValidationError(f"at most {limit} characters (this one has {len(value)})")

    return check


_web_address = URLValidator(schemes=["http", "https"])


def web_address(value):
    try:
        _web_address(value)
    except ValidationError:
        raise ValidationError(f"“{value[:80]}” is not a web address (http:// or https://)") from None


def email_address(value):
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError(f"“{value[:80]}” is not an e-mail address") from None


class TextColumn(forms.CharField):
    """A column of text, as `row_values` gives it (already stripped); empty when the row lacks it."""

    def __init__(self, *, required=False, max_length=None, validators=()):
        checks = [_at_most(max_length)] if max_length else []
        super().__init__(
            required=required, strip=False, validators=[*checks, *validators], error_messages={"required": "required"}
        )

    def __deepcopy__(self, memo):
        return self  # no state: a form per row of a large file must not copy forty fields


class ChoiceColumn(TextColumn):
    """One of a few codes in any letter case; empty means the first."""

    def __init__(self, codes, *, separator="|"):
        self.codes, self.separator = list(codes), separator
        super().__init__()

    def clean(self, value):
        code = value.lower() or self.codes[0]
        if code not in self.codes:
            raise ValidationError(f"“{value[:40]}” is not one of {self.separator.join(self.codes)}")
        return code


class LocaleColumn(TextColumn):
    """The language the row's own text is written in: one of LOCALES, as written; empty means nl."""

    def clean(self, value):
        code = value or LOCALES[0]
        if code not in LOCALES:
            raise ValidationError(f"“{code}” is not one of {', '.join(LOCALES)}")
        return code


class AgeColumn(TextColumn):
    """A whole number of years, 1 to 99, or nothing."""

    def clean(self, value):
        if not value:
            return None
        try:
            age = int(value)
        except ValueError:
            age = 0
        if not 0 < age < 100:
            raise ValidationError(f"“{value[:20]}” is not an age in years")
        return age


class DateColumn(TextColumn):
    """A day written YYYY-MM-DD, not after tomorrow, or nothing."""

    def clean(self, value):
        if not value:
            return None
        try:
            day = datetime.date.fromisoformat(value)
            if len(value) != 10:
                raise ValueError
        except ValueError:
            raise ValidationError(f"“{value[:20]}” is not a date YYYY-MM-DD") from None
        if day > datetime.date.today() + datetime.timedelta(days=1):
            raise ValidationError("lies in the future")
        return day


class CoordinateColumn(TextColumn):
    """A latitude or longitude in degrees (a decimal comma is read too), to six decimals, or nothing."""

    def __init__(self, name, limit):
        self.name, self.limit = name, limit
        super().__init__()

    def clean(self, value):
        if not value:
            return None
        try:
            number = decimal.Decimal(value.replace(",", "."))
            if not number.is_finite() or abs(number) > self.limit:
                raise decimal.InvalidOperation
        except decimal.InvalidOperation:
            raise ValidationError(
                f"“{value[:20]}” is not a {self.name} between -{self.limit} and {self.limit}"
            ) from None
        return number.quantize(decimal.Decimal("0.000001"))


class CodeListColumn(TextColumn):
    """A list of taxonomy codes separated by ";", in any letter case: the codes, each once, in file order."""

    def __init__(self, labels, *, required=False):
        self.labels = labels
        self.by_lower = {code.lower(): code for code in labels}
        super().__init__(required=required)

    def clean(self, value):
        self.validate(value)  # required
        codes, unknown = [], []
        for part in split_list(value):
            code = self.by_lower.get(part.lower())
            if code is None:
                unknown.append(part)
            elif code not in codes:
                codes.append(code)
        if unknown:
            raise ValidationError(f"unknown code(s) {', '.join(unknown)[:200]}; use {', '.join(self.labels)}")
        return codes


class LanguageListColumn(TextColumn):
    """A list of ISO 639 language codes (any, not only the common ones), each once, in canonical form."""

    def clean(self, value):
        codes, unknown = [], []
        for part in split_list(value):
            code = canonical_language_code(part)
            if code is None:
                unknown.append(part)
            elif code not in codes:
                codes.append(code)
        if unknown:
            raise ValidationError(
                f"unknown language code(s) {', '.join(unknown)[:200]}; use ISO 639 codes such as nl, ar, prs"
            )
        return codes


def _text_fields():
    fields = {}
    for column in [*COLUMNS, *OPTIONAL_COLUMNS]:
        fields[column] = TextColumn(required=column in REQUIRED, max_length=MAX_LENGTHS.get(column))
    for column in ("organisation_website", "signup_url"):
        fields[column] = TextColumn(max_length=MAX_LENGTHS[column], validators=[web_address])
    for column in ("organisation_email", "contact_email"):
        fields[column] = TextColumn(max_length=MAX_LENGTHS[column], validators=[email_address])
    return fields


# The form ---------------------------------------------------------------------------------------------


# Every column as text with its maximum length; ProgrammeRowForm overrides those that hold something else.
RowColumns = type("RowColumns", (forms.Form,), {"__module__": __name__, **_text_fields()})


class ProgrammeRowForm(RowColumns):
    """Row `line` of an import file; `seen_ids` ({external_id: line}) and `places` (a cache) span the file."""

    source_locale = LocaleColumn()
    themes = CodeListColumn(taxonomy.THEMES)
    target_groups = CodeListColumn(taxonomy.TARGET_GROUPS)
    regions = CodeListColumn(taxonomy.REGIONS, required=True)
    modes = CodeListColumn(taxonomy.MODES)
    languages = LanguageListColumn()
    accepting_volunteers = ChoiceColumn(dict(taxonomy.ACCEPTING_CHOICES))
    accepting_newcomers = ChoiceColumn(dict(taxonomy.ACCEPTING_CHOICES))
    status = ChoiceColumn(dict(taxonomy.STATUS_CHOICES))
    request_form = ChoiceColumn(REQUEST_FORM_CHOICES)
    min_volunteer_age = AgeColumn()
    last_verified = DateColumn()
    latitude = CoordinateColumn("latitude", 90)
    longitude = CoordinateColumn("longitude", 180)

    def __init__(self, row, *, line, seen_ids, places=None):
        values, self.problems = row_values(row)
        super().__init__({column: values.get(column, "") for column in [*COLUMNS, *OPTIONAL_COLUMNS]})
        self.line, self.seen_ids, self.places = line, seen_ids, places

    def clean_regions(self):
        codes = self.cleaned_data["regions"]
        if self.data["regions"] and not codes and all(column != "regions" for column, _ in self.problems):
            raise ValidationError(self.fields["regions"].error_messages["required"])
        return codes

    def clean_municipalities(self):
        names = split_list(self.cleaned_data["municipalities"])
        if not names:
            return []
        resolution = self._resolve(names)
        problems = []
        if resolution.unknown:
            unknown = ", ".join(value for value, _close in resolution.unknown)
            close = [name for _value, names in resolution.unknown for name in names]
            hint = f" (did you mean {', '.join(dict.fromkeys(close))}?)" if close else ""
            problems.append(f"unknown municipality or postcode: {unknown[:200]}{hint[:200]}")
        for value, candidates in resolution.ambiguous:
            problems.append(f"“{value[:60]}” could be {' or '.join(candidates)[:200]}; write the municipality")
        if problems:
            raise ValidationError(problems)
        return resolution.municipalities

    def _resolve(self, names):
        """The municipalities a list of names or postcodes means, kept in `places` for the rows that repeat it."""
        if self.places is None:
            return resolve_municipalities(names)
        resolution = self.places.get(tuple(names))
        if resolution is None:
            resolution = resolve_municipalities(names)
            if len(self.places) >= PLACES_KEPT:
                self.places.clear()
            self.places[tuple(names)] = resolution
        return resolution

    def clean(self):
        self._check_external_id()
        self._check_source_text()
        self._check_coordinates()
        self._check_translations()
        return self.cleaned_data

    def _check_external_id(self):
        external_id = self.data["external_id"]
        if not external_id:
            return
        if external_id in self.seen_ids:
            self.add_error(
                "external_id",
                f"“{external_id}” appears twice in the file (also on line {self.seen_ids[external_id]})",
            )
        else:
            self.seen_ids[external_id] = self.line

    @property
    def source_locale_code(self):
        return self.cleaned_data.get("source_locale") or LOCALES[0]

    def _check_source_text(self):
        code = self.source_locale_code
        for column in (f"name_{code}", f"summary_{code}"):
            if self.data[column]:
                self.add_error(column, f"the source text is already in {code} (name, summary, description)")
                return

    def _check_coordinates(self):
        latitude, longitude = self.data["latitude"], self.data["longitude"]
        if bool(latitude) != bool(longitude):
            self.add_error("longitude" if latitude else "latitude", "give both latitude and longitude, or neither")

    def _check_translations(self):
        source_paragraphs = len(paragraphs(self.data["description"]))
        for code, given in self.translations().items():
            if not given["name"]:
                self.add_error(f"name_{code}", f"required when summary_{code} or description_{code} is given")
            if given["description"] and len(paragraphs(given["description"])) != source_paragraphs:
                self.add_error(
                    f"description_{code}",
                    f"has {len(paragraphs(given['description']))} paragraph(s), the description has "
                    f"{source_paragraphs}; translate paragraph by paragraph",
                )

    def translations(self):
        """{locale code: {name, summary, description}} of the translations the row gives."""
        translations = {}
        for code in LOCALES:
            if code == self.source_locale_code:
                continue
            given = {name: self.data[f"{name}_{code}"] for name in TRANSLATED}
            if any(given.values()):
                translations[code] = given
        return translations

    def row_errors(self):
        """Every problem of the row as (column, message); empty when it is valid."""
        errors = list(self.problems)
        for column, column_errors in self.errors.as_data().items():
            errors.extend((column, message) for error in column_errors for message in error.messages)
        return errors

    def programme(self):
        """The checked row (call after `row_errors` found none)."""
        data, cleaned = self.data, self.cleaned_data
        fields = {name: cleaned[name] for name in ("accepting_volunteers", "accepting_newcomers", "status")}
        fields["volunteer_request_form"], fields["newcomer_request_form"] = REQUEST_FORM_CHOICES[
            cleaned["request_form"]
        ]
        fields["min_volunteer_age"] = cleaned["min_volunteer_age"]
        fields["last_verified"] = cleaned["last_verified"]
        fields.update({name: data[name] for name in ("volunteer_commitment", "notice", "signup_url")})
        fields.update({name: data[name] for name in ("contact_name", "contact_email", "contact_phone")})
        fields.update(
            title=data["name"],
            summary=data["summary"],
            description=rich_text(data["description"]),
            external_id=data["external_id"],
        )
        return ProgrammeRow(
            line=self.line,
            external_id=data["external_id"],
            organisation=" ".join(data["organisation"].split()),
            organisation_website=data["organisation_website"],
            organisation_email=data["organisation_email"],
            source_locale=self.source_locale_code,
            fields=fields,
            terms={"languages": cleaned["languages"], **{c: cleaned[c] for c in TAXONOMY_COLUMNS if c != "languages"}},
            municipalities=cleaned["municipalities"],
            location=self._location(),
            translations=self.translations(),
            description_paragraphs=paragraphs(data["description"]),
        )

    def _location(self):
        if not any(self.data[column] for column in LOCATION_COLUMNS):
            return None
        location = {column: self.data[column] for column in ("address", "postcode", "city")}
        location.update(latitude=self.cleaned_data["latitude"], longitude=self.cleaned_data["longitude"])
        return location
