"""Two-factor sign-in for the admin (home/two_factor/), with enforcement fully on.

Accounts that publish or manage users cannot reach any admin view, the admin
API or an editors-only document after their password alone; they enrol or
enter a code first. Organisation editors are offered it on their dashboard.
Recovery codes work once, wrong codes are throttled, and a user manager (only
one) resets a lost device, in the audit log.
"""

import re
from base64 import b32decode
from datetime import timedelta

import pytest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import GroupPagePermission, ModelLogEntry

from home.permissions import requires_second_factor
from home.tests.factories import UserFactory
from home.tests.two_factor_support import Client, admin_in, current_code, enrolled, password_only
from home.two_factor import devices

PASSWORD = "correct horse battery staple"
VERIFY = reverse("two_factor:verify")
ENROL = reverse("two_factor:enrol")


def sign_in_through_login_view(client, user):
    response = client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, "the password step did not succeed"
    return response


# Who must use it -----------------------------------------------------------------------------------------------


def test_accounts_that_publish_or_manage_users_must_use_a_second_factor(groups, campaign_editor, org_editor):
    translator = UserFactory(username="tom")
    translator.groups.add(Group.objects.get(name="Translators"))
    user_manager = UserFactory(username="una")
    user_manager.user_permissions.add(Permission.objects.get(content_type__app_label="auth", codename="change_user"))
    superuser = UserFactory(username="root", is_superuser=True)
    inactive = UserFactory(username="gone", is_active=False)
    inactive.groups.add(groups["editors"])

    assert requires_second_factor(campaign_editor)
    assert requires_second_factor(get_user_model().objects.get(pk=user_manager.pk))
    assert requires_second_factor(superuser)
    assert not requires_second_factor(org_editor)
    assert not requires_second_factor(translator)
    assert not requires_second_factor(inactive)


def test_it_follows_the_publish_permission_not_a_group_name(groups, org_editor, home_page):
    organisation_group = org_editor.groups.get()
    GroupPagePermission.objects.create(
        group=organisation_group,
        page=home_page,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page"),
    )
    assert requires_second_factor(get_user_model().objects.get(pk=org_editor.pk))


# Held at the second step --------------------------------------------------------------------------------------


ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/account/",
    "/admin/users/",
    "/admin/reports/site-history/",
    "/admin/two-factor/",
    "/admin/api/main/pages/",
    "/admin/api/main/images/",
    "/admin/api/main/documents/",
    "/django-admin/",
]


@pytest.mark.parametrize("has_device", [True, False])
def test_a_campaign_editor_with_only_a_password_reaches_no_admin_view_nor_the_api(
    campaign_editor, home_page, has_device
):
    if has_device:
        enrolled(campaign_editor)
    client = password_only(campaign_editor)
    step = VERIFY if has_device else ENROL
    for url in [*ADMIN_URLS, f"/admin/pages/{home_page.pk}/edit/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{step}?next="), url
    # The step itself, logging out and the login page stay open.
    assert client.get(step).status_code == 200
    assert client.get(reverse("wagtailadmin_login")).status_code in (200, 302)
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert client.get("/admin/").url.startswith(reverse("wagtailadmin_login"))


def test_a_document_for_editors_only_stays_closed_until_the_second_factor(campaign_editor):
    document = get_document_model().objects.create(title="Intern plan", file=ContentFile(b"plan", name="intern.txt"))
    url = document.url
    enrolled(campaign_editor)
    assert password_only(campaign_editor).get(url).status_code == 404
    verified = Client()
    verified.force_login(campaign_editor)
    assert verified.get(url).status_code == 200


def test_sign_in_with_the_code_through_the_real_views(campaign_editor, home_page):
    device, _codes = enrolled(campaign_editor)
    client = Client()
    edit_url = f"/admin/pages/{home_page.pk}/edit/"
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "campaign-carl", "password": PASSWORD, "next": edit_url}
    )
    assert response.url == edit_url
    held = client.get(edit_url)
    assert held.url == f"{VERIFY}?next=%2Fadmin%2Fpages%2F{home_page.pk}%2Fedit%2F"

    page = client.get(held.url)
    assert "Enter your code" in page.content.decode() and 'autocomplete="one-time-code"' in page.content.decode()

    wrong = client.post(held.url, {"code": "000000" if current_code(device) != "000000" else "111111"})
    assert "This code is not right" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_timestamp = timezone.now() - timedelta(seconds=5)  # wait out the throttle
    device.save()

    response = client.post(held.url, {"code": current_code(device)})
    assert response.status_code == 302 and response.url == edit_url
    assert client.get(edit_url).status_code == 200
    assert client.get("/admin/api/main/pages/").status_code == 200


def test_the_same_code_does_not_sign_in_twice(campaign_editor):
    device, _codes = enrolled(campaign_editor)
    code = current_code(device)
    first = password_only(campaign_editor)
    assert first.post(VERIFY, {"code": code}).status_code == 302
    second = password_only(campaign_editor)
    assert "This code is not right" in second.post(VERIFY, {"code": code}).content.decode()


# An organisation editor is offered it ------------------------------------------------------------------------


def test_an_organisation_editor_reaches_the_admin_and_is_nudged_to_enrol(org_editor):
    client = password_only(org_editor)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    html = dashboard.content.decode()
    assert 'id="second-factor' in html and f'href="{ENROL}"' in html
    assert "If someone learns your password" in html
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/api/main/pages/").status_code == 200


def test_an_organisation_editor_who_turned_it_on_is_asked_for_the_code(org_editor):
    client = password_only(org_editor)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=org_editor, confirmed=False)
    assert client.post(ENROL, {"code": current_code(device)}).status_code == 200
    assert 'id="second-factor' not in client.get("/admin/").content.decode()

    later = password_only(org_editor)
    assert later.get("/admin/").url.startswith(VERIFY)

    client.post(reverse("two_factor:turn_off"))
    assert not devices.has_second_factor(org_editor)
    assert ModelLogEntry.objects.filter(action="home.two_factor.turn_off", object_id=str(org_editor.pk)).exists()
    assert password_only(org_editor).get("/admin/").status_code == 200


def test_a_campaign_editor_may_not_turn_it_off(campaign_editor):
    client = Client()
    client.force_login(campaign_editor)
    # Wagtail's admin answers a refusal (PermissionDenied) with its dashboard and an error message, not a bare 403.
    refused = client.post(reverse("two_factor:turn_off"), follow=True)
    assert refused.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert [message.level_tag for message in refused.context["messages"]] == ["error"]
    assert devices.has_second_factor(campaign_editor)
    assert not ModelLogEntry.objects.filter(action="home.two_factor.turn_off").exists()


# Enrolment -----------------------------------------------------------------------------------------------------


def test_enrolment_shows_a_qr_code_and_the_secret_and_confirms_a_code(campaign_editor):
    client = password_only(campaign_editor)
    response = client.get("/admin/")
    assert response.url == f"{ENROL}?next=%2Fadmin%2F"
    page = client.get(response.url)
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=campaign_editor, confirmed=False)
    assert re.search(r'<img class="two-factor-qr" src="data:image/svg\+xml[^"]+" [^>]*alt="QR code', html)
    secret = re.search(r'<code class="two-factor-secret">([A-Z2-7 ]+)</code>', html).group(1)
    assert b32decode(secret.replace(" ", "")) == device.bin_key
    assert client.get(ENROL).content.decode().count(secret) == 1, "a reload keeps the same secret"

    refused = client.post(f"{ENROL}?next=/admin/", {"code": "12345"})
    assert "This code is not right" in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    device.throttling_failure_timestamp = timezone.now() - timedelta(seconds=5)
    device.save()
    shown = client.post(f"{ENROL}?next=/admin/", {"code": current_code(device), "next": "/admin/"})
    assert shown.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", shown.content.decode())
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=campaign_editor).values_list("token", flat=True)
    )
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="home.two_factor.enrol", object_id=str(campaign_editor.pk)).exists()
    assert "<code>" not in client.get(reverse("two_factor:manage")).content.decode(), "codes are shown only once"


def test_replacing_the_app_needs_the_old_one_first(campaign_editor):
    old, _codes = enrolled(campaign_editor)
    client = password_only(campaign_editor)
    assert client.get(ENROL).url.startswith(VERIFY)
    client.post(VERIFY, {"code": current_code(old)})
    client.get(ENROL)
    new = TOTPDevice.objects.get(user=campaign_editor, confirmed=False)
    response = client.post(ENROL, {"code": current_code(new)})
    assert response.status_code == 302 and response.url == reverse("two_factor:manage")
    assert list(TOTPDevice.objects.filter(user=campaign_editor)) == [new]
    assert devices.recovery_codes_left(campaign_editor) == 10


# Recovery codes ------------------------------------------------------------------------------------------------


def test_a_recovery_code_signs_in_once(campaign_editor):
    _device, codes = enrolled(campaign_editor)
    client = password_only(campaign_editor)
    response = client.post(f"{VERIFY}?next=/admin/pages/", {"code": codes[0].upper()[:4] + " " + codes[0][4:]})
    assert response.status_code == 302 and response.url == "/admin/pages/"
    assert "9 codes are left" in client.get("/admin/pages/").content.decode()
    assert devices.recovery_codes_left(campaign_editor) == 9

    again = password_only(campaign_editor)
    assert "This code is not right" in again.post(VERIFY, {"code": codes[0]}).content.decode()
    StaticDevice.objects.filter(user=campaign_editor).update(throttling_failure_timestamp=None)
    assert again.post(VERIFY, {"code": codes[1]}).status_code == 302


def test_new_recovery_codes_replace_the_old_ones(campaign_editor):
    _device, old_codes = enrolled(campaign_editor)
    client = Client()
    client.force_login(campaign_editor)
    response = client.post(reverse("two_factor:recovery_codes"))
    new_codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert password_only(campaign_editor).post(VERIFY, {"code": old_codes[0]}).status_code == 200
    assert ModelLogEntry.objects.filter(action="home.two_factor.recovery_codes").count() == 1


def test_the_dashboard_asks_for_recovery_codes_when_none_or_few_are_left(campaign_editor):
    TOTPDevice.objects.create(user=campaign_editor, name="Phone", confirmed=True)  # an app, no codes (as demo accounts)
    client = Client()
    client.force_login(campaign_editor)
    dashboard = client.get("/admin/").content.decode()
    assert "You have no recovery codes." in dashboard and "Only 0" not in dashboard
    assert "You have no recovery codes." in client.get(reverse("two_factor:manage")).content.decode()

    codes = devices.new_recovery_codes(campaign_editor)
    assert 'id="second-factor' not in client.get("/admin/").content.decode()
    StaticToken.objects.filter(token__in=codes[:7]).delete()
    assert "Only 3 recovery codes are left." in client.get("/admin/").content.decode()


# Throttling ----------------------------------------------------------------------------------------------------


def test_wrong_codes_are_throttled_even_before_a_right_one(campaign_editor):
    device, codes = enrolled(campaign_editor)
    client = password_only(campaign_editor)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    assert "This code is not right" in client.post(VERIFY, {"code": wrong}).content.decode()
    # Right away, even the right code waits: the first failure costs a second, each next one doubles it.
    throttled = client.post(VERIFY, {"code": current_code(device)}).content.decode()
    assert "Too many wrong codes in a row. Wait 1 second and try again." in throttled
    device.refresh_from_db()
    assert device.throttling_failure_count == 1

    device.throttling_failure_count = 5
    device.save()
    assert "Wait 16 seconds" in client.post(VERIFY, {"code": current_code(device)}).content.decode()
    assert client.get("/admin/").status_code == 302

    device.throttling_failure_timestamp = timezone.now() - timedelta(seconds=17)
    device.save()
    assert client.post(VERIFY, {"code": current_code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_wrong_recovery_codes_are_throttled_too(campaign_editor):
    _device, codes = enrolled(campaign_editor)
    client = password_only(campaign_editor)
    client.post(VERIFY, {"code": "aaaaaaaa"})
    assert "Too many wrong codes" in client.post(VERIFY, {"code": codes[0]}).content.decode()
    assert devices.recovery_codes_left(campaign_editor) == 10


# A lost device -------------------------------------------------------------------------------------------------


def test_a_campaign_admin_resets_a_lost_device_and_the_user_enrols_again(campaign_admin, campaign_editor):
    enrolled(campaign_editor)
    admin = Client()
    admin.force_login(campaign_admin)
    reset_url = reverse("two_factor:reset", args=[campaign_editor.pk])
    assert reset_url in admin.get(reverse("wagtailusers_users:index")).content.decode()
    assert admin.get(reset_url).status_code == 200

    response = admin.post(reset_url)
    assert response.status_code == 302
    assert not devices.has_second_factor(campaign_editor)
    entry = ModelLogEntry.objects.get(action="home.two_factor.reset", object_id=str(campaign_editor.pk))
    assert entry.user_id == campaign_admin.pk
    assert "Reset two-factor sign-in" in admin.get(reverse("wagtailadmin_reports:site_history")).content.decode()

    client = Client()
    sign_in_through_login_view(client, campaign_editor)
    assert client.get("/admin/").url.startswith(ENROL)


def test_a_campaign_editor_may_not_reset_anyone(campaign_editor, org_editor):
    enrolled(org_editor)
    client = Client()
    client.force_login(campaign_editor)
    url = reverse("two_factor:reset", args=[org_editor.pk])
    assert client.get(url).status_code in (302, 403)
    assert client.post(url).status_code in (302, 403)
    assert devices.has_second_factor(org_editor)
    assert not ModelLogEntry.objects.filter(action="home.two_factor.reset").exists()


def test_only_a_superuser_resets_a_superuser(campaign_admin):
    root = UserFactory(username="root", is_superuser=True)
    enrolled(root)
    client = Client()
    client.force_login(campaign_admin)
    assert client.post(reverse("two_factor:reset", args=[root.pk])).status_code in (302, 403)
    assert devices.has_second_factor(root)


# Languages -----------------------------------------------------------------------------------------------------


def test_the_steps_speak_the_accounts_language(campaign_editor, org_editor):
    device, _codes = enrolled(campaign_editor)
    admin_in(campaign_editor, "fr")
    client = password_only(campaign_editor)
    page = client.get(VERIFY).content.decode()
    # French typography, as in the rest of the fr catalogue: a no-break space before "?" and ":".
    assert "Saisissez votre code" in page and "Vous avez perdu votre téléphone\u00a0?" in page
    wrong = "000000" if current_code(device) != "000000" else "111111"
    assert "Ce code n’est pas correct." in client.post(VERIFY, {"code": wrong}).content.decode()
    assert "Trop de codes erronés" in client.post(VERIFY, {"code": wrong}).content.decode()

    admin_in(org_editor, "nl")
    dashboard = password_only(org_editor).get("/admin/").content.decode()
    assert "Tweestapsaanmelding" in dashboard


# Demo accounts -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_accounts_sign_in_with_the_printed_code_on_a_development_machine_only(groups, capsys):
    from home.demo.users import DEMO_TOTP_KEY, ensure_demo_users

    with override_settings(DEBUG=False):
        ensure_demo_users(groups)
        assert not TOTPDevice.objects.filter(key=DEMO_TOTP_KEY).exists()
        with pytest.raises(CommandError, match="DEBUG"):
            call_command("demo_sign_in_code")

    with override_settings(DEBUG=True):
        ensure_demo_users(groups)
        call_command("demo_sign_in_code")
    output = capsys.readouterr().out
    codes = dict(re.findall(r"^(campaign-\w+)\s+(\d{6})", output, re.MULTILINE))
    assert set(codes) == {"campaign-editor", "campaign-admin"}

    editor = get_user_model().objects.get(username="campaign-editor")
    client = Client()
    client.post(reverse("wagtailadmin_login"), {"username": "campaign-editor", "password": "buddy-demo-2026!"})
    assert client.get("/admin/").url.startswith(VERIFY)
    assert client.post(VERIFY, {"code": codes["campaign-editor"]}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=editor).key == DEMO_TOTP_KEY
