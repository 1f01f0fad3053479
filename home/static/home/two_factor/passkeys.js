// The two-factor page (home/templates/home/two_factor/manage.html): once django-otp-webauthn's script has
// registered a new passkey, reload the page so that its list, and what to do next, show the passkey.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.reload();
});
